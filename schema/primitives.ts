/**
 * Building blocks shared by every claimcard schema: slugs, http(s) URLs,
 * partial ISO dates, language codes and localized `{ fr, en }` text, and the caps that
 * bound every string and list of a record ({@link LIMITS}).
 *
 * Every cap is far above what a real record holds (the largest of the 31 reviewed records
 * has 6 accusations, 7 targets, 15 keywords per language and a 1,130-character summary),
 * so that no honest record meets one; they exist so that a write costs a bounded amount
 * of storage, KV operations and CPU, whoever sends it.
 *
 * Reader-visible text refuses the characters that can make a card say something else
 * than its bytes: bidirectional overrides, embeddings and isolates (U+202A–U+202E,
 * U+2066–U+2069) and marks (U+200E, U+200F, U+061C), zero-width and other invisible
 * characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+00AD, Hangul fillers, tags),
 * and control characters. They are refused, not stripped, so that the editor sees what
 * was wrong and the stored text is exactly what was reviewed. A quote's original words
 * may keep the zero-width (non-)joiner, which Persian and Indic scripts need.
 *
 * @module
 */
import * as v from "valibot";
import { isHttpUrl } from "../shared/http-url.ts";

export { UI_LANGS, type UiLang } from "../shared/constants.ts";
export { isHttpUrl };

/**
 * The caps of a record, documented in the README ("Limits"). Strings are counted in
 * UTF-16 code units, as JavaScript does; lists in items.
 *
 * @example
 * LIMITS.accusations; // 50
 */
export const LIMITS = {
  /** Summaries, quotes, translations, corrections, check notes. */
  longText: 4000,
  /** Titles, names, roles, publishers, source titles, targets, aliases, keywords. */
  shortText: 500,
  /** An http(s) URL. */
  url: 2048,
  /** An id (slug). */
  slug: 64,
  accusations: 50,
  denials: 50,
  consequences: 50,
  corrections: 20,
  /** Sources of one statement, consequence or correction. */
  sources: 20,
  /** Entities one accusation accuses; entities the record accuses. */
  accused: 20,
  targets: 30,
  topics: 20,
  /** Keywords per language. */
  keywords: 100,
  /** Article URLs linked to the record (each one is a KV lookup entry to keep up to date). */
  urls: 100,
  related: 50,
  /** Entities a record carries. */
  entities: 100,
  aliases: 50,
  /** Entities in the registry, `data/entities.json`. */
  registry: 5000,
} as const;

/**
 * Characters that change how text is displayed without being seen, as code point
 * ranges: C0/C1 controls (tab and newlines aside), soft hyphen, combining grapheme
 * joiner, Arabic letter mark, Hangul and Khmer fillers, Mongolian vowel separator,
 * zero-width space, non-joiner and joiner, LRM and RLM, bidirectional embeddings,
 * overrides and isolates, word joiner and invisible operators, BOM, interlinear
 * annotations and tag characters.
 */
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0x3164, 0x3164],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
  [0xe0000, 0xe007f],
];

/** The zero-width non-joiner and joiner, which Persian and Indic scripts need in their own words. */
const JOINERS = [0x200c, 0x200d];

/** A character class of code point ranges, less some code points. */
function charClass(ranges: ReadonlyArray<readonly [number, number]>, except: readonly number[] = []): RegExp {
  const hex = (n: number) => `\\u{${n.toString(16)}}`;
  const parts: string[] = [];
  for (const [from, to] of ranges) {
    let start = from;
    for (let n = from; n <= to + 1; n++) {
      if (n > to || except.includes(n)) {
        if (n > start) parts.push(n - 1 === start ? hex(start) : `${hex(start)}-${hex(n - 1)}`);
        start = n + 1;
      }
    }
  }
  return new RegExp(`[${parts.join("")}]`, "u");
}

const INVISIBLE = charClass(INVISIBLE_RANGES);
const QUOTE_INVISIBLE = charClass(INVISIBLE_RANGES, JOINERS);

/**
 * The first invisible or direction-changing character of `text`, as `U+202E`, or null.
 *
 * @example
 * invisibleCharacter("abc\u202Edef"); // "U+202E"
 * invisibleCharacter("Kremlin");      // null
 */
export function invisibleCharacter(text: string, pattern: RegExp = INVISIBLE): string | null {
  const m = pattern.exec(text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : null;
}

function visible(pattern: RegExp) {
  return v.check(
    (text: string) => invisibleCharacter(text, pattern) === null,
    (issue) =>
      `contains an invisible or direction-changing character (${invisibleCharacter(issue.input, pattern)}): remove it`,
  );
}

function boundedText(max: number, pattern: RegExp = INVISIBLE) {
  return v.pipe(
    v.string("must be a string"),
    v.trim(),
    v.nonEmpty("must not be empty"),
    v.maxLength(max, `must be at most ${max} characters`),
    visible(pattern),
  );
}

/**
 * A stable, URL-safe identifier: lowercase words joined by hyphens.
 *
 * @example
 * v.parse(Slug, "dnc-hack-2016"); // ok
 * v.parse(Slug, "DNC hack");      // throws: must be a slug
 */
export const Slug = v.pipe(
  v.string("must be a string"),
  v.maxLength(LIMITS.slug, `must be at most ${LIMITS.slug} characters`),
  v.regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    (issue) => `must be a slug of lowercase letters, digits and single hyphens (got ${JSON.stringify(issue.input)})`,
  ),
);

