/**
 * The schema's building blocks, as a record's author meets them through `data:check` and
 * an API caller through a 400: what each accepts, what it refuses, and the message that
 * says why.
 */
import type * as v from "valibot";
import { describe, expect, it } from "vitest";
import { check } from "./issues.ts";
import { HttpUrl, IsoDate, isPartialIsoDate, LangCode, Localized, nonEmptyArray, Slug, Text } from "./primitives.ts";

/** The `maxLength` a schema's pipe sets: the schema's own number, read rather than retyped. */
function maxLengthOf(schema: { pipe: readonly { type: string; requirement?: unknown }[] }): number {
  const action = schema.pipe.find((a) => a.type === "max_length");
  if (typeof action?.requirement !== "number") throw new Error("the schema sets no maxLength");
  return action.requirement;
}

/** The messages of a refused value (the `(record)` path of a top-level value dropped). */
function refusal(schema: v.GenericSchema, input: unknown): string[] {
  const result = check(schema, input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.errors.map((e) => e.replace(/^\(record\): /, ""));
}

describe("Slug", () => {
  it.each(["dnc-hack-2016", "a", "2016", "apt28", "gru-unit-26165"])("accepts %j", (slug) => {
    expect(check(Slug, slug)).toEqual({ ok: true, value: slug });
  });

  it.each(["DNC-hack", "dnc hack", "dnc--hack", "-dnc", "dnc-", "dnc_hack", "café", ""])("refuses %j", (slug) => {
    expect(check(Slug, slug).ok).toBe(false);
  });

  it("says what a slug is, and quotes the value refused", () => {
    expect(refusal(Slug, "DNC hack")).toEqual([
      'must be a slug of lowercase letters, digits and single hyphens (got "DNC hack")',
    ]);
    expect(refusal(Slug, 2016)).toEqual(["must be a string"]);
    const max = maxLengthOf(Slug);
    expect(check(Slug, "a".repeat(max)).ok).toBe(true);
    expect(refusal(Slug, "a".repeat(max + 1))).toEqual([`must be at most ${max} characters`]);
  });
});

describe("isPartialIsoDate and IsoDate", () => {
  it.each(["2016", "2016-06", "2016-06-14", "2024-02-29", "2000-02-29", "1999-12-31"])("accepts %j", (date) => {
    expect(isPartialIsoDate(date)).toBe(true);
    expect(check(IsoDate, date).ok).toBe(true);
  });

  it.each([
    "2023-02-29",
    "1900-02-29",
    "2016-02-30",
    "2016-04-31",
    "2016-13",
    "2016-00",
    "2016-06-00",
    "2016-6",
    "2016-06-1",
    "16",
    "2016/06/14",
    "2016-06-14T00:00:00Z",
    " 2016",
    "",
  ])("refuses %j", (date) => {
    expect(isPartialIsoDate(date)).toBe(false);
    expect(check(IsoDate, date).ok).toBe(false);
  });

  it("says which precisions a date may have", () => {
    expect(refusal(IsoDate, "2018-02-30")).toEqual([
      'must be a real date as YYYY, YYYY-MM or YYYY-MM-DD (got "2018-02-30")',
    ]);
  });
});

describe("HttpUrl", () => {
  it("accepts an absolute http(s) URL", () => {
    expect(check(HttpUrl, "https://www.justice.gov/").ok).toBe(true);
    expect(check(HttpUrl, "http://example.org/a?b=c#d").ok).toBe(true);
  });

  it("refuses any other scheme, a relative URL, and a URL longer than its limit", () => {
    expect(refusal(HttpUrl, "javascript:alert(1)")).toEqual([
      'must be an absolute http(s) URL (got "javascript:alert(1)")',
    ]);
    for (const url of ["data:text/html,x", "ftp://example.org/", "/a/b", "example.org"])
      expect(check(HttpUrl, url).ok, url).toBe(false);
    const max = maxLengthOf(HttpUrl);
    const url = (length: number) => `https://example.org/${"a".repeat(length - "https://example.org/".length)}`;
    expect(check(HttpUrl, url(max)).ok).toBe(true);
    expect(refusal(HttpUrl, url(max + 1))).toEqual([`must be at most ${max} characters`]);
  });
});

describe("Text, LangCode, Localized and nonEmptyArray", () => {
  it("trims reader-visible text and refuses it empty", () => {
    expect(check(Text, "  Kremlin spokesman \n")).toEqual({ ok: true, value: "Kremlin spokesman" });
    expect(refusal(Text, "   ")).toEqual(["must not be empty"]);
  });

  it("takes language codes in lower case", () => {
    for (const code of ["fr", "en", "ru", "fas"]) expect(check(LangCode, code).ok, code).toBe(true);
    for (const code of ["FR", "f", "fr-FR", "french"]) expect(check(LangCode, code).ok, code).toBe(false);
  });

  it("wants both languages in localized text, and names a missing or unknown one", () => {
    expect(check(Localized, { fr: " Piratage du DNC ", en: "DNC hack" })).toEqual({
      ok: true,
      value: { fr: "Piratage du DNC", en: "DNC hack" },
    });
    expect(refusal(Localized, { fr: "Piratage du DNC" })).toEqual(["en: is missing"]);
    expect(refusal(Localized, { fr: "a", en: "b", de: "c" })).toEqual(["de: is not a known field"]);
    expect(refusal(Localized, "DNC hack")).toEqual(["must be a { fr, en } object"]);
  });

  it("says what an empty list misses, and refuses one over its cap", () => {
    const sources = nonEmptyArray(HttpUrl, "list at least one source", 2);
    expect(refusal(sources, [])).toEqual(["is empty: list at least one source"]);
    expect(check(sources, ["https://example.org/a"]).ok).toBe(true);
    expect(refusal(sources, ["https://example.org/a", "https://example.org/b", "https://example.org/c"])).toEqual([
      "must have at most 2 items",
    ]);
  });
});
