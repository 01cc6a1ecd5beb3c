/**
 * Builds the matching index at load time (in `data:load` and on every admin write), so
 * that a match only looks words up: an inverted index from features (accent-folded,
 * stemmed words and phrases of up to four words) to the claims they are evidence for,
 * with a weight per field and per rarity, and a second index from entity names and
 * aliases to entities, for the "is the accused even mentioned?" gate.
 *
 * @module
 */
import { withAncestors, type Claim, type Entity } from "../../schema/index.ts";
import { stems } from "./text.ts";
import { COMMON_STEMS, rarity } from "./vocabulary.ts";

/** Longest phrase indexed, in stems. */
export const MAX_GRAM = 4;

/** How much a feature counts, by where it comes from. Calibrated on tests/fixtures/articles. */
export const WEIGHTS = {
  /** Keywords chosen by the editors to tell this incident apart. */
  keyword: 2,
  /** Names and aliases of the accused agencies and groups (GRU, APT28, Fancy Bear). */
  accusedEntity: 2,
  /** Other non-state actors: accusers, deniers, those who acted after (DHS, CrowdStrike, Microsoft). */
  otherEntity: 1.5,
  /** People: speakers and person entities (Robby Mook, Steven Cheung). */
  person: 1.2,
  /** What was attacked. */
  target: 1.5,
  /** The incident's title: words, and pairs of adjacent words. */
  titleWord: 1,
  titlePair: 1.3,
  /** The incident's summary: words, and pairs of adjacent words. */
  summaryWord: 0.35,
  summaryPair: 0.6,
  /** A single word of a multi-word phrase, relative to the phrase. */
  partOfPhrase: 0.5,
  /** A phrase of the domain's common words only, relative to a telling phrase. */
  commonplacePhrase: 0.3,
} as const;

/** The serialized index, as stored under `index:match`. */
export interface MatchIndex {
  version: 1;
  generation: string;
  /** Claim ids, by claim number. */
  claims: string[];
  /** Per claim: the entity numbers it accuses, with their ancestors. */
  accused: number[][];
  /** Entity ids, by entity number. */
  entities: string[];
  /** Per entity: its parent's number, or -1. */
  parents: number[];
  /** Entity numbers of hacking groups: naming one says "cyberattack". */
  groups: number[];
  /** Feature → flat postings `[claim, concept, weight × 100, …]`. */
  postings: Record<string, number[]>;
  /** Feature → the entity numbers it names. */
  mentions: Record<string, number[]>;
}

/** The features of one claim: feature → strongest (concept, weight). */
class ClaimFeatures {
  readonly best = new Map<string, { concept: string; weight: number }>();
  private readonly stateStems: ReadonlySet<string>;

  constructor(stateStems: ReadonlySet<string>) {
    this.stateStems = stateStems;
  }

  /** How much one word tells: nothing for a state's name (the accused gate handles those). */
  private rarity(stem: string): number {
    return this.stateStems.has(stem) ? 0 : rarity(stem);
  }

  add(feature: string, concept: string, weight: number): void {
    if (weight <= 0) return;
    const cur = this.best.get(feature);
    if (!cur || cur.weight < weight) this.best.set(feature, { concept, weight });
  }

  /**
   * A name or a short phrase chosen by an editor (keyword, alias, target): the whole
   * phrase at full weight, whatever its words, and each telling word of it on its own,
   * weighted by its rarity, all as one concept. A one-word phrase keeps at least half
   * its weight (the editor chose it) unless it is a state's name. A phrase made only of the domain's common words
   * ("Vladimir Poutine", "élection présidentielle") counts for little: every story has it.
   */
  phrase(text: string, weight: number, concept: string): void {
    const s = stems(text);
    if (s.length === 0) return;
    if (s.length > MAX_GRAM) return this.pairs(s, weight * 0.7, concept);
    if (s.length === 1) return this.add(s[0]!, concept, this.stateStems.has(s[0]!) ? 0 : weight * Math.max(0.5, rarity(s[0]!)));
    const commonplace = s.every((w) => COMMON_STEMS.has(w) || this.stateStems.has(w));
    this.add(s.join(" "), concept, commonplace ? weight * WEIGHTS.commonplacePhrase : weight);
    for (const w of s) this.add(w, concept, weight * WEIGHTS.partOfPhrase * this.rarity(w));
  }

