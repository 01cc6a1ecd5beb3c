/**
 * Synthetic claims and articles for benchmarks: as many records as asked, built from the
 * seed records' shape with made-up incidents, actors, keywords and targets, so that
 * the index has realistic sizes and posting lists; and articles of any length made of
 * real newswire-style sentences from the test corpus.
 *
 * @module
 */
import type { Claim, Entity } from "../schema/index.ts";

/** A small deterministic PRNG (mulberry32), so that every run measures the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  "ka ro vi ne ta lu mo ser dan pol tri bek zor fin gal hu ya ost vel mir dra kon sel bar nov tes lin gor pra vos".split(
    " ",
  );
const COMMON =
  "attaque réseau ministère serveurs données courriels élection campagne agence rapport sécurité gouvernement hackers piratage intrusion opération renseignement militaire enquête sanctions diplomates".split(
    " ",
  );

function word(r: () => number, syllables = 3): string {
  let w = "";
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/**
 * `n` valid claims. Entity and keyword pools are shared, with a skewed draw, so some
 * features are in many claims and most in few, as in a real archive.
 *
 * @example
 * const claims = syntheticClaims(10_000, template);
 */
export function syntheticClaims(n: number, template: Claim, seed = 42): Claim[] {
  const r = rng(seed);
  const skew = (size: number) => Math.floor(size * r() ** 2.5);
  const states: Entity[] = Array.from({ length: 60 }, (_, i) => ({
    id: `state-${i}`,
    kind: "state",
    name: { fr: cap(word(r, 2)), en: cap(word(r, 2)) },
    aliases: [cap(word(r, 2))],
  }));
  const agencies: Entity[] = Array.from({ length: 400 }, (_, i) => ({
    id: `agency-${i}`,
    kind: i % 3 ? "agency" : "group",
    name: { fr: `Service ${cap(word(r))}`, en: `${cap(word(r))} Service` },
    aliases: [`APT${100 + i}`, `${cap(word(r, 2))} ${cap(word(r, 2))}`],
    parent: `state-${i % 60}`,
  }));
  const keywords = Array.from({ length: 20_000 }, () => (r() < 0.5 ? cap(word(r)) : `${word(r)} ${word(r, 2)}`));
  const source = template.accusations[0]!.sources[0]!;
  return Array.from({ length: n }, (_, i) => {
    const accused = agencies[skew(agencies.length)]!;
    const accuser = agencies[skew(agencies.length)]!;
    const denier = states[Number(accused.parent!.split("-")[1])]!;
    const entities = [
      ...new Map(
        [
          accused,
          accuser,
          denier,
          states[Number(accuser.parent!.split("-")[1])]!,
          states[Number(accused.parent!.split("-")[1])]!,
        ].map((e) => [e.id, e]),
      ).values(),
    ];
    const kw = () => Array.from({ length: 8 }, () => keywords[skew(keywords.length)]!);
    const title = `${cap(word(r))} : ${COMMON[skew(COMMON.length)]} contre ${cap(word(r))}`;
    const summary = Array.from({ length: 40 }, () => (r() < 0.3 ? cap(word(r)) : COMMON[skew(COMMON.length)]!)).join(
      " ",
    );
    const statement = (by: string) => ({
      by,
      date: "2020-01-02",
      basis: "government-statement" as const,
      summary: { fr: summary, en: summary },
      sources: [source],
    });
    return {
      id: `synthetic-${i}`,
      version: 1,
      updatedAt: "2026-11-23T00:00:00Z",
      status: "alleged",
      incident: {
        title: { fr: title, en: title },
        summary: { fr: summary, en: summary },
        date: `20${10 + (i % 15)}-0${1 + (i % 9)}`,
        targets: [{ fr: `ministère ${cap(word(r))}`, en: `${cap(word(r))} ministry` }],
      },
      accused: [accused.id],
      accusations: [{ ...statement(accuser.id), accuses: [accused.id] }],
      denials: [statement(denier.id)],
      topics: ["synthetic"],
      keywords: { fr: kw(), en: kw() },
      urls: [`https://news.example.org/synthetic/${i}`],
      entities,
    } satisfies Claim;
  });
}

/**
 * An article of about `words` words, from the sentences of `corpus` in a fixed order
 * shuffled by `seed`.
 *
 * @example
 * syntheticArticle(texts, 1500);
 */
export function syntheticArticle(corpus: readonly string[], words: number, seed = 7): string {
  const r = rng(seed);
  const sentences = corpus.flatMap((t) => t.split(/(?<=[.!?])\s+/));
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const s = sentences[Math.floor(r() * sentences.length)]!;
    out.push(s);
    count += s.split(/\s+/).length;
  }
  return out.join(" ");
}
