/**
 * Reads an article once and collects, for every record it touches, the evidence it
 * carries and where: which concept, how much, in which sentence, through which feature.
 * Where matters as much as what: the matcher tells an article about an incident from a
 * passing mention by counting the sentences that carry evidence and by looking at the
 * title and the lead.
 *
 * Per sentence it also tracks what only counts together: the words of a record's targets
 * (strong evidence when they meet the accused and a hacking word in the sentence) and
 * the words of a distinctive phrase (strong evidence when most of them are there).
 *
 * Units: 0 is the title (possibly empty), unit `i + 1` is sentence `i` of the text.
 *
 * @module
 */

import { type DateMention, type DayMention, dateInUrl, datesInFolded, daysInFolded } from "./dates.ts";
import { gramKeys } from "./feature-key.ts";
import { findFeature } from "./find-feature.ts";
import { detectLanguage } from "./language.ts";
import {
  FLAG,
  KIND,
  KIND_MASK,
  MAX_GRAM,
  MAX_PART_WORDS,
  type MatchIndex,
  SHARED_MAX,
  SHARED_SHIFT,
  TARGET,
  TARGET_FIELDS,
} from "./match-index.ts";
import type { Lang } from "./stem.ts";
import { foldText, type Sentence, stemsOfFolded } from "./text.ts";
import { CYBER_KEYS } from "./vocabulary.ts";

/** Evidence found in the title counts this much more. */
export const TITLE_BOOST = 1.5;
/** The lead: sentences that start within this many characters of the text… */
export const LEAD_CHARS = 400;
/** …and are among its first this many sentences (a dateline or a byline may come first). */
export const LEAD_SENTENCES = 5;
/**
 * Words that look back at an earlier story: a sentence with them speaks of background,
 * not of what the article is about (folded text).
 */
const BACKGROUND =
  /\b(?:notorious|infamous|notoriety|notoriete|tristement celebre|previously|precedemment|auparavant|par le passe|in the past|also behind|egalement a l origine|deja a l origine|best known for|known for|connu pour|also responsible for|egalement responsable|years ago|the same (?:group|actor|hackers|unit)|le meme groupe|a decade|une decennie)\b/;

/** Sentences just before the title whose month-precise dates are the article's own. */
export const DATELINE_SENTENCES = 2;
/** How far into the text the title is looked for (see `storyStart`). */
export const TITLE_SEARCH_CHARS = 1500;
/** The least number of words of a lede. */
export const LEDE_WORDS = 12;
/** A date in the body counts this much, relative to one in the title, the lead or the URL. */
export const BODY_DATE_WEIGHT = 0.5;
/** Strong evidence: the accused, two words of a target and a hacking word in one sentence. */
export const CO_OCCURRENCE_WEIGHT = 2.5;
/** Telling words of this many of a record's targets, with the accused and a hacking word, in one sentence, are co-occurrence too. */
export const COVERAGE_TARGETS = 2;
/** The concept number of co-occurrence evidence (never a record's own concept number). */
export const CO_OCCURRENCE_CONCEPT = 0xffff;
/** A distinctive phrase is found when this share of its words is in one sentence. */
export const PHRASE_SHARE = 0.75;
/** The least number of a distinctive phrase's words found. */
export const PHRASE_LEAST = 3;

/** Numbers per hit in {@link ArticleEvidence.hits}. */
export const HIT = 5;

/** The feature number of evidence that no other record can share (co-occurrence, phrases). */
export const OWN = -1;

