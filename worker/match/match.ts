/**
 * Finds the claims an article is about, with the prebuilt {@link MatchIndex}. The work
 * is lookups only: every stemmed word and phrase of up to four words is looked up once,
 * evidence is summed per claim and per concept (a phrase and its words count once), and
 * a claim is returned only when the article
 *
 * 1. is about a cyberattack (a cyberattack word, or a hacking group's name),
 * 2. names one of the claim's accused (or one of their parts: "APT28" names the GRU and Russia),
 * 3. and carries enough distinct pieces of evidence of the incident itself, whose weight
 *    reaches the threshold. Naming the accused actor (GRU, APT28) is not evidence of
 *    the incident, since the same actor has done other things; it only adds to the score.
 *
 * Country names, common words of the domain and years never count as evidence, so an
 * article that merely shares "Russie", "États-Unis" or "coopération" finds nothing.
 *
 * @module
 */
import type { TextQuote } from "../../schema/index.ts";
import { hashFeed, hashKey, hashStart } from "./feature-key.ts";
import { ACTOR_BIT, findFeature, MAX_GRAM, type MatchIndex } from "./index.ts";
import { sentences, stems } from "./text.ts";
import { CYBER_KEYS } from "./vocabulary.ts";

/** The least total evidence weight of a match. Calibrated on tests/fixtures/articles. */
export const THRESHOLD = 4;
/** The least number of distinct pieces of evidence. */
export const MIN_CONCEPTS = 3;
/** A claim must have at least this share of the best claim's evidence, so that a story about one incident does not also list its cousins. */
export const RELATIVE_CUTOFF = 0.3;
/** Evidence found in the article's title counts this much more. */
const TITLE_BOOST = 1.5;
/** The longest `exact` quoted from the article. */
const MAX_QUOTE = 280;
/** Characters of context before and after the quote. */
const CONTEXT = 32;

/** What the matcher reads. */
export interface Article {
  text: string;
  title?: string | undefined;
}

/** One relevant claim: its number in the index, its score and where the article speaks of it. */
export interface Found {
  claim: number;
  id: string;
  /** 0–1: the evidence weight `w` as `w / (w + THRESHOLD)`, so 0.5 is the threshold. */
  score: number;
  /** The best sentence, as a W3C text-quote selector into `text`, or null when only the title matched. */
  anchor: TextQuote | null;
}

interface Evidence {
  /** Concept → its best weight. */
  concepts: Map<number, number>;
  /** Sentence → evidence weight found in it. */
  sentences: Map<number, number>;
}

/**
 * The claims an article is about, best first, at most `limit`.
 *
 * @example
 * matchArticle(index, { title: "Les hackers de Fancy Bear…", text }, 3);
 * // [{ claim: 1, id: "dnc-hack-2016", score: 0.83, anchor: { exact: "…", prefix: "…", suffix: "…" } }]
 */
export function matchArticle(index: MatchIndex, article: Article, limit = 3): Found[] {
  const evidence = new Map<number, Evidence>();
  const named = new Set<number>();
  let cyber = false;

  const scan = (text: string, sentence: number, boost: number): void => {
    const s = stems(text);
    for (let i = 0; i < s.length; i++) {
      if (!cyber && s[i]!.startsWith("cyber")) cyber = true;
      const state = hashStart();
      for (let n = 0; n < MAX_GRAM && i + n < s.length; n++) {
        const key = hashKey(hashFeed(state, n === 0 ? s[i]! : ` ${s[i + n]}`));
        if (!cyber && CYBER_KEYS.has(key)) cyber = true;
        const m = index.mentions.get(key);
        if (m) for (const e of m) named.add(e);
        const f = findFeature(index, key);
        if (f < 0) continue;
        for (let k = index.starts[f]!, end = index.starts[f + 1]!; k < end; k++) {
          const claim = index.postClaim[k]!;
          const concept = index.postConcept[k]!;
          const w = (index.postWeight[k]! / 100) * boost;
          let ev = evidence.get(claim);
          if (!ev) {
            ev = { concepts: new Map(), sentences: new Map() };
            evidence.set(claim, ev);
          }
          const before = ev.concepts.get(concept) ?? 0;
          if (w > before) ev.concepts.set(concept, w);
          if (sentence >= 0) ev.sentences.set(sentence, (ev.sentences.get(sentence) ?? 0) + w);
        }
      }
    }
  };

  if (article.title) scan(article.title, -1, TITLE_BOOST);
  const spans = sentences(article.text);
  for (const [i, span] of spans.entries()) scan(article.text.slice(span.start, span.end), i, 1);

  if (!cyber) cyber = index.groups.some((g) => named.has(g));
  if (!cyber || evidence.size === 0) return [];
  const lineage = lineageOf(named, index.parents);

  const found: Array<Found & { weight: number }> = [];
  for (const [claim, ev] of evidence) {
    let incident = 0;
    let pieces = 0;
    let actor = 0;
    for (const [concept, w] of ev.concepts) {
      if (concept & ACTOR_BIT) actor = Math.max(actor, w);
      else {
        incident += w;
        pieces++;
      }
    }
    if (pieces < MIN_CONCEPTS || incident < THRESHOLD) continue;
    const weight = incident + actor;
    if (!index.accused[claim]!.some((e) => lineage.has(e))) continue;
    found.push({ claim, id: index.claims[claim]!, weight, score: round(weight / (weight + THRESHOLD)), anchor: null });
  }
  found.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
  const floor = (found[0]?.weight ?? 0) * RELATIVE_CUTOFF;
  return found
    .filter((f) => f.weight >= floor)
    .slice(0, limit)
    .map(({ weight: _, ...f }) => ({
      ...f,
      anchor: anchor(article.text, spans, evidence.get(f.claim)!.sentences),
    }));
}

/** The entities named, and every ancestor of theirs. */
function lineageOf(named: ReadonlySet<number>, parents: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (let e of named) {
    while (e >= 0 && !out.has(e)) {
      out.add(e);
      e = parents[e] ?? -1;
    }
  }
  return out;
}

/** A text-quote selector on the sentence that carries the most evidence. */
function anchor(
  text: string,
  spans: ReturnType<typeof sentences>,
  bySentence: ReadonlyMap<number, number>,
): TextQuote | null {
  let best = -1;
  let bestWeight = 0;
  for (const [i, w] of bySentence) {
    if (w > bestWeight || (w === bestWeight && i < best)) {
      best = i;
      bestWeight = w;
    }
  }
  const span = spans[best];
  if (!span) return null;
  const end = Math.min(span.end, span.start + MAX_QUOTE);
  return {
    exact: text.slice(span.start, end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
