/**
 * Text analysis shared by the index builder and the matcher: sentences with their
 * offsets in the original text, and the stems of a piece of text in a language,
 * function words removed.
 *
 * Three details matter for evidence. Thousands are joined before splitting (`$95,000`
 * and `95 000 $` give `95000`, never a stray `000`). A sentence ends at `.`, `!`, `?` or
 * `…` followed by a capital, a digit or a quote, but not after an initial or a common
 * abbreviation (`U.S.`, `Mr.`, `Dec.`), so that "U.S. officials said…" stays one
 * sentence: the matcher counts sentences to tell an article about an incident from one
 * that mentions it once. And demonyms meet their country (`chinois`, `Chinese` →
 * `china`), so that "pirates chinois" names China.
 *
 * @module
 */
import { CANONICAL, JOINS } from "./demonyms.ts";
import { fold } from "./fold.ts";
import { type Lang, stem } from "./stem.ts";

/** Function words of French and English, folded. They never make a feature. */
export const STOPWORDS = new Set(
  (
    "a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous " +
    "c d j l m n s t y etre avoir ete etait sont est sera ont avait fait faire plus moins tres tout tous toute toutes aussi alors ainsi donc comme car si sans sous selon entre vers chez depuis avant apres pendant contre lors dont cela ceci ca " +
    "deja encore autre autres meme apres selon quand comment pourquoi puis non oui ni soit afin tandis aupres lequel laquelle lesquels duquel auquel ici la-bas " +
    "the of and to in on at for by with from as is are was were be been being it its this that these those an or but not no if then than so such into over about after before " +
    "he she they them his her their we our you your i me my which who whom whose what when where why how all any both each few more most other some only own same too very can will just should now also has have had do does did said says say " +
    "according would could may might must shall new one two three first last year years week day days us"
  ).split(" "),
);

/** Stems already computed, per language: articles repeat their words, and stemming is the slow part. */
const CACHE: Record<Lang, Map<string, string>> = { fr: new Map(), en: new Map() };
const CACHE_SIZE = 50_000;

/**
 * The stem of one folded word in a language, with demonyms brought to their country.
 *
 * @example
 * stemWord("chinois", "fr"); // "china"
 * stemWord("hackers", "en"); // "hack"
 */
export function stemWord(word: string, lang: Lang): string {
  const cache = CACHE[lang];
  let s = cache.get(word);
  if (s === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    const raw = stem(word, lang);
    s = CANONICAL.get(raw) ?? CANONICAL.get(word) ?? raw;
    cache.set(word, s);
  }
  return s;
}

/**
 * Folds text and joins the digit groups of thousands (`95 000`, `95,000` → `95000`).
 *
 * @example
 * foldText("Plus de 95,000 $ et 225 000 clients"); // "plus de 95000 et 225000 clients"
 */
export function foldText(text: string): string {
  const folded = fold(text);
  return folded.includes(" ") && /\d \d{3}/.test(folded)
    ? folded.replace(/\b\d{1,3}(?: \d{3})+\b/g, (m) => m.replace(/ /g, ""))
    : folded;
}

/**
 * The stems of already folded text, stop-words removed, in order, two-word country
 * names joined.
 *
 * @example
 * stemsOfFolded("les hackers russes ont pirate le comite", "fr"); // ["hack", "russ", "pirat", "comit"]
 */
export function stemsOfFolded(folded: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const word of folded.split(" ")) {
    if (!word || STOPWORDS.has(word)) continue;
    const s = stemWord(word, lang);
    const joined = out.length > 0 ? JOINS.get(`${out[out.length - 1]} ${s}`) : undefined;
    if (joined) out[out.length - 1] = joined;
    else out.push(s);
  }
  return out;
}

/**
 * The stems of a piece of text in a language, stop-words removed, in order.
 *
 * @example
 * stems("Les hackers russes ont piraté le Comité national démocrate", "fr");
 * // ["hack", "russ", "pirat", "comit", "national", "democrat"]
 */
export function stems(text: string, lang: Lang): string[] {
  return stemsOfFolded(foldText(text), lang);
}

/** A sentence of the original text, with its offsets in it. */
export interface Sentence {
  start: number;
  end: number;
}

/** Words after which a period does not end a sentence (folded, without the period). */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr st jr sr inc co corp ltd vs gen sen rep gov lt col sgt capt prof mt ft jan feb mar apr jun jul aug sep sept oct nov dec janv fev avr juil aout dept approx etc mm mme mlle".split(
    " ",
  ),
);

/** Characters that may close a sentence after its final punctuation. */
const CLOSERS = "\"'»”’)]";

/**
 * Splits text into sentences and paragraph lines, keeping offsets into the original
 * string, so that a match can quote the article exactly.
 *
 * @example
 * const text = "U.S. officials spoke. Two!\nThree";
 * sentences(text).map((s) => text.slice(s.start, s.end)); // ["U.S. officials spoke.", "Two!", "Three"]
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?" && c !== "…") continue;
    let j = i + 1;
    while (j < text.length && (text[j] === "." || text[j] === "!" || text[j] === "?" || text[j] === "…")) j++;
    while (j < text.length && CLOSERS.includes(text[j]!)) j++;
    // French puts a space before a closing guillemet: « C'est grave. »
    let k = j;
    while (k < text.length && (text[k] === " " || text[k] === "\u00a0" || text[k] === "\u202f")) k++;
    if (k > j && k < text.length && (text[k] === "»" || text[k] === "”")) j = k + 1;
    if (j < text.length && !isSpace(text.charCodeAt(j))) {
      i = j - 1;
      continue;
    }
    if (c === "." && j === i + 1 && !endsSentence(text, i, j)) continue;
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return out;
}

/** Whether the period at `dot` ends a sentence: not after an initial or an abbreviation, and not before a lowercase word. */
function endsSentence(text: string, dot: number, after: number): boolean {
  let w = dot;
  while (w > 0 && /[\p{L}]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, dot);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false;
  if (ABBREVIATIONS.has(fold(word))) return false;
  let k = after;
  while (k < text.length && text[k] === " ") k++;
  return k >= text.length || !/\p{Ll}/u.test(text[k]!);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f;
}