/** What an article says, per record. */
export interface ArticleEvidence {
  lang: Lang;
  /** A hacking word or a hacking group's name was found. */
  cyber: boolean;
  /** Entity numbers named, with all their ancestors. */
  lineage: Set<number>;
  /** Entity numbers named in the headline, with all their ancestors. */
  headlineLineage: Set<number>;
  /** The article's explicit dates. */
  dates: DateMention[];
  /** The days it names without a year. */
  days: DayMention[];
  /** Per unit: whether it is the title or the lead. */
  lead: boolean[];
  /** Per unit: whether it looks back at an earlier story ("the notorious…", "également à l'origine de…"). */
  background: boolean[];
  /** Per unit: whether it is a full sentence ({@link LEDE_WORDS} words or more), not a heading or a link line. */
  long: boolean[];
  /** The unit that says what the article is about: the title, or the first sentence without one. */
  headline: number;
  /**
   * The lede: the first sentence of the text that is not the title again and is long
   * enough to be one (bylines, datelines and "Share" lines come first on many pages), or
   * -1. A lede that names the incident's things is about it.
   */
  lede: number;
  /** Per claim: hits, {@link HIT} numbers each: concept, weight, unit, feature number (or {@link OWN}), kind. */
  hits: Map<number, number[]>;
}

/** Hacking groups as a set, per index. */
const GROUPS = new WeakMap<MatchIndex, Set<number>>();

/**
 * Reads the title and each sentence of an article, or returns null for an article in
 * another language than French or English.
 *
 * @example
 * const ev = collectEvidence(index, { text, title, lang: "fr" }, sentences(text));
 */
export function collectEvidence(
  index: MatchIndex,
  article: { text: string; title?: string | undefined; url?: string | undefined; lang?: Lang | undefined },
  spans: readonly Sentence[],
): ArticleEvidence | null {
  const title = article.title ?? "";
  const detected = detectLanguage(foldText(`${title} ${article.text.slice(0, 3000)}`));
  if (detected === "other") return null;
  const lang: Lang = article.lang ?? detected ?? "en";
  let groups = GROUPS.get(index);
  if (!groups) {
    groups = new Set(index.groups);
    GROUPS.set(index, groups);
  }

  const hits = new Map<number, number[]>();
  const named = new Set<number>();
  const headlineNamed = new Set<number>();
  const lead: boolean[] = [true];
  const long: boolean[] = [false];
  const background: boolean[] = [false];
  const dates: DateMention[] = [];
  const days: DayMention[] = [];
  const published = dateInUrl(article.url);
  if (published) dates.push(published);
  let cyber = false;
  const parts = new Map<number, number>();
  const tellingWords = new Map<number, Set<number>>();
  const keys: number[] = [];

  const read = (text: string, unit: number, isLead: boolean, boost: number, dateline = false): void => {
    const folded = foldText(text);
    long[unit] = wordCount(folded) >= LEDE_WORDS;
    background[unit] = BACKGROUND.test(folded);
    for (const d of datesInFolded(folded, isLead ? 1 : BODY_DATE_WEIGHT, isLead)) {
      // A dated line just before the title ("20 Oct, 2020 05:06") is the article's own date.
      if (dateline && d.from === d.to) {
        d.weight = 1;
        d.lead = true;
      }
      dates.push(d);
    }
    if (/\d/.test(folded)) for (const d of daysInFolded(folded, isLead ? 1 : BODY_DATE_WEIGHT, isLead)) days.push(d);
    const s = stemsOfFolded(folded, lang);
    let unitCyber = false;
    const unitNamed: number[] = [];
    parts.clear();
    tellingWords.clear();
    for (let i = 0; i < s.length; i++) {
      if (!unitCyber && s[i]!.startsWith("cyber")) unitCyber = true;
      const grams = gramKeys(s, i, MAX_GRAM, keys);
      for (let n = 0; n < grams; n++) {
        const key = keys[n]!;
        if (!unitCyber && CYBER_KEYS.has(key)) unitCyber = true;
        const m = index.mentions.get(key);
        if (m) for (const e of m) unitNamed.push(e);
        const f = findFeature(index.keys, key);
        if (f < 0) continue;
        for (let k = index.starts[f]!, end = index.starts[f + 1]!; k < end; k++) {
          const claim = index.postClaim[k]!;
          const kind = index.postKind[k]!;
          const what = kind & KIND_MASK;
          const concept = index.postConcept[k]!;
          if (what === KIND.targetWord || what === KIND.phraseWord) {
            const no = concept >>> 4;
            const bit = 1 << (concept & (MAX_PART_WORDS - 1));
            const key2 = (claim * 2 + (what === KIND.phraseWord ? 1 : 0)) * 4096 + no;
            parts.set(key2, (parts.get(key2) ?? 0) | bit);
            // Which telling words of the claim's targets the sentence has, by word.
            if (
              what === KIND.targetWord &&
              (index.targetInfo[(index.targetStarts[claim]! + no) * TARGET_FIELDS + TARGET.telling]! & bit) !== 0
            ) {
              const set = tellingWords.get(claim);
              if (set) set.add(f);
              else tellingWords.set(claim, new Set([f]));
            }
            continue;
          }
          let list = hits.get(claim);
          if (!list) {
            list = [];
            hits.set(claim, list);
          }
          list.push(concept, (index.postWeight[k]! / 100) * boost, unit, f, kind);
        }
      }
    }
    for (const e of unitNamed) named.add(e);
    if (unit === (title ? 0 : 1)) for (const e of unitNamed) headlineNamed.add(e);
    if (!unitCyber) unitCyber = unitNamed.some((e) => groups.has(e));
    if (unitCyber) cyber = true;
    if (parts.size > 0) sentenceEvidence(index, parts, tellingWords, unitNamed, unitCyber, unit, boost, hits);
  };

  if (title) read(title, 0, true, TITLE_BOOST);
  const foldedTitle = title ? foldText(title) : "";
  const top = storyStart(article.text, spans, foldedTitle);
  const leadFrom = Math.max(top, 0);
  const leadChars = top < 0 ? 0 : spans[top]!.start;
  let lede = -1;
  spans.forEach((span, i) => {
    const isLead = i >= leadFrom && i < leadFrom + LEAD_SENTENCES && span.start - leadChars < LEAD_CHARS;
    lead.push(isLead);
    if (lede < 0 && isLead && (title || i > 0)) {
      const folded = foldText(article.text.slice(span.start, span.end));
      if (folded !== foldedTitle && wordCount(folded) >= LEDE_WORDS) lede = i + 1;
    }
    const dateline = top > 0 && i < top && i >= top - DATELINE_SENTENCES;
    read(article.text.slice(span.start, span.end), i + 1, isLead, !title && i === 0 ? TITLE_BOOST : 1, dateline);
  });
  return {
    lang,
    cyber,
    lineage: lineageOf(named, index.parents),
    headlineLineage: lineageOf(headlineNamed, index.parents),
    dates,
    days,
    lead,
    long,
    background,
    headline: title ? 0 : 1,
    lede,
    hits,
  };
}

