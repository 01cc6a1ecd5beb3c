/**
 * Decides, from the evidence an article carries for each record (`evidence.ts`), which
 * records it is about, and keeps one card per incident.
 *
 * A record passes when
 * - the article is about it, not just mentioning it: its evidence is in the headline, in
 *   the lede (the first real sentence) or a lead sentence with two of its concepts, in two
 *   sentences or more, or in one sentence while the others keep naming its own things.
 *   Sentences that look back ("the notorious…", "également à l'origine de…") do not count;
 * - it has two distinct concepts or more (a distinctive phrase, a name repeated, counts
 *   twice), and their weight, with the dates' verdict, reaches the threshold;
 * - enough of that evidence is the incident's own: not shared with records outside its
 *   family (itself and its related records). "Lazarus", the FBI, "Olympics" add weight but
 *   do not tell one incident of an actor from another;
 * - the article's own time (URL, dateline, lead) fits: published before the incident, it is
 *   not about it; far from every date of the record, it is about something later, unless
 *   its headline names this incident itself;
 * - the article names one of the accused, or names no accused actor of any record and
 *   carries more evidence (less when its headline or the incident's own day names the
 *   incident); and it is about a cyberattack, or names the accused with more evidence.
 *
 * Records that pass form families (related records): one card per family, the record the
 * article is most about (`prefer`), the others linked from it when they have evidence of
 * their own. An unrelated record becomes a second card only with evidence of its own in
 * the title or lead, or when the headline names its accused and not the first card's.
 * When the headline and lede are about another actor's attack on a record's target (the
 * Chinese hack of the Storting), records mentioned in passing give no card.
 *
 * @module
 */
import { type DateVerdict, unpackDates, weighDates } from "./dates.ts";
import { type ArticleEvidence, CO_OCCURRENCE_CONCEPT, HIT } from "./evidence.ts";
import { FLAG, KIND, KIND_MASK, type MatchIndex, SHARED_MAX, SHARED_SHIFT } from "./match-index.ts";

/** The least evidence weight of a match when one of the accused is named. */
export const THRESHOLD = 4;
/** How much more evidence a match needs when none of the accused is named (and then it must be in the title or lead). */
export const UNNAMED_FACTOR = 1.75;
/** A headline with this much of the incident's evidence alone names it: no more evidence is needed when the accused are not named. */
export const HEADLINE_UNIQUE = 2;
/** With this much of the incident's evidence alone and a date of the incident itself, an article needs no more evidence when the accused are not named. */
export const SELF_EVIDENT_UNIQUE = 3;
/** How much more evidence a match needs when the article has no hacking word. */
export const NO_CYBER_FACTOR = 2.5;
/** The least weight of the incident's own evidence (see {@link OWN_SHARE}). */
export const OWN_LEAST = 1.5;
/**
 * How much of a feature's weight is the incident's own, by how many records outside its
 * family share it (0, 1, 2, 3 or more).
 */
export const OWN_SHARE = [1, 0.5, 0.25, 0] as const;
/** The least number of distinct concepts. */
export const MIN_CONCEPTS = 2;
/**
 * A record whose evidence passes but whose accused is not named, another actor being named,
 * with this much own evidence in its headline and lead, is what the article is about (an
 * attack on its target by someone else): records with less than a {@link DOMINANT_FACTOR}th
 * of it in theirs are mentions.
 */
export const DOMINANT_LEAST = 3;
export const DOMINANT_FACTOR = 2;
/** A concept counts as a piece of evidence from this weight. */
export const PIECE_LEAST = 0.5;
/** A sentence (or the title) carries evidence when its concepts weigh this much together. */
export const UNIT_LEAST = 1;
/** The title (or the first sentence, without a title) carries evidence from this weight: a headline names its subject briefly. */
export const HEADLINE_LEAST = 0.3;
/**
 * The lede (the text's first real sentence), or a lead sentence, carries a match when it
 * names this many distinct concepts of the incident ("the hacking of Ukrainian government
 * websites… UNC1151"); otherwise the title, or two sentences, must.
 */