  /** Running text: each telling word and each pair of adjacent words with a telling word is its own concept. */
  text(text: string, wordWeight: number, pairWeight: number): void {
    const s = stems(text);
    for (const w of s) this.add(w, w, wordWeight * this.rarity(w));
    this.pairs(s, pairWeight);
  }

  private pairs(s: string[], weight: number, concept?: string): void {
    for (let i = 0; i + 1 < s.length; i++) {
      const pair = `${s[i]} ${s[i + 1]}`;
      this.add(pair, concept ?? pair, weight * Math.max(this.rarity(s[i]!), this.rarity(s[i + 1]!)));
    }
  }
}

/**
 * Builds the index of a set of claims.
 *
 * @example
 * const index = buildMatchIndex(claims, "g1");
 * matchArticle(index, { text }); // see match.ts
 */
export function buildMatchIndex(claims: readonly Claim[], generation: string): MatchIndex {
  const entities = new Map<string, Entity>();
  for (const c of claims) for (const e of c.entities) entities.set(e.id, e);
  const entityIds = [...entities.keys()];
  const entityNo = new Map(entityIds.map((id, i) => [id, i]));
  const stateStems = new Set<string>();
  const mentions: Record<string, number[]> = Object.create(null);
  for (const [id, e] of entities) {
    for (const name of names(e)) {
      const feature = stems(name).join(" ");
      if (!feature) continue;
      (mentions[feature] ??= []).includes(entityNo.get(id)!) || mentions[feature]!.push(entityNo.get(id)!);
      if (e.kind === "state" && !feature.includes(" ")) stateStems.add(feature);
    }
  }

  const perClaim = claims.map((c) => claimFeatures(c, stateStems));
  const df = new Map<string, number>();
  for (const f of perClaim) for (const feature of f.best.keys()) df.set(feature, (df.get(feature) ?? 0) + 1);
  const n = claims.length;
  const postings: Record<string, number[]> = Object.create(null);
  perClaim.forEach((f, claimNo) => {
    const concepts = new Map<string, number>();
    for (const [feature, { concept, weight }] of f.best) {
      if (!concepts.has(concept)) concepts.set(concept, concepts.size);
      const idf = Math.log(1 + n / df.get(feature)!) / Math.log(1 + n);
      const w = Math.round(weight * idf * 100);
      if (w > 0) (postings[feature] ??= []).push(claimNo, concepts.get(concept)!, w);
    }
  });

  return {
    version: 1,
    generation,
    claims: claims.map((c) => c.id),
    accused: claims.map((c) => withAncestors(c.accused, entities).map((e) => entityNo.get(e.id)!)),
    entities: entityIds,
    parents: entityIds.map((id) => {
      const p = entities.get(id)!.parent;
      return p === undefined ? -1 : (entityNo.get(p) ?? -1);
    }),
    groups: entityIds.flatMap((id, i) => (entities.get(id)!.kind === "group" ? [i] : [])),
    postings,
    mentions,
  };
}

function claimFeatures(c: Claim, stateStems: ReadonlySet<string>): ClaimFeatures {
  const f = new ClaimFeatures(stateStems);
  for (const k of [...c.keywords.fr, ...c.keywords.en]) f.phrase(k, WEIGHTS.keyword, `k:${k}`);
  for (const t of c.incident.targets) for (const text of [t.fr, t.en]) f.phrase(text, WEIGHTS.target, `t:${t.en}`);
  for (const text of [c.incident.title.fr, c.incident.title.en]) f.text(text, WEIGHTS.titleWord, WEIGHTS.titlePair);
  for (const text of [c.incident.summary.fr, c.incident.summary.en]) f.text(text, WEIGHTS.summaryWord, WEIGHTS.summaryPair);
  const accused = new Set(c.accused);
  for (const e of c.entities) {
    if (e.kind === "state") continue;
    const weight = e.kind === "person" ? WEIGHTS.person : accused.has(e.id) ? WEIGHTS.accusedEntity : WEIGHTS.otherEntity;
    for (const name of names(e)) f.phrase(name, weight, `e:${e.id}`);
  }
  for (const s of [...c.accusations, ...(c.denials ?? [])]) {
    if (s.speaker) f.phrase(s.speaker.name, WEIGHTS.person, `p:${s.speaker.name}`);
  }
  return f;
}

function names(e: Entity): string[] {
  return [e.name.fr, e.name.en, ...e.aliases];
}