/**
 * Where the story starts: the sentence that repeats the title, when one of the first
 * {@link TITLE_SEARCH_CHARS} characters does (pages put menus, teasers of other stories
 * and "Share" lines before it), else -1 (the text starts with the story).
 */
function storyStart(text: string, spans: readonly Sentence[], foldedTitle: string): number {
  if (foldedTitle.split(" ").length < 3) return -1;
  for (let i = 0; i < spans.length && spans[i]!.start < TITLE_SEARCH_CHARS; i++) {
    const folded = foldText(text.slice(spans[i]!.start, spans[i]!.end));
    if (folded === foldedTitle || folded.startsWith(`${foldedTitle} `)) return i;
  }
  return -1;
}

/** Strong evidence of one sentence: co-occurrence of accused, target and hacking word; distinctive phrases. */
function sentenceEvidence(
  index: MatchIndex,
  parts: ReadonlyMap<number, number>,
  tellingWords: ReadonlyMap<number, ReadonlySet<number>>,
  unitNamed: readonly number[],
  unitCyber: boolean,
  unit: number,
  boost: number,
  hits: Map<number, number[]>,
): void {
  let lineage: Set<number> | null = null;
  /** Per claim: the kind byte of its co-occurrence in this sentence. */
  const strong = new Map<number, number>();
  /** Per claim: the targets one telling word of which is in this sentence. */
  const coverage = new Map<number, Set<number>>();
  for (const [key, mask] of parts) {
    const no = key % 4096;
    const claimAndKind = (key - no) / 4096;
    const phrase = claimAndKind % 2 === 1;
    const claim = (claimAndKind - (phrase ? 1 : 0)) / 2;
    const found = popcount(mask);
    if (phrase) {
      const p = index.phrases[claim]?.[no];
      if (!p || found < Math.max(PHRASE_LEAST, Math.ceil(p.words * PHRASE_SHARE))) continue;
      push(hits, claim, p.concept, (p.weight / 100) * boost, unit, OWN, KIND.evidence | FLAG.unique);
      continue;
    }
    if (!unitCyber || unitNamed.length === 0) continue;
    const at = (index.targetStarts[claim]! + no) * TARGET_FIELDS;
    const info = index.targetInfo;
    const telling = mask & info[at + TARGET.telling]!;
    if (telling === 0) continue;
    lineage ??= lineageOf(new Set(unitNamed), index.parents);
    if (!index.accused[claim]!.some((e) => lineage!.has(e))) continue;
    // One word of a target is enough when it heads a name that at most one record outside
    // its family has as a target ("Sony", "Albania", "Microsoft" for the 2024 hack of it).
    if (found < 2 && (telling & info[at + TARGET.heads]! & info[at + TARGET.once]!) === 0) {
      // One telling word of a target: with telling words of another target, a list of
      // the incident's targets ("the 2018 Olympics, the OPCW, Georgia").
      const covered = coverage.get(claim) ?? new Set<number>();
      covered.add(info[at + TARGET.of]!);
      coverage.set(claim, covered);
      if (covered.size < COVERAGE_TARGETS || (tellingWords.get(claim)?.size ?? 0) < COVERAGE_TARGETS) continue;
    }
    // As telling as the telling words it found: this record's alone, its family's, or shared.
    const outside =
      (telling & info[at + TARGET.own]!) !== 0 ? 0 : (telling & info[at + TARGET.once]!) !== 0 ? 1 : SHARED_MAX;
    const kind =
      KIND.evidence | ((telling & info[at + TARGET.unique]!) !== 0 ? FLAG.unique : 0) | (outside << SHARED_SHIFT);
    const prev = strong.get(claim);
    if (prev === undefined || specificity(kind) > specificity(prev)) strong.set(claim, kind);
  }
  for (const [claim, kind] of strong) push(hits, claim, CO_OCCURRENCE_CONCEPT, CO_OCCURRENCE_WEIGHT, unit, OWN, kind);
}

/** Higher for a less shared kind byte: unique first, then by fewer records outside the family. */
function specificity(kind: number): number {
  return (kind & FLAG.unique ? 8 : 0) + SHARED_MAX - ((kind >> SHARED_SHIFT) & SHARED_MAX);
}

function push(
  hits: Map<number, number[]>,
  claim: number,
  concept: number,
  w: number,
  unit: number,
  f: number,
  kind: number,
): void {
  let list = hits.get(claim);
  if (!list) {
    list = [];
    hits.set(claim, list);
  }
  list.push(concept, w, unit, f, kind);
}

/** Words of folded text (spaces + 1). */
function wordCount(folded: string): number {
  let n = folded ? 1 : 0;
  for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) === 32) n++;
  return n;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

/**
 * The entities named, and every ancestor of theirs ("APT28" names the GRU's unit, the
 * GRU and Russia).
 *
 * @example
 * lineageOf(new Set([unit26165]), index.parents); // Set { unit26165, gru, russia }
 */
export function lineageOf(named: ReadonlySet<number>, parents: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (let e of named) {
    while (e >= 0 && !out.has(e)) {
      out.add(e);
      e = parents[e] ?? -1;
    }
  }
  return out;
}