export const LEDE_CONCEPTS = 2;
/** An article about a later time needs this much of the incident's evidence alone in its headline. */
export const LATE_HEADLINE_LEAST = 1;
/** Or the sentences other than the best one weigh this much together. */
export const REST_LEAST = 1.5;
/** Otherwise, this many sentences must carry evidence. */
export const SPREAD_WITHOUT_LEAD = 2;
/**
 * Each sentence beyond the first that names a concept adds this share of its weight, up
 * to {@link REPEAT_CAP} sentences; a concept in that many more sentences counts as two pieces.
 */
export const REPEAT_BONUS = 0.25;
export const REPEAT_CAP = 3;
/**
 * A name as telling as an editor's keyword (this weight; "NotPetya", "Maersk") named in
 * this many more sentences is two pieces too: a story about it names it again and again.
 */
export const NAME_LEAST = 1.5;
export const NAME_REPEATS = 2;
/** Weight added per unit of date support, and taken per unit of date evidence against, up to {@link DATE_CAP} units each. */
export const DATE_SUPPORT = 1.5;
export const DATE_AGAINST = 2.5;
export const DATE_CAP = 2;
/** Weight added per unit of month-precise dates of the incident itself (its month, not a statement's). */
export const DATE_INCIDENT = 1;

/** A record the article is about. */
export interface Decision {
  claim: number;
  weight: number;
  /** The threshold it was held to. */
  threshold: number;
  /** The sentence that carries the most evidence, or -1 when only the title does. */
  bestSentence: number;
  /** Related records the article speaks of with evidence of their own. */
  related: number[];
}

/** A record's evidence weighed, passing or not. */
export interface Verdict extends Decision {
  pass: boolean;
  /** Features that carried it (feature numbers in the index). */
  features: Set<number>;
  /** For explanations: the parts of the decision. */
  parts: {
    total: number;
    pieces: number;
    /** Sentences that carry evidence, whether one is in the lead, and whether one of the accused is named. */
    spread: number;
    inLead: boolean;
    named: boolean;
    /** Weight of the evidence in the headline. */
    headline: number;
    /** Weight of the evidence no record outside the family shares (see {@link OWN_SHARE}). */
    own: number;
    /** Weight of the evidence of this record alone (no other record shares it), in all and in the headline. */
    unique: number;
    headlineUnique: number;
    /** The article's own time is far from every date of the record. */
    late: boolean;
    /** Own evidence in the headline and the lede. */
    leadOwn: number;
    /** Its evidence passes, but the article names another actor than its accused. */
    otherActor: boolean;
  } & DateVerdict;
}

/** Per index: every entity accused by some record, with ancestors. */
const ACCUSED_ANYWHERE = new WeakMap<MatchIndex, Set<number>>();

/**
 * The records an article is about, best first, one per incident.
 *
 * @example
 * judge(index, collectEvidence(index, article, spans)!); // [{ claim: 3, weight: 9.2, … }]
 */
export function judge(index: MatchIndex, ev: ArticleEvidence): Decision[] {
  let accusedAnywhere = ACCUSED_ANYWHERE.get(index);
  if (!accusedAnywhere) {
    accusedAnywhere = new Set(index.accused.flat());
    ACCUSED_ANYWHERE.set(index, accusedAnywhere);
  }
  const attributed = [...ev.lineage].some((e) => accusedAnywhere.has(e));
  let candidates: Verdict[] = [];
  /** The most lead evidence of a record that fails only because another actor than its accused is named. */
  let otherActor = 0;
  for (const [claim, hits] of ev.hits) {
    if (!couldPass(hits)) continue;
    const v = weigh(index, ev, claim, hits, null, attributed);
    if (v.pass) candidates.push(v);
    else if (v.parts.otherActor) otherActor = Math.max(otherActor, v.parts.leadOwn);
  }
  // An article whose headline and lead are about another actor's attack on one of a
  // record's targets (China's hack of the Storting, not Russia's) is about neither that
  // record nor the records it mentions in passing (the Exchange flaw China used).
  if (otherActor >= DOMINANT_LEAST)
    candidates = candidates.filter((c) => c.parts.leadOwn * DOMINANT_FACTOR > otherActor);
  candidates.sort((a, b) => b.weight - a.weight || (index.claims[a.claim]! < index.claims[b.claim]! ? -1 : 1));
  // Related records form one incident's family: one card, the record the article is most
  // about (see `prefer`), the others linked from it when they have evidence of their own.
  const families: Verdict[][] = [];
  for (const c of candidates) {
    const family = families.find((f) => f.some((m) => index.related[m.claim]!.includes(c.claim)));
    if (family) family.push(c);
    else families.push([c]);
  }
  const taken: Verdict[] = [];
  const used = new Set<number>();
  for (const family of families) {
    const head = family.reduce((a, b) => (prefer(index, ev, attributed, a, b) <= 0 ? a : b));
    const card = taken.length === 0 ? head : weigh(index, ev, head.claim, ev.hits.get(head.claim)!, used, attributed);
    if (!card.pass) continue;
    // A second story in one article must show in its title or lead, not only further down,
    // or its accused must be named in the headline and not be the first story's ("de
    // Moscou à Téhéran").
    if (taken.length > 0 && !card.parts.inLead && !headlineNamesOwnActor(index, ev, card.claim, taken)) continue;
    for (const m of family) {
      if (m === head) continue;
      const own = weigh(index, ev, m.claim, ev.hits.get(m.claim)!, head.features, attributed);
      if (own.pass) card.related.push(m.claim);
    }
    taken.push(card);
    for (const f of card.features) used.add(f);
  }
  return taken.map(({ pass: _, features: __, parts: ___, ...d }) => d);
}

