/**
 * Text analysis shared by the index builder and the matcher: sentences with their
 * offsets, accent-folded tokens, French and English stop-words, and a light stemmer that
 * joins plural, feminine and demonym forms (russes, Russian, Russie → `russ`;
 * ukrainienne, Ukraine → `ukrain`; piratage, piratés → `pirat`).
 *
 * @module
 */
import { fold } from "./fold.ts";

/** Function words of French and English, folded. They never make a feature. */
export const STOPWORDS = new Set(
  (
    "a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous " +
    "c d j l m n s t y etre avoir ete etait sont est sera ont avait fait faire plus moins tres tout tous toute toutes aussi alors ainsi donc comme car si sans sous selon entre vers chez depuis avant apres pendant contre lors dont cela ceci ca " +
    "deja encore autre autres meme apres selon quand comment pourquoi puis non oui ni soit afin tandis aupres lequel laquelle lesquels duquel auquel ici la-bas " +
    "the of and to in on at for by with from as is are was were be been being it its this that these those an or but not no if then than so such into over about after before " +
    "he she they them his her their we our you your i me my which who whom whose what when where why how all any both each few more most other some only own same too very can will just should now also has have had do does did said says say " +
    "according would could may might must shall new one two three first last year years week day days"
  ).split(" "),
);

/** Endings the stemmer strips after the plural, longest first. A stem keeps three letters. */
const SUFFIXES = [
  "issement",
  "ement",
  "ation",
  "ienne",
  "ien",
  "ian",
  "ing",
  "er",
  "ee",
  "ed",
  "ie",
  "ia",
  "age",
  "aise",
  "ais",
  "oise",
  "ois",
  "ese",
  "e",
];

/**
 * Reduces a folded word to a light stem: the plural first (`-s`, `-x`, `-aux`), then one
 * common ending. Numbers and words of three letters or fewer stay as they are.
 *
 * @example
 * stem("ukrainiennes"); // "ukrain"
 * stem("hackers");      // "hack"
 * stem("nationaux");    // "national"
 * stem("2016");         // "2016"
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("aux")) w = `${w.slice(0, -3)}al`;
  else if ((w.endsWith("s") && !/(ss|ais|ois)$/.test(w)) || w.endsWith("x")) w = w.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
  }
  return w;
}

/**
 * The stems of a piece of text, stop-words removed, in order.
 *
 * @example
 * stems("Les hackers russes ont piraté le Comité national démocrate");
 * // ["hack", "russ", "pirat", "comit", "national", "democrat"]
 */
export function stems(text: string): string[] {
  const out: string[] = [];
  for (const word of fold(text).split(" ")) {
    if (!word || STOPWORDS.has(word)) continue;
    let s = STEMS.get(word);
    if (s === undefined) {
      if (STEMS.size >= STEM_CACHE) STEMS.clear();
      s = stem(word);
      STEMS.set(word, s);
    }
    out.push(s);
  }
  return out;
}

/** Stems of words seen recently: articles repeat their words, and stemming is the slow part. */
const STEMS = new Map<string, string>();
const STEM_CACHE = 50_000;

/** A sentence of the original text, with its offsets in it. */
export interface Sentence {
  start: number;
  end: number;
}

/**
 * Splits text into sentences and paragraph lines, keeping offsets into the original
 * string, so that a match can quote the article exactly.
 *
 * @example
 * sentences("One. Two!\nThree").map((s) => text.slice(s.start, s.end)); // ["One.", "Two!", "Three"]
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?…\n]+(?:[.!?…]+["»”’)]*|(?=\n)|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].trimEnd().length;
    if (end > start) out.push({ start, end });
  }
  return out;
}
