/**
 * The features of one record: every word and phrase of its keywords, targets, entity
 * names, speakers, title and summary that can be evidence of its incident, each with a
 * weight (by field and by how telling its words are) and a concept.
 *
 * A concept is "one thing": an organisation, a malware, a unit, a place. Every feature
 * of one thing shares its concept, so that an article naming it three ways ("WADA",
 * "World Anti-Doping Agency", "l'AMA") gets one piece of evidence, not three. Concepts
 * are joined (union–find) when two phrases share a rare word ("anti-doping" and "World
 * Anti-Doping Agency"), when one is the acronym of the other ("OPCW" and "Organisation
 * for the Prohibition of Chemical Weapons"), when a keyword is an alias of an entity,
 * and across the French and English versions of a target.
 *
 * Two more kinds of postings serve sentence-level evidence: the words of each target
 * (the accused, a target and a hacking word in one sentence is strong evidence, so that
 * "l'Iran a piraté la campagne de Trump" counts however it is phrased) and the words of
 * distinctive keyword phrases of three words or more ("ayez peur et attendez-vous au
 * pire"), which count when most of them are in one sentence.
 *
 * @module
 */
import type { Claim, Entity } from "../../schema/index.ts";
import { fold } from "./fold.ts";
import { EVERYDAY } from "./general-words.ts";
import { MAX_GRAM, MAX_PART_WORDS, type PhraseInfo } from "./match-index.ts";
import type { Lang } from "./stem.ts";
import { foldText, STOPWORDS, stemsOfFolded } from "./text.ts";
import { COMMON_STEMS, FIRST_NAME_STEMS, rarity } from "./vocabulary.ts";

/** How much a feature counts, by where it comes from, before its rarity across records. */
export const WEIGHTS = {
  /** Keywords chosen by the editors to tell this incident apart. */
  keyword: 2,
  /** Names and aliases of the accused (GRU, APT28, Volt Typhoon): weighed down by rarity across records, since one actor has done many things. */
  accusedEntity: 2,
  /** Other non-state actors: accusers, deniers, those who acted after (DHS, CrowdStrike, Microsoft). */
  otherEntity: 1,
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
  commonplacePhrase: 0.5,
  /** A phrase without its state's name ("35 diplomats" for "35 Russian diplomats"), relative to the phrase. */
  statelessPhrase: 0.8,
  /** A distinctive phrase found (most of its words in one sentence), relative to its keyword. */
  distinctivePhrase: 1.25,
} as const;

/** The rarity of a capitalized word of an editor's phrase that word lists call frequent. */
export const NAME_RARITY = 0.4;

/** The least number of stems of a keyword for its words to be tracked as a distinctive phrase. */
export const DISTINCTIVE_WORDS = 3;

const BOTH: readonly Lang[] = ["fr", "en"];

/** One evidence feature of a claim. */
export interface Feature {
  concept: number;
  weight: number;
  actor: boolean;
}

/**
 * The features of one claim, built by the methods below in a fixed order (entities,
 * speakers, targets, keywords, title, summary), then read with {@link ClaimFeatures.resolved}.
 */
export class ClaimFeatures {
  /** Evidence features: feature → concept, highest weight, whether it names the accused. */
  private readonly evidence = new Map<string, { concept: number; weight: number }>();
  /** Target words: feature → `target × 16 + word` codes. */
  readonly targetWords = new Map<string, Set<number>>();
  /**
   * Per target version: its words, whether each is a name, whether each heads a name (the
   * first capitalized word of one: "Sony" in "Sony Pictures", not "Bank" in "Bangladesh
   * Bank"), and which target it is a version of.
   */
  readonly targetLists: Array<{ words: string[]; names: boolean[]; heads: boolean[]; state: boolean; target: number }> =
    [];
  /** Distinctive phrase words: feature → `phrase × 16 + word` codes. */
  readonly phraseWords = new Map<string, Set<number>>();
  readonly phrases: PhraseInfo[] = [];
  /** Every word of the keywords (both stemmings): what the editors say the incident is about. */
  readonly keywordWords = new Set<string>();
  private readonly parent: number[] = [];
  private readonly actors = new Set<number>();
  private readonly conceptByName = new Map<string, number>();
  /** Concept → the raw texts it was made from (for acronyms). */
  private readonly texts = new Map<number, string[]>();
  private readonly stateStems: ReadonlySet<string>;
  /** Stems of each name of an entity, speaker and target seen so far. */
  private readonly nameSets: Array<Set<string>> = [];