/**
 * Which of two related records that both pass is the card: negative for `a`. The one
 * whose incident the article's own time (URL, title, lead) falls in, not a later one;
 * else the one with more evidence that the other does not share (an indictment story
 * names the incidents it charges, and its own officers, dates and words).
 */
function prefer(index: MatchIndex, ev: ArticleEvidence, attributed: boolean, a: Verdict, b: Verdict): number {
  const at = (v: Verdict) => (v.parts.late ? -1 : v.parts.leadIncident > 0 && v.parts.leadAgainst === 0 ? 1 : 0);
  const apart = (v: Verdict, other: Verdict) =>
    weigh(index, ev, v.claim, ev.hits.get(v.claim)!, other.features, attributed);
  const aa = apart(a, b);
  const bb = apart(b, a);
  const headline = bb.parts.headline - aa.parts.headline;
  return (
    at(b) - at(a) ||
    (Math.abs(headline) >= UNIT_LEAST ? headline : 0) ||
    bb.parts.total - aa.parts.total ||
    b.weight - a.weight
  );
}

/** Whether the headline names one of a record's accused that none of the records already taken accuses. */
function headlineNamesOwnActor(
  index: MatchIndex,
  ev: ArticleEvidence,
  claim: number,
  taken: readonly Verdict[],
): boolean {
  return index.accused[claim]!.some(
    (e) => ev.headlineLineage.has(e) && !taken.some((t) => index.accused[t.claim]!.includes(e)),
  );
}

/**
 * Whether a record's hits could reach the threshold at all: their summed weight with the
 * most repetition and date support can add. Most records an article touches have a stray
 * word or two; this skips weighing them.
 */
function couldPass(hits: readonly number[]): boolean {
  let sum = 0;
  for (let i = 1; i < hits.length; i += HIT) sum += hits[i]!;
  const most = sum * (1 + REPEAT_BONUS * REPEAT_CAP) + (DATE_SUPPORT + DATE_INCIDENT) * DATE_CAP;
  return most >= THRESHOLD;
}

/**
 * Weighs one record's evidence, without the features in `exclude`. `attributed`: the
 * article names an actor some record accuses. Exported for the evaluation tools, which
 * explain decisions with it.
 *
 * @example
 * weigh(index, ev, 3, ev.hits.get(3)!, null, true).pass;
 */
