/**
 * Builds the matching index at load time (in `data:load` and on every admin write), so
 * that a match only looks words up. From each record's features (`claim-features.ts`):
 * an inverted index from feature keys to postings, each weighted by its field, its
 * rarity in the language and its rarity across records (a feature in many records tells
 * them apart less, so "Sandworm" weighs less than "WhisperGate"); names of the accused
 * posted as the actor's (they add weight but are not evidence of the incident: the same
 * actor has done other things, and a record of one group's campaign still names its
 * targets and tools); a second index from
 * entity names and aliases to entities, for the "is the accused named?" test; and each
 * record's dates, related records and target and phrase sizes.
 *
 * Features are kept as 53-bit keys (see `feature-key.ts`) in sorted typed arrays, so that
 * the index is stored as one binary KV value that needs no parsing (`index-codec.ts`),
 * and a lookup is a binary search (`find-feature.ts`).
 *
 * @module
 */
import { type Claim, type Entity, withAncestors } from "../../schema/index.ts";
import { type ClaimFeatures, claimFeatures, entityNames } from "./claim-features.ts";
import { claimDates, packDates } from "./dates.ts";
import { featureKey } from "./feature-key.ts";
import { EVERYDAY } from "./general-words.ts";
import { FLAG, KIND, type MatchIndex, SHARED_MAX, SHARED_SHIFT, TARGET, TARGET_FIELDS } from "./match-index.ts";
import { foldText, stemsOfFolded } from "./text.ts";

/**
 * A feature found in more claims than this share of them (and more than 50) tells them
 * apart no better than a common word: it is left out of the index, which keeps posting
 * lists short.
 */
export const MAX_DOCUMENT_SHARE = 0.05;

/** The strongest evidence features kept per claim, so that the index grows linearly and stays one KV value. */
export const MAX_FEATURES_PER_CLAIM = 400;

/** For large archives: a share of the records, above which a count of records is "many". */
export const SHARED_SHARE = 0.001;

/**
 * A target word that is a name ("Trump", "Albanian") and in the targets of at most this
 * many records (or {@link SHARED_SHARE} of them) tells the target apart: co-occurrence
 * needs one.
 */
export const TELLING_TARGET_RECORDS = 3;

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
    for (const name of entityNames(e)) {
      const folded = foldText(name);
      for (const lang of ["fr", "en"] as const) {
        const feature = stemsOfFolded(folded, lang).join(" ");
        // A short acronym that is also an everyday word ("MID" in "mid-May"), or two
        // letters ("GU"), names nothing in running text.
        if (!feature || feature.length < 3 || (folded.length <= 3 && EVERYDAY.has(feature))) continue;
        const key = featureKey(feature);
        const list = mentions.get(key) ?? [];
        if (!list.includes(entityNo.get(id)!)) list.push(entityNo.get(id)!);
        mentions.set(key, list);
        if (e.kind === "state" && !feature.includes(" ")) stateStems.add(feature);
      }
    }
  }

  const accusedOf = claims.map((c) => withAncestors(c.accused, entities).map((e) => entityNo.get(e.id)!));
  const perClaim = claims.map((c, i) =>
    claimFeatures(c, stateStems, accusedStemsOf(accusedOf[i]!, entities, entityIds)),
  );
  const evidence = perClaim.map((f) => f.resolved().slice(0, MAX_FEATURES_PER_CLAIM));
  const df = new Map<string, number>();
  const count = (feature: string) => df.set(feature, (df.get(feature) ?? 0) + 1);
  for (const features of evidence) for (const [feature] of features) count(feature);
  const targetHolders = new Map<string, number[]>();
  perClaim.forEach((f, claim) => {
    // What each record says was attacked, or describes the incident by: its targets and keywords.
    for (const w of new Set([...f.targetWords.keys(), ...f.keywordWords])) {
      const list = targetHolders.get(w);
      if (list) list.push(claim);
      else targetHolders.set(w, [claim]);
    }
  });
  const partDf = new Map<string, number>();
  for (const f of perClaim)
    for (const feature of new Set([...f.targetWords.keys(), ...f.phraseWords.keys()]))
      partDf.set(feature, (partDf.get(feature) ?? 0) + 1);

  const claimNo = new Map(claims.map((c, i) => [c.id, i]));
  const related = claims.map(() => new Set<number>());
  claims.forEach((c, i) => {
    for (const id of c.related ?? []) {
      const j = claimNo.get(id);
      if (j === undefined || j === i) continue;
      related[i]!.add(j);
      related[j]!.add(i);
    }
  });
  // Which records each feature is evidence of, to flag it shared or unique.
  const holders = new Map<string, number[]>();
  evidence.forEach((features, claim) => {
    for (const [feature] of features) {
      const list = holders.get(feature);
      if (list) list.push(claim);
      else holders.set(feature, [claim]);
    }
  });

  const n = claims.length;
  const maxDf = Math.max(50, n * MAX_DOCUMENT_SHARE);
  const telling = Math.max(TELLING_TARGET_RECORDS, n * SHARED_SHARE);
  const idf = (d: number) => Math.log(1 + n / d) / Math.log(1 + n);
  const postings = new Map<number, number[]>();
  const post = (feature: string, claim: number, concept: number, weight: number, kind: number) => {
    const w = Math.min(65535, Math.round(weight * 100));
    if (w <= 0) return;
    const key = featureKey(feature);
    const list = postings.get(key) ?? [];
    list.push(claim, concept, w, kind);
    postings.set(key, list);
  };
  evidence.forEach((features, claim) => {
    const family = related[claim]!;
    for (const [feature, { concept, weight, actor }] of features) {
      const d = df.get(feature)!;
      if (d > maxDf) continue;
      const outside = Math.min(SHARED_MAX, outsideFamily(holders.get(feature)!, claim, family));
      const flags = (d === 1 ? FLAG.unique : 0) | (outside << SHARED_SHIFT);
      post(feature, claim, concept, weight * idf(d), (actor ? KIND.actor : KIND.evidence) | flags);
    }
  });
  perClaim.forEach((f, claim) => {
    for (const [map, kind] of [
      [f.targetWords, KIND.targetWord],
      [f.phraseWords, KIND.phraseWord],
    ] as const) {
      for (const [feature, codes] of map) {
        const d = partDf.get(feature)!;
        if (d > maxDf) continue;
        for (const code of codes) post(feature, claim, code, Math.max(0.01, idf(d)), kind);
      }
    }
  });

  const keys = Float64Array.from(postings.keys()).sort();
  const total = [...postings.values()].reduce((sum, p) => sum + p.length / 4, 0);
  const starts = new Uint32Array(keys.length + 1);
  const postClaim = new Uint32Array(total);
  const postConcept = new Uint16Array(total);
  const postWeight = new Uint16Array(total);
  const postKind = new Uint8Array(total);
  let at = 0;
  keys.forEach((key, i) => {
    starts[i] = at;
    const p = postings.get(key)!;
    for (let k = 0; k < p.length; k += 4, at++) {
      postClaim[at] = p[k]!;
      postConcept[at] = p[k + 1]!;
      postWeight[at] = p[k + 2]!;
      postKind[at] = p[k + 3]!;
    }
  });
  starts[keys.length] = at;

  const dates = packDates(claims.map(claimDates));
  return {
    generation,
    claims: claims.map((c) => c.id),
    accused: accusedOf,
    related: related.map((s) => [...s].sort((a, b) => a - b)),
    dateStarts: dates.starts,
    dateSpans: dates.spans,
    dateDays: dates.days,
    ...packTargets(perClaim, partDf, telling, targetHolders, related),
    phrases: perClaim.map((f) => f.phrases.map((p) => ({ ...p, concept: f.root(p.concept) }))),
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
    postKind,
    mentions,
  };
}