  /** One-word names of the record's accused and their ancestors ("gru", "russ"). */
  private readonly actorStems: ReadonlySet<string>;

  constructor(stateStems: ReadonlySet<string>, actorStems: ReadonlySet<string> = new Set()) {
    this.stateStems = stateStems;
    this.actorStems = actorStems;
  }

  /** The concept named `name`, made if new. */
  concept(name: string, actor = false): number {
    let c = this.conceptByName.get(name);
    if (c === undefined) {
      c = this.parent.length;
      this.parent.push(c);
      this.conceptByName.set(name, c);
    }
    if (actor) this.actors.add(c);
    return c;
  }

  private find(c: number): number {
    let r = c;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[c] !== r) {
      const next = this.parent[c]!;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /** Stems of capitalized words of the current editorial phrase. */
  private names: ReadonlySet<string> = new Set();

  /**
   * How much one word tells: nothing for a state's name (the accused gate handles
   * those); in an editor's phrase, at least {@link NAME_RARITY} for a capitalized word
   * that is not a first name or one of the domain's common words ("Microsoft", "Sony"
   * are frequent words in subtitles, but names here).
   */
  private rarity(stem: string): number {
    if (this.stateStems.has(stem)) return 0;
    const r = rarity(stem);
    return r === 0 && this.names.has(stem) && !COMMON_STEMS.has(stem) && !FIRST_NAME_STEMS.has(stem) ? NAME_RARITY : r;
  }

  /**
   * Records a feature. A feature seen before keeps its highest weight; if it is telling
   * (a phrase, or a rare word), the two concepts become one.
   */
  private add(feature: string, concept: number, weight: number, telling: boolean): void {
    if (weight <= 0) return;
    const cur = this.evidence.get(feature);
    if (!cur) {
      this.evidence.set(feature, { concept, weight });
      return;
    }
    if (telling) this.union(cur.concept, concept);
    if (cur.weight < weight) cur.weight = weight;
  }

  /**
   * A name or a short phrase chosen by an editor (keyword, alias, target), stemmed in
   * each of `langs`: the whole phrase at full weight, whatever its words, and each
   * telling word of it on its own, weighted by its rarity, all as one concept. A one-word
   * phrase keeps at least half its weight (the editor chose it) unless it is a state's
   * name, a first name or a common word of the domain. A phrase made only of the
   * domain's common words ("Vladimir Poutine", "élection présidentielle") counts for
   * little: every story has it. A state's name counts only when an editor chose it as a
   * keyword (`editorial`).
   */
  phrase(text: string, weight: number, concept: number, langs: readonly Lang[] = BOTH, editorial = false): void {
    const texts = this.texts.get(concept) ?? [];
    texts.push(text);
    this.texts.set(concept, texts);
    const folded = foldText(text);
    if (!editorial) this.nameSets.push(new Set(langs.flatMap((lang) => stemsOfFolded(folded, lang))));
    for (const lang of langs) {
      const s = stemsOfFolded(folded, lang);
      if (s.length === 0) continue;
      this.names = capitalized(text, lang);
      if (s.length > MAX_GRAM) {
        this.pairs(s, weight * 0.7, concept);
        continue;
      }
      if (s.length === 1) {
        const w = s[0]!;
        const r = this.rarity(w);
        // An editor's one-word keyword keeps half its weight even if familiar; a state's
        // name counts only as a keyword (Albania is the Albania incident's victim).
        const least = COMMON_STEMS.has(w) || FIRST_NAME_STEMS.has(w) || this.stateStems.has(w) ? 0 : 0.5;
        const state = this.stateStems.has(w) && editorial ? 1 : 0;
        this.add(w, concept, weight * Math.max(r, least, state), r === 1 || state === 1);
        continue;
      }
      const commonplace = s.every((w) => COMMON_STEMS.has(w) || this.stateStems.has(w));
      this.add(s.join(" "), concept, commonplace ? weight * WEIGHTS.commonplacePhrase : weight, !commonplace);
      // The phrase without its state's or the accused's name: "expelled 35 diplomats" is "35
      // Russian diplomats" when the story is about Russia, "six Russian officers" is "six GRU
      // officers" (whether the accused is named is tested apart).
      const stateless = s.filter((w) => !this.stateStems.has(w) && !this.actorStems.has(w));
      if (stateless.length >= 2 && stateless.length < s.length && !stateless.every((w) => COMMON_STEMS.has(w)))
        this.add(stateless.join(" "), concept, weight * WEIGHTS.statelessPhrase, true);
      for (const w of s) this.add(w, concept, weight * WEIGHTS.partOfPhrase * this.rarity(w), this.rarity(w) === 1);
    }
    this.names = new Set();
  }

  /**
   * A keyword: a phrase, and if it has three or more words, at most half of them the
   * domain's common words, a distinctive phrase whose words are tracked per sentence,
   * in the keyword's language.
   */
  keyword(text: string, lang: Lang, weight: number, concept: number): void {
    this.phrase(text, weight, concept, BOTH, true);
    for (const l of BOTH) for (const w of stemsOfFolded(foldText(text), l)) this.keywordWords.add(w);
    const s = [...new Set(stemsOfFolded(foldText(text), lang))].slice(0, MAX_PART_WORDS);
    if (s.length < DISTINCTIVE_WORDS) return;
    // Distinctive by their combination ("be afraid and expect the worst"), unless most
    // words are the domain's own ("2016 presidential election", "12 Russian officers").
    // A state's name makes a phrase generic ("Ukrainian power grid") unless four other words remain.
    const plain = s.filter((w) => COMMON_STEMS.has(w) || this.stateStems.has(w) || /^\d+$/.test(w)).length;
    const states = s.filter((w) => this.stateStems.has(w)).length;
    if (plain * 2 > s.length || (states > 0 && s.length - states < 4)) return;
    // A name ("Organisation for the Prohibition of Chemical Weapons") is found as a phrase,
    // not as a distinctive sentence: skip keywords that are a target's or an entity's name.
    if (this.nameSets.some((name) => s.every((w) => name.has(w)))) return;
    const no = this.phrases.length;
    this.phrases.push({ concept, words: s.length, weight: Math.round(weight * WEIGHTS.distinctivePhrase * 100) });
    s.forEach((w, i) => {
      this.part(this.phraseWords, w, no * MAX_PART_WORDS + i);
    });
  }

  /**
   * A target in both languages: each version a phrase of one concept, and its words
   * tracked per sentence for co-occurrence with the accused and a hacking word (the
   * accused's own names excepted: "Russian" cannot be both). A word is marked as a name
   * when capitalized past the first word ("Trump", "Albanian") or rare.
   */
  target(
    versions: { fr: string; en: string },
    weight: number,
    concept: number,
    accusedStems: ReadonlySet<string>,
  ): void {
    for (const lang of BOTH) {
      const text = versions[lang];
      this.phrase(text, weight, concept, [lang]);
      const names = capitalized(text, lang);
      const heads = capitalized(text, lang, true);
      const words = [...new Set(stemsOfFolded(foldText(text), lang))]
        .filter((w) => !accusedStems.has(w) && !/^\d+$/.test(w))
        .slice(0, MAX_PART_WORDS);
      // The target's own name: its first word that heads a name ("Sony" in "Unreleased Sony
      // Pictures films", "FireEye", not "Microsoft", in "companies, including FireEye and
      // Microsoft"). A state's name may head one ("Albanian government digital services"),
      // if no other record's target has it ("UK" in "UK Foreign Office" and "UK Electoral
      // Commission" is no target's own name).
      const head = words.find((w) => heads.has(w) && w.length >= 3 && !COMMON_STEMS.has(w));
      if (words.length === 0) continue;
      const no = this.targetLists.length;
      this.targetLists.push({
        words,
        names: words.map(
          (w) => (names.has(w) && !FIRST_NAME_STEMS.has(w) && (!this.stateStems.has(w) || w === head)) || rarity(w) > 0,
        ),
        heads: words.map((w) => w === head),
        state: head !== undefined && this.stateStems.has(head),
        target: concept,
      });
      words.forEach((w, i) => {
        this.part(this.targetWords, w, no * MAX_PART_WORDS + i);
      });
    }
  }

  private part(map: Map<string, Set<number>>, feature: string, code: number): void {
    const set = map.get(feature) ?? new Set<number>();
    set.add(code);
    map.set(feature, set);
  }

  /**
   * Running text in its language: each telling word, as the concept it already has (a
   * keyword's, a target's) or as its own; each pair of adjacent words with exactly one
   * rare word, as that word's concept; a pair of two familiar words ("power grid") as
   * its own. A pair of two rare words adds nothing its words do not.
   */
  text(text: string, lang: Lang, wordWeight: number, pairWeight: number): void {
    const s = stemsOfFolded(foldText(text), lang);
    const conceptOf = (w: string) => this.evidence.get(w)?.concept ?? this.concept(`w:${w}`);
    for (const w of s) {
      const r = this.rarity(w);
      if (r > 0) this.add(w, conceptOf(w), wordWeight * r, false);
    }
    for (let i = 0; i + 1 < s.length; i++) {
      const a = s[i]!;
      const b = s[i + 1]!;
      const ra = this.rarity(a);
      const rb = this.rarity(b);
      if (ra === 1 && rb === 1) continue;
      const pair = `${a} ${b}`;
      const concept = ra === 1 ? conceptOf(a) : rb === 1 ? conceptOf(b) : this.concept(`p:${pair}`);
      this.add(pair, concept, pairWeight * Math.max(ra, rb), false);
    }
  }

  private pairs(s: string[], weight: number, concept: number): void {
    for (let i = 0; i + 1 < s.length; i++) {
      const pair = `${s[i]} ${s[i + 1]}`;
      this.add(pair, concept, weight * Math.max(this.rarity(s[i]!), this.rarity(s[i + 1]!)), false);
    }
  }

  /** Joins each acronym ("OPCW", "AMA") with the phrase it abbreviates, when both are concepts of this claim. */
  joinAcronyms(): void {
    const byInitials = new Map<string, number[]>();
    for (const [concept, texts] of this.texts) {
      for (const text of texts) {
        const words = fold(text).split(" ").filter(Boolean);
        if (words.length < 2) continue;
        for (const initials of [
          words
            .filter((w) => !STOPWORDS.has(w))
            .map((w) => w[0])
            .join(""),
          words.map((w) => w[0]).join(""),
        ]) {
          if (initials.length < 2) continue;
          const list = byInitials.get(initials) ?? [];
          list.push(concept);
          byInitials.set(initials, list);
        }
      }
    }
    for (const [concept, texts] of this.texts) {
      for (const text of texts) {
        for (const token of text.split(/[^\p{L}\p{N}]+/u)) {
          if (!/^\p{Lu}[\p{Lu}\d]{1,6}$/u.test(token)) continue;
          for (const other of byInitials.get(fold(token)) ?? []) this.union(concept, other);
        }
      }
    }
  }

  /**
   * The evidence features with their final concepts, strongest first. A concept is the
   * accused's when any of its parts names the accused.
   */
  resolved(): Array<[string, Feature]> {
    const actorRoots = new Set([...this.actors].map((c) => this.find(c)));
    return [...this.evidence]
      .map(([feature, { concept, weight }]): [string, Feature] => {
        const root = this.find(concept);
        return [feature, { concept: root, weight, actor: actorRoots.has(root) }];
      })
      .sort((a, b) => b[1].weight - a[1].weight);
  }

  /** The final concept of a concept number (for distinctive phrases). */
  root(concept: number): number {
    return this.find(concept);
  }
}

/**
 * The features of one claim, with their concepts and raw weights (before rarity across
 * claims). `accusedStems` are the one-word names of the accused and their ancestors,
 * which are not words of a target. Exported for the evaluation tools, which explain
 * matches with it.
 *
 * @example
 * claimFeatures(claim, new Set(["russ"]), new Set(["russ"])).resolved();
 */
export function claimFeatures(
  c: Claim,
  stateStems: ReadonlySet<string>,
  accusedStems: ReadonlySet<string> = new Set(),
): ClaimFeatures {
  const f = new ClaimFeatures(stateStems, accusedStems);
  const accused = new Set(c.accused);
  for (const e of c.entities) {
    if (e.kind === "state") continue;
    const isAccused = accused.has(e.id);
    const weight = e.kind === "person" ? WEIGHTS.person : isAccused ? WEIGHTS.accusedEntity : WEIGHTS.otherEntity;
    const concept = f.concept(`e:${e.id}`, isAccused);
    for (const name of entityNames(e)) f.phrase(name, weight, concept);
  }
  for (const s of [...c.accusations, ...(c.denials ?? [])]) {
    if (s.speaker) f.phrase(s.speaker.name, WEIGHTS.person, f.concept(`p:${s.speaker.name}`));
  }
  c.incident.targets.forEach((t, i) => {
    f.target(t, WEIGHTS.target, f.concept(`t:${i}`), accusedStems);
  });
  for (const lang of BOTH) for (const k of c.keywords[lang]) f.keyword(k, lang, WEIGHTS.keyword, f.concept(`k:${k}`));
  for (const lang of BOTH) {
    f.text(c.incident.title[lang], lang, WEIGHTS.titleWord, WEIGHTS.titlePair);
    f.text(c.incident.summary[lang], lang, WEIGHTS.summaryWord, WEIGHTS.summaryPair);
  }
  f.joinAcronyms();
  return f;
}

/**
 * Every name of an entity: its French and English names and its aliases.
 *
 * @example
 * entityNames(gru); // ["GRU (renseignement militaire russe)", "GRU (Russian military intelligence)", "GRU", …]
 */
export function entityNames(e: Entity): string[] {
  return [e.name.fr, e.name.en, ...e.aliases];
}

/**
 * Stems of the capitalized words of an editor's phrase: all of them but the first word,
 * and the first too unless it is an everyday word ("Comptes de…" is not a name,
 * "Microsoft source code" starts with one). Acronyms always. With `heads`, only those
 * that start a name (not preceded by another capitalized word).
 */
function capitalized(text: string, lang: Lang, heads = false): Set<string> {
  const out = new Set<string>();
  let first = true;
  let previous = false;
  for (const m of text.matchAll(/[\p{L}\d][\p{L}\d&.]*/gu)) {
    const word = m[0];
    const upper = /^\p{Lu}/u.test(word);
    const acronym = /^[\p{Lu}\d]{2,}$/u.test(word);
    const name =
      upper &&
      (acronym || !first || rarity(stemsOfFolded(foldText(word), lang)[0] ?? "") > 0 || !isEveryday(word, lang));
    if (name && !(heads && previous)) for (const w of stemsOfFolded(foldText(word), lang)) out.add(w);
    previous = upper;
    first = false;
  }
  return out;
}

/** Whether a word is an everyday word of the language (not a name). */
function isEveryday(word: string, lang: Lang): boolean {
  const s = stemsOfFolded(foldText(word), lang)[0];
  return s === undefined || EVERYDAY.has(s);
}