/**
 * Reader-visible text of some length (a summary, a quote's translation): trimmed,
 * non-empty, at most {@link LIMITS}.longText characters, with no invisible or
 * direction-changing character.
 *
 * @example
 * v.parse(Text, "The Kremlin spokesman says Russia had nothing to do with it."); // ok
 * v.parse(Text, "evil\u202Etxt.exe"); // throws: contains an invisible or direction-changing character (U+202E)
 */
export const Text = boundedText(LIMITS.longText);

/**
 * A short reader-visible string (a title, a name, a role, a publisher, a keyword): as
 * {@link Text}, at most {@link LIMITS}.shortText characters.
 *
 * @example
 * v.parse(ShortText, "Kremlin spokesman"); // ok
 */
export const ShortText = boundedText(LIMITS.shortText);

/**
 * Words as they were said, in their original language: as {@link Text}, but the
 * zero-width non-joiner and joiner (U+200C, U+200D), which Persian and Indic scripts
 * need, are kept.
 *
 * @example
 * v.parse(QuoteText, "می\u200Cخواهیم"); // ok
 */
export const QuoteText = boundedText(LIMITS.longText, QUOTE_INVISIBLE);

/**
 * An absolute http(s) URL. Any other scheme (`javascript:`, `data:`, `ftp:`…) is refused,
 * so that nothing built from a record can ever link to one.
 *
 * @example
 * v.parse(HttpUrl, "https://www.justice.gov/"); // ok
 * v.parse(HttpUrl, "javascript:alert(1)");      // throws: must be an http(s) URL
 */
export const HttpUrl = v.pipe(
  v.string("must be a string"),
  v.maxLength(LIMITS.url, `must be at most ${LIMITS.url} characters`),
  v.check(isHttpUrl, (issue) => `must be an absolute http(s) URL (got ${JSON.stringify(issue.input)})`),
);

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A calendar date at the precision the sources give: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Records never invent a day they do not know.
 *
 * @example
 * v.parse(IsoDate, "2018-07-13"); // ok
 * v.parse(IsoDate, "2018-10");    // ok, month precision
 * v.parse(IsoDate, "2018-02-30"); // throws: not a real date
 */
export const IsoDate = v.pipe(
  v.string("must be a string"),
  v.check(
    isPartialIsoDate,
    (issue) => `must be a real date as YYYY, YYYY-MM or YYYY-MM-DD (got ${JSON.stringify(issue.input)})`,
  ),
);

/**
 * Tells whether a string is a real date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 *
 * @example
 * isPartialIsoDate("2024-02-29"); // true
 * isPartialIsoDate("2023-02-29"); // false
 */
export function isPartialIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/**
 * An ISO 639 language code such as `fr`, `en`, `ru`, `uk` or `fa`.
 *
 * @example
 * v.parse(LangCode, "ru"); // ok
 */
export const LangCode = v.pipe(
  v.string("must be a string"),
  v.regex(
    /^[a-z]{2,3}$/,
    (issue) => `must be an ISO 639 language code such as "fr" or "en" (got ${JSON.stringify(issue.input)})`,
  ),
);

/**
 * Text a reader sees, in every UI language (a summary: {@link Text} in each).
 *
 * @example
 * v.parse(Localized, { fr: "Piratage du DNC", en: "DNC hack" });
 */
export const Localized = v.strictObject({ fr: Text, en: Text }, unknownOrWrongType("a { fr, en } object"));

/** Text in every UI language. */
export type Localized = v.InferOutput<typeof Localized>;

/**
 * A short text in every UI language (a title, a name, a role: {@link ShortText} in each).
 *
 * @example
 * v.parse(LocalizedShort, { fr: "Piratage du DNC", en: "DNC hack" });
 */
export const LocalizedShort = v.strictObject(
  { fr: ShortText, en: ShortText },
  unknownOrWrongType("a { fr, en } object"),
);

/**
 * Builds a strict-object message that reads well for both of its failure modes:
 * a value that is not an object, and an object with a field the schema does not know.
 *
 * @example
 * v.strictObject({ a: v.string() }, unknownOrWrongType("a source"));
 */
export function unknownOrWrongType(what: string, key = "field") {
  return (issue: v.StrictObjectIssue): string => {
    if (issue.expected === "never") return `is not a known ${key}`;
    if (issue.received === "undefined" && issue.path?.length && issue.expected?.startsWith('"')) return "is missing";
    return `must be ${what}`;
  };
}

/**
 * An array of at most `max` items.
 *
 * @example
 * cappedArray(HttpUrl, LIMITS.urls);
 */
export function cappedArray<const T extends v.GenericSchema>(item: T, max: number) {
  return v.pipe(v.array(item, "must be a list"), v.maxLength(max, `must have at most ${max} items`));
}

/**
 * A non-empty array of at most `max` items, with a message that says what an empty one misses.
 *
 * @example
 * nonEmptyArray(Source, "list at least one source", LIMITS.sources);
 */
export function nonEmptyArray<const T extends v.GenericSchema>(item: T, whenEmpty: string, max: number) {
  return v.pipe(
    v.array(item, "must be a list"),
    v.minLength(1, `is empty: ${whenEmpty}`),
    v.maxLength(max, `must have at most ${max} items`),
  );
}
