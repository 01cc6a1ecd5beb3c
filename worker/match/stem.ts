/**
 * Light stemmers for French and English: a word's plural, then one common ending, so that
 * `piratés`, `piratage` and `pirater` meet at `pirat`, and `hacked`, `hacking` and
 * `hackers` at `hack`. They are "light" on purpose: the matcher compares names and
 * short phrases, where a heavy stemmer (Porter, Snowball) conflates too much
 * (`parlement` and `parler`, `university` and `universe`) and costs more per word.
 *
 * Each language has its own rules, because the same ending means different things:
 * English `-er` makes agents (`hacker`), French `-er` makes verbs (`pirater`); French
 * `-ais` and `-ois` are demonyms (`français`, `chinois`), English words rarely end so.
 * A request's `lang` picks the article's stemmer; the index stems names, keywords and
 * targets with both, and each language's title and summary with its own.
 *
 * @module
 */

/** A language the matcher reads. */
export type Lang = "fr" | "en";

/** [ending, shortest stem left] for French, longest endings first. */
const FR_ENDINGS: ReadonlyArray<readonly [string, number]> = [
  ["issement", 4],
  ["ement", 5],
  ["ation", 4],
  ["ienne", 3],
  ["euse", 3],
  ["ique", 4],
  ["aise", 3],
  ["oise", 3],
  ["ien", 3],
  ["eur", 4],
  ["ais", 3],
  ["ois", 3],
  ["age", 4],
  ["ee", 3],
  ["ez", 4],
  ["er", 4],
  ["ir", 4],
  ["re", 4],
  ["ie", 3],
  ["e", 3],
];

/** [ending, shortest stem left] for English, longest endings first. */
const EN_ENDINGS: ReadonlyArray<readonly [string, number]> = [
  ["ation", 4],
  ["ment", 5],
  ["ing", 3],
  ["ian", 3],
  ["ese", 3],
  ["ed", 3],
  ["er", 3],
  ["ia", 3],
  ["ly", 4],
  ["e", 3],
];

/**
 * The French stem of a folded word (lowercase, no accents): the plural (`-s`, `-x`,
 * `-aux` → `-al`), then one ending. Numbers and words of three letters or fewer stay.
 *
 * @example
 * stemFr("piratées");     // "pirat"
 * stemFr("ukrainiennes"); // "ukrain"
 * stemFr("nationaux");    // "national"
 * stemFr("attendez");     // "attend"
 */
export function stemFr(word: string): string {
  if (word.length <= 3 || hasDigit(word)) return word;
  let w = word;
  if (w.endsWith("eaux")) w = w.slice(0, -1);
  else if (w.endsWith("aux") && w.length > 5) w = `${w.slice(0, -3)}al`;
  else if ((w.endsWith("s") || w.endsWith("x")) && w.length > 4 && !/(?:ss|ais|ois)$/.test(w)) w = w.slice(0, -1);
  return strip(w, FR_ENDINGS);
}

/**
 * The English stem of a folded word: the plural (`-ies` → `-y`, `-es` after a sibilant,
 * `-s`), then one ending. Numbers and words of three letters or fewer stay.
 *
 * @example
 * stemEn("hackers");   // "hack"
 * stemEn("agencies");  // "agency"
 * stemEn("Russian");   // "russ" (folded first: "russian")
 * stemEn("indicted");  // "indict"
 */
export function stemEn(word: string): string {
  if (word.length <= 3 || hasDigit(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses") || /(?:x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && w.length > 4 && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return strip(w, EN_ENDINGS);
}

/**
 * The stem of a folded word in a language.
 *
 * @example
 * stem("piratage", "fr"); // "pirat"
 * stem("hacking", "en");  // "hack"
 */
export function stem(word: string, lang: Lang): string {
  return lang === "fr" ? stemFr(word) : stemEn(word);
}

function strip(w: string, endings: ReadonlyArray<readonly [string, number]>): string {
  for (const [ending, least] of endings) {
    if (w.endsWith(ending) && w.length - ending.length >= least) return w.slice(0, -ending.length);
  }
  return w;
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
