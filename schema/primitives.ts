/**
 * Building blocks shared by every claimcard schema: slugs, http(s) URLs,
 * partial ISO dates, language codes and localized `{ fr, en }` text.
 *
 * @module
 */
import * as v from "valibot";
import { isHttpUrl } from "../shared/http-url.ts";

export { UI_LANGS, type UiLang } from "../shared/constants.ts";
export { isHttpUrl };

/**
 * A stable, URL-safe identifier: lowercase words joined by hyphens.
 *
 * @example
 * v.parse(Slug, "dnc-hack-2016"); // ok
 * v.parse(Slug, "DNC hack");      // throws: must be a slug
 */
export const Slug = v.pipe(
  v.string("must be a string"),
  v.maxLength(64, "must be at most 64 characters"),
  v.regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    (issue) => `must be a slug of lowercase letters, digits and single hyphens (got ${JSON.stringify(issue.input)})`,
  ),
);

/**
 * Reader-visible text: trimmed, non-empty, bounded.
 *
 * @example
 * v.parse(Text, "Kremlin spokesman"); // ok
 */
export const Text = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.nonEmpty("must not be empty"),
  v.maxLength(4000, "must be at most 4000 characters"),
);

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
  v.maxLength(2048, "must be at most 2048 characters"),
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
 * Text a reader sees, in every UI language.
 *
 * @example
 * v.parse(Localized, { fr: "Piratage du DNC", en: "DNC hack" });
 */
export const Localized = v.strictObject({ fr: Text, en: Text }, unknownOrWrongType("a { fr, en } object"));

/** Text in every UI language. */
export type Localized = v.InferOutput<typeof Localized>;

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
 * A non-empty array of `item`, with a message that says what an empty one misses.
 *
 * @example
 * nonEmptyArray(HttpUrl, "list at least one source");
 */
export function nonEmptyArray<const T extends v.GenericSchema>(item: T, whenEmpty: string) {
  return v.pipe(v.array(item, "must be a list"), v.minLength(1, `is empty: ${whenEmpty}`));
}
