/**
 * Builds the matching index at load time (in `data:load` and on every admin write), so
 * that a match only looks words up: an inverted index from features (accent-folded,
 * stemmed words and phrases of up to four words) to the claims they are evidence for,
 * with a weight per field and per rarity, and a second index from entity names and
 * aliases to entities, for the "is the accused even mentioned?" gate.
 *
 * Features are kept as 53-bit keys (see `hash.ts`) in sorted typed arrays, so that the
 * index is stored as one binary KV value that needs no parsing (`binary.ts`), and a
 * lookup is a binary search.
 *
 * @module
 */
import { type Claim, type Entity, withAncestors } from "../../schema/index.ts";
import { featureKey } from "./feature-key.ts";
import { stems } from "./text.ts";
import { COMMON_STEMS, rarity } from "./vocabulary.ts";

/** Longest phrase indexed, in stems. */
export const MAX_GRAM = 4;
/**
 * Concepts that name the accused actor (GRU, APT28) start with this. They pass the
 * "accused is mentioned" gate and add to the score, but do not count as evidence of the
 * incident: the same actor has done other things.
 */
export const ACTOR = "a:";
/** The bit set on the concept numbers of actor concepts in the postings. */
export const ACTOR_BIT = 0x8000;

/**
 * A feature found in more claims than this share of them (and more than 50) tells them
 * apart no better than a common word: it is left out of the index, which keeps posting
 * lists short.
 */
export const MAX_DOCUMENT_SHARE = 0.05;

/** The strongest features kept per claim, so that the index grows linearly and stays one KV value. */
export const MAX_FEATURES_PER_CLAIM = 160;

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

/** The matching index, as the matcher reads it. */
export interface MatchIndex {
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
  /** Feature keys, sorted. */
  keys: Float64Array;
  /** Feature i's postings are `starts[i]` to `starts[i + 1]` in the three arrays below. */
  starts: Uint32Array;
  postClaim: Uint32Array;
  postConcept: Uint16Array;
  /** Weight × 100. */
  postWeight: Uint16Array;
  /** Key of an entity name or alias → the entity numbers it names. */
  mentions: Map<number, number[]>;
}

/**
 * The number of the feature with this key, or -1.
 *
 * @example
 * findFeature(index, featureKey("porton down"));
 */