/**
 * Every target version of every claim, as {@link TARGET_FIELDS} numbers each (see
 * {@link TARGET}): its words, which are telling (a name in few records' targets), which
 * heads a name, which are this record's alone, its family's alone, or shared with at
 * most one other record, and which target it is a version of.
 */
function packTargets(
  perClaim: readonly ClaimFeatures[],
  partDf: ReadonlyMap<string, number>,
  telling: number,
  targetHolders: ReadonlyMap<string, number[]>,
  related: ReadonlyArray<ReadonlySet<number>>,
): { targetStarts: Uint32Array; targetInfo: Uint16Array } {
  const targetStarts = new Uint32Array(perClaim.length + 1);
  const info: number[] = [];
  perClaim.forEach((f, claim) => {
    targetStarts[claim] = info.length / TARGET_FIELDS;
    const first = new Map<number, number>();
    f.targetLists.forEach(({ words, names, heads, state, target }, no) => {
      const fields = new Array<number>(TARGET_FIELDS).fill(0);
      fields[TARGET.words] = words.length;
      if (!first.has(target)) first.set(target, no);
      fields[TARGET.of] = first.get(target)!;
      words.forEach((w, i) => {
        // Other records that say this word was attacked (another record's reporter or accuser is no rival).
        const list = targetHolders.get(w) ?? [];
        const others = list.length - (has(list, claim) ? 1 : 0);
        const outside = outsideFamily(list, claim, related[claim]!);
        if (others === 0) fields[TARGET.unique]! |= 1 << i;
        if (outside === 0) fields[TARGET.own]! |= 1 << i;
        if (outside <= 1) fields[TARGET.once]! |= 1 << i;
        if (!names[i] || partDf.get(w)! > telling) return;
        // A state's name heads a target only when no other record's target names it.
        if (state && heads[i] && others > 0) return;
        fields[TARGET.telling]! |= 1 << i;
        if (heads[i]) fields[TARGET.heads]! |= 1 << i;
      });
      info.push(...fields);
    });
  });
  targetStarts[perClaim.length] = info.length / TARGET_FIELDS;
  return { targetStarts, targetInfo: Uint16Array.from(info) };
}

/** Whether a sorted list of claim numbers has `claim` (binary search). */
function has(list: readonly number[], claim: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = list[mid]!;
    if (c === claim) return true;
    if (c < claim) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** How many claims of a sorted list are neither `claim` nor in its family: its related records are few, the list may be long. */
function outsideFamily(list: readonly number[], claim: number, family: ReadonlySet<number>): number {
  let inside = has(list, claim) ? 1 : 0;
  for (const r of family) if (has(list, r)) inside++;
  return list.length - inside;
}

/** The one-word names (stems, both languages) of a claim's accused and their ancestors: not words of its targets. */
function accusedStemsOf(
  accused: readonly number[],
  entities: ReadonlyMap<string, Entity>,
  ids: readonly string[],
): Set<string> {
  const out = new Set<string>();
  for (const no of accused) {
    const e = entities.get(ids[no]!)!;
    for (const name of entityNames(e)) {
      const folded = foldText(name);
      for (const lang of ["fr", "en"] as const) {
        const s = stemsOfFolded(folded, lang);
        if (s.length === 1) out.add(s[0]!);
      }
    }
  }
  return out;
}