export function weigh(
  index: MatchIndex,
  ev: ArticleEvidence,
  claim: number,
  hits: readonly number[],
  exclude: ReadonlySet<number> | null,
  attributed: boolean,
): Verdict {
  const dates = weighDates(ev.dates, unpackDates(index.dateStarts, index.dateSpans, index.dateDays, claim), ev.days);
  const best = new Map<number, number>();
  /** Per concept: its best weight from distinctive hits (not shared with records outside the family). */
  const bestOwn = new Map<number, number>();
  /** Per concept: its best weight from features of this record alone. */
  const bestUnique = new Map<number, number>();
  const perUnitUnique = new Map<number, number>();
  const actors = new Set<number>();
  /** Concepts found as distinctive phrases. */
  const phrases = new Set<number>();
  let strong = false;
  const units = new Map<number, Set<number>>();
  const ownUnits = new Map<number, Set<number>>();
  const perUnit = new Map<number, number>();
  const perUnitOwn = new Map<number, number>();
  const features = new Set<number>();
  // A concept that shares one of its features shares all of them ("NotPetya" and a pair
  // with "NotPetya" in it are one thing).
  let sharedConcepts: Set<number> | null = null;
  if (exclude) {
    sharedConcepts = new Set<number>();
    for (let i = 0; i < hits.length; i += HIT) if (exclude.has(hits[i + 3]!)) sharedConcepts.add(hits[i]!);
  }
  for (let i = 0; i < hits.length; i += HIT) {
    const concept = hits[i]!;
    const w = hits[i + 1]!;
    const unit = hits[i + 2]!;
    const f = hits[i + 3]!;
    const kind = hits[i + 4]!;
    // Without the features another record shares, co-occurrence on a target word it shares goes too.
    if (sharedConcepts && (sharedConcepts.has(concept) || concept === CO_OCCURRENCE_CONCEPT)) continue;
    if (f >= 0) features.add(f);
    else if (concept !== CO_OCCURRENCE_CONCEPT) phrases.add(concept);
    else strong = true;
    if (w > (best.get(concept) ?? 0)) best.set(concept, w);
    if ((kind & KIND_MASK) === KIND.actor) {
      actors.add(concept);
      continue;
    }
    units.set(concept, (units.get(concept) ?? new Set<number>()).add(unit));
    const key = unit * 65536 + concept;
    if (w > (perUnit.get(key) ?? 0)) perUnit.set(key, w);
    if (kind & FLAG.unique) {
      if (w > (bestUnique.get(concept) ?? 0)) bestUnique.set(concept, w);
      if (w > (perUnitUnique.get(key) ?? 0)) perUnitUnique.set(key, w);
    }
    const ownW = w * OWN_SHARE[(kind >> SHARED_SHIFT) & SHARED_MAX]!;
    if (ownW <= 0) continue;
    if (ownW > (bestOwn.get(concept) ?? 0)) bestOwn.set(concept, ownW);
    ownUnits.set(concept, (ownUnits.get(concept) ?? new Set<number>()).add(unit));
    if (ownW > (perUnitOwn.get(key) ?? 0)) perUnitOwn.set(key, ownW);
  }
  let total = 0;
  let pieces = 0;
  for (const [concept, w] of best) {
    if (actors.has(concept)) {
      total += w;
      continue;
    }
    const repeats = Math.min((units.get(concept)?.size ?? 1) - 1, REPEAT_CAP);
    const repeated = w * (1 + REPEAT_BONUS * repeats);
    total += repeated;
    // A distinctive phrase ("ayez peur et attendez-vous au pire"), or one concept named
    // in four sentences or more, is worth two pieces.
    if (repeated >= PIECE_LEAST)
      pieces +=
        phrases.has(concept) ||
        (repeats >= REPEAT_CAP && w >= PIECE_LEAST) ||
        (repeats >= NAME_REPEATS && w >= NAME_LEAST)
          ? 2
          : 1;
  }
  let own = 0;
  for (const [concept, w] of bestOwn) {
    const repeats = Math.min((ownUnits.get(concept)?.size ?? 1) - 1, REPEAT_CAP);
    own += w * (1 + REPEAT_BONUS * repeats);
  }
  let unique = 0;
  for (const [concept, w] of bestUnique) {
    const repeats = Math.min((units.get(concept)?.size ?? 1) - 1, REPEAT_CAP);
    unique += w * (1 + REPEAT_BONUS * repeats);
  }
  const uniqueUnitWeight = new Map<number, number>();
  for (const [key, w] of perUnitUnique) {
    const unit = Math.floor(key / 65536);
    uniqueUnitWeight.set(unit, (uniqueUnitWeight.get(unit) ?? 0) + w);
  }
  const ownUnitWeight = new Map<number, number>();
  for (const [key, w] of perUnitOwn) {
    const unit = Math.floor(key / 65536);
    ownUnitWeight.set(unit, (ownUnitWeight.get(unit) ?? 0) + w);
  }
  const unitWeight = new Map<number, number>();
  const unitConcepts = new Map<number, number>();
  for (const [key, w] of perUnit) {
    const unit = Math.floor(key / 65536);
    unitWeight.set(unit, (unitWeight.get(unit) ?? 0) + w);
    if (w >= PIECE_LEAST) unitConcepts.set(unit, (unitConcepts.get(unit) ?? 0) + 1);
  }
  let spread = 0;
  let inLead = false;
  let inHeadline = false;
  let bestSentence = -1;
  let bestSentenceWeight = 0;
  for (const [unit, w] of unitWeight) {
    if (w >= (unit === ev.headline ? HEADLINE_LEAST : UNIT_LEAST) && !ev.background[unit]) {
      spread++;
      if (ev.lead[unit]) inLead = true;
      const concepts = unitConcepts.get(unit) ?? 0;
      if (unit === ev.headline || ((unit === ev.lede || ev.lead[unit]) && concepts >= LEDE_CONCEPTS)) inHeadline = true;
    }
    // The anchor: a sentence of the body, not a heading or a "Read also" line, when one
    // carries evidence (a card goes after the paragraph that tells the story).
    const rank = (ev.long[unit] && w >= UNIT_LEAST ? 1000 : 0) + w;
    if (unit > 0 && (rank > bestSentenceWeight || (rank === bestSentenceWeight && unit - 1 < bestSentence))) {
      bestSentence = unit - 1;
      bestSentenceWeight = rank;
    }
  }
  const weight =
    total +
    DATE_SUPPORT * Math.min(dates.support, DATE_CAP) +
    DATE_INCIDENT * Math.min(dates.incident, DATE_CAP) -
    DATE_AGAINST * Math.min(dates.against, DATE_CAP);
  const named = index.accused[claim]!.some((e) => ev.lineage.has(e));
  // Strong evidence (co-occurrence, a distinctive phrase) says "cyberattack" by itself.
  const cyber = ev.cyber || strong || phrases.size > 0;
  // An article that names none of the accused needs more evidence, unless its headline
  // names the incident itself ("Que contiennent les Macron Leaks ?").
  const headlineUnique = uniqueUnitWeight.get(ev.headline) ?? 0;
  // Nor when it names the incident's own things on the incident's own day ("Ukrenergo", "16
  // décembre 2016").
  const selfEvident = headlineUnique >= HEADLINE_UNIQUE || (unique >= SELF_EVIDENT_UNIQUE && dates.incident >= 1);
  let threshold = named || selfEvident ? THRESHOLD : THRESHOLD * UNNAMED_FACTOR;
  if (!cyber) threshold *= NO_CYBER_FACTOR;
  // Own evidence beyond the best sentence: a story about an incident keeps naming its things.
  let sum = 0;
  let most = 0;
  for (const [unit, w] of ownUnitWeight) {
    if (ev.background[unit]) continue;
    sum += w;
    if (w > most) most = w;
  }
  const about = spread >= SPREAD_WITHOUT_LEAD || (spread >= 1 && (inHeadline || sum - most >= REST_LEAST));
  const distinct = own >= OWN_LEAST;
  // An article whose own time (URL, title, lead) is a year or more after the incident and
  // all its statements is about something later: it may still look back at this incident,
  // but then its headline names it.
  const late =
    (dates.leadAgainst > 0 && dates.leadSupport === 0) ||
    (dates.preciseAgainst >= 1 && dates.preciseSupport === 0) ||
    (dates.ownTime > 0 && dates.ownTimeSupport === 0);
  let leadOwn = 0;
  for (const [unit, w] of ownUnitWeight) if (unit === ev.lede || unit === ev.headline) leadOwn += w;
  const evidenced =
    about && distinct && (!late || headlineUnique >= LATE_HEADLINE_LEAST) && pieces >= MIN_CONCEPTS && !dates.predates;
  const pass = evidenced && weight >= threshold && (named || (inLead && !attributed)) && (cyber || named);
  // Its evidence would pass with its accused named, but the article names another actor.
  const otherActor = evidenced && weight >= THRESHOLD && !named && attributed && cyber;
  return {
    claim,
    weight,
    threshold,
    bestSentence,
    related: [],
    pass,
    features,
    parts: {
      total,
      pieces,
      spread,
      inLead,
      named,
      headline: unitWeight.get(ev.headline) ?? 0,
      own,
      unique,
      headlineUnique,
      late,
      leadOwn,
      otherActor,
      ...dates,
    },
  };
}