export function findFeature(index: MatchIndex, key: number): number {
  const keys = index.keys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The features of one claim: feature → strongest (concept, weight). */
export class ClaimFeatures {
  readonly best = new Map<string, { concept: string; weight: number }>();
  private readonly stateStems: ReadonlySet<string>;

  constructor(stateStems: ReadonlySet<string>) {
    this.stateStems = stateStems;
  }

  /** How much one word tells: nothing for a state's name (the accused gate handles those). */
  private rarity(stem: string): number {
    return this.stateStems.has(stem) ? 0 : rarity(stem);
  }

  /**
   * Records a feature. A feature seen before keeps its first concept (so that a keyword
   * that is also an entity's alias counts as that entity) and its highest weight.
   */
  add(feature: string, concept: string, weight: number): void {
    if (weight <= 0) return;
    const cur = this.best.get(feature);
    if (!cur) this.best.set(feature, { concept, weight });
    else if (cur.weight < weight) cur.weight = weight;
  }

  /**
   * A name or a short phrase chosen by an editor (keyword, alias, target): the whole
   * phrase at full weight, whatever its words, and each telling word of it on its own,
   * weighted by its rarity, all as one concept. A one-word phrase keeps at least half
   * its weight (the editor chose it) unless it is a state's name or a common word of the
   * domain. A phrase made only of the domain's common words
   * ("Vladimir Poutine", "élection présidentielle") counts for little: every story has it.
   */
  phrase(text: string, weight: number, concept: string): void {
    const s = stems(text);
    if (s.length === 0) return;
    if (s.length > MAX_GRAM) {
      this.pairs(s, weight * 0.7, concept);
      return;
    }
    if (s.length === 1) {
      this.add(
        s[0]!,
        concept,
        weight * (this.rarity(s[0]!) || (COMMON_STEMS.has(s[0]!) || this.stateStems.has(s[0]!) ? 0 : 0.5)),
      );
      return;
    }
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
  for (const c of claims) {
    for (const e of c.entities) {
      // Each record carries its own copy of an entity: keep every alias any copy has.
      const seen = entities.get(e.id);
      entities.set(e.id, seen ? { ...seen, aliases: [...new Set([...seen.aliases, ...e.aliases])] } : e);
    }
  }
  const entityIds = [...entities.keys()];
  const entityNo = new Map(entityIds.map((id, i) => [id, i]));
  const stateStems = new Set<string>();
  const mentions = new Map<number, number[]>();
  for (const [id, e] of entities) {
    for (const name of names(e)) {
      const feature = stems(name).join(" ");
      if (!feature) continue;
      const list = mentions.get(featureKey(feature)) ?? [];
      if (!list.includes(entityNo.get(id)!)) list.push(entityNo.get(id)!);
      mentions.set(featureKey(feature), list);
      if (e.kind === "state" && !feature.includes(" ")) stateStems.add(feature);
    }
  }

  const perClaim = claims.map((c) =>
    [...claimFeatures(c, stateStems).best].sort((a, b) => b[1].weight - a[1].weight).slice(0, MAX_FEATURES_PER_CLAIM),
  );
  const df = new Map<string, number>();
  for (const features of perClaim) for (const [feature] of features) df.set(feature, (df.get(feature) ?? 0) + 1);
  const n = claims.length;
  const maxDf = Math.max(50, n * MAX_DOCUMENT_SHARE);
  const postings = new Map<number, number[]>();
  perClaim.forEach((features, claimNo) => {
    const concepts = new Map<string, number>();
    for (const [feature, { concept, weight }] of features) {
      if (!concepts.has(concept))
        concepts.set(concept, (concepts.size & 0x7fff) | (concept.startsWith(ACTOR) ? ACTOR_BIT : 0));
      if (df.get(feature)! > maxDf) continue;
      const idf = Math.log(1 + n / df.get(feature)!) / Math.log(1 + n);
      const w = Math.min(65535, Math.round(weight * idf * 100));
      if (w <= 0) continue;
      const key = featureKey(feature);
      const list = postings.get(key) ?? [];
      list.push(claimNo, concepts.get(concept)!, w);
      postings.set(key, list);
    }
  });

  const keys = Float64Array.from(postings.keys()).sort();
  const total = [...postings.values()].reduce((sum, p) => sum + p.length / 3, 0);
  const starts = new Uint32Array(keys.length + 1);
  const postClaim = new Uint32Array(total);
  const postConcept = new Uint16Array(total);
  const postWeight = new Uint16Array(total);
  let at = 0;
  keys.forEach((key, i) => {
    starts[i] = at;
    const p = postings.get(key)!;
    for (let k = 0; k < p.length; k += 3, at++) {
      postClaim[at] = p[k]!;
      postConcept[at] = p[k + 1]!;
      postWeight[at] = p[k + 2]!;
    }
  });
  starts[keys.length] = at;

  return {
    generation,
    claims: claims.map((c) => c.id),
    accused: claims.map((c) => withAncestors(c.accused, entities).map((e) => entityNo.get(e.id)!)),
    entities: entityIds,
    parents: entityIds.map((id) => {
      const p = entities.get(id)!.parent;
      return p === undefined ? -1 : (entityNo.get(p) ?? -1);
    }),
    groups: entityIds.flatMap((id, i) => (entities.get(id)!.kind === "group" ? [i] : [])),
    keys,
    starts,
    postClaim,
    postConcept,
    postWeight,
    mentions,
  };
}

/**
 * The features of one claim, with their concepts and raw weights (before rarity across
 * claims). Exported for the evaluation tools, which explain matches with it.
 *
 * @example
 * claimFeatures(claim, new Set(["russ"])).best.get("porton down");
 */
export function claimFeatures(c: Claim, stateStems: ReadonlySet<string>): ClaimFeatures {
  const f = new ClaimFeatures(stateStems);
  const accused = new Set(c.accused);
  for (const e of c.entities) {
    if (e.kind === "state") continue;
    const isAccused = accused.has(e.id);
    const weight = e.kind === "person" ? WEIGHTS.person : isAccused ? WEIGHTS.accusedEntity : WEIGHTS.otherEntity;
    for (const name of names(e)) f.phrase(name, weight, `${isAccused ? ACTOR : "e:"}${e.id}`);
  }
  for (const s of [...c.accusations, ...(c.denials ?? [])]) {
    if (s.speaker) f.phrase(s.speaker.name, WEIGHTS.person, `p:${s.speaker.name}`);
  }
  for (const k of [...c.keywords.fr, ...c.keywords.en]) f.phrase(k, WEIGHTS.keyword, `k:${k}`);
  for (const t of c.incident.targets) for (const text of [t.fr, t.en]) f.phrase(text, WEIGHTS.target, `t:${t.en}`);
  for (const text of [c.incident.title.fr, c.incident.title.en]) f.text(text, WEIGHTS.titleWord, WEIGHTS.titlePair);
  for (const text of [c.incident.summary.fr, c.incident.summary.en])
    f.text(text, WEIGHTS.summaryWord, WEIGHTS.summaryPair);
  return f;
}

function names(e: Entity): string[] {
  return [e.name.fr, e.name.en, ...e.aliases];
}
