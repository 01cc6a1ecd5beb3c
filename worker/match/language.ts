/**
 * Which language an article is written in: French, English, or another one. The records
 * and the matcher's vocabulary are French and English; an article in Spanish or German
 * shares names with them ("Sandworm", "WannaCry") but not the words around the names, so
 * matching it would be guessing: the matcher answers `[]` for it.
 *
 * The test counts function words, the words every sentence has and no name is made of
 * ("the", "und", "les", "y"), in the first 400 words, for French, English and the
 * languages most often met beside them; a text in another script (Arabic, Cyrillic,
 * Chinese) has almost no Latin words at all. This is what language identifiers such as
 * CLD or franc do with n-grams, at a fraction of their size: it only has to tell French
 * and English from the rest, on whole articles.
 *
 * @module
 */
import type { Lang } from "./stem.ts";

/** Function words by language, folded (lowercase, no accents). */
const MARKERS: Record<string, string> = {
  fr: "le les des du et est une dans pour qui pas sur au aux avec cette sont ont ete il elle nous leur mais ou etait selon ces son sa ses lors apres",
  en: "the and of to is was are that with for have has by from this which were been their its an at as be not will would said it",
  es: "el los las del y por con para una se fue al lo como su sus pero esta este han ha muy tambien sobre desde entre segun",
  pt: "os do da dos das em nao uma para com ao na no pelo pela seu sua mais tambem foi sao ele ela entre sobre",
  it: "il di che della delle degli gli per con non una sono anche nel nella alla dal stato essere",
  de: "der die das und ist nicht mit von den zu ein eine sich auf dem des fur im auch wurde werden sind nach bei",
  nl: "het een van en niet op met voor zijn dat er ook werd wordt bij naar heeft deze",
  nordic: "og er det som pa ikke til med av har den att och ar af fra ved skal blir kan",
  et: "ja on ei see ka oli mis kui voi aga ning seda oma ning",
  pl: "w na sie z ze nie jest to do o jak przez dla oraz",
};

const LISTS = Object.entries(MARKERS).map(([lang, words]) => [lang, new Set(words.split(" "))] as const);

/** Words read to decide. */
const SAMPLE_WORDS = 400;

/**
 * The language of an article: `fr`, `en`, `other`, or null when the text is too short
 * to tell (a few words with no function word).
 *
 * @example
 * detectLanguage("Les pirates ont visé le ministère et les banques."); // "fr"
 * detectLanguage("El ataque fue atribuido a un grupo ruso por el gobierno."); // "other"
 * detectLanguage("WannaCry"); // null
 */
export function detectLanguage(folded: string): Lang | "other" | null {
  const words = folded.split(" ", SAMPLE_WORDS);
  const counts = new Map<string, number>();
  let latin = 0;
  let other = 0;
  for (const w of words) {
    if (!w) continue;
    if (/^[a-z0-9]+$/.test(w)) latin++;
    else other++;
    for (const [lang, set] of LISTS) if (set.has(w)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  if (other > latin) return "other";
  let best: string | null = null;
  let bestCount = 0;
  for (const [lang, n] of counts) {
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  if (best === null || bestCount < 2) return null;
  return best === "fr" || best === "en" ? best : "other";
}
