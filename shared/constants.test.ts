/**
 * The API's numbers agree with each other and with the platform they run on: a default
 * is within its range, the text the matcher reads fits in the body it accepts, the card
 * reserves the same height in pixels and in ems, and the KV cache lifetime is one that
 * Workers KV accepts.
 */
import { describe, expect, it } from "vitest";
import { KV_MAX_VALUE_BYTES } from "../lib/budgets.ts";
import {
  CARD_FONT_SIZE_PX,
  CARD_SIZE,
  CLAIM_MAX_BYTES,
  FETCH_TIMEOUT_MS,
  KV_CACHE_TTL_S,
  LIST_LIMIT,
  MATCH_LIMIT,
  MATCH_MAX_BYTES,
  MATCH_MAX_CHARS,
  MATCH_TEXT_MAX_CHARS,
  MATCH_TIMEOUT_MS,
  PAGE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  UI_LANGS,
} from "./constants.ts";

/** Workers KV: the shortest `cacheTtl` a read may ask for. */
const KV_MIN_CACHE_TTL_S = 60;

describe("the API's numbers", () => {
  it("have page and match limits whose default is within their range", () => {
    for (const limit of [MATCH_LIMIT, LIST_LIMIT]) {
      expect(Number.isInteger(limit.default) && Number.isInteger(limit.max)).toBe(true);
      expect(limit.default).toBeGreaterThanOrEqual(1);
      expect(limit.default).toBeLessThanOrEqual(limit.max);
    }
  });

  it("accept at least the text the matcher reads, in a body that can carry it in any script", () => {
    expect(MATCH_MAX_CHARS).toBeLessThanOrEqual(MATCH_TEXT_MAX_CHARS);
    // The widget sends the first MATCH_MAX_CHARS characters; the costliest character in
    // JSON is a control character, escaped as \u0001 (6 bytes): even those fit.
    const worst = "\u0001".repeat(MATCH_MAX_CHARS);
    const body = JSON.stringify({ text: worst, lang: "fr", limit: MATCH_LIMIT.max });
    expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(MATCH_MAX_BYTES);
  });

  it("give the match longer than a plain read, both a positive time", () => {
    expect(FETCH_TIMEOUT_MS).toBeGreaterThan(0);
    expect(MATCH_TIMEOUT_MS).toBeGreaterThanOrEqual(FETCH_TIMEOUT_MS);
  });

  it("reserve the card's height as a whole number of ems at the default font size", () => {
    expect(CARD_SIZE.width).toBeGreaterThan(0);
    expect(CARD_SIZE.height % CARD_FONT_SIZE_PX).toBe(0);
  });

  it("ask Workers KV for what it allows: a cache TTL of at least 60 s, records under 25 MiB", () => {
    expect(KV_CACHE_TTL_S).toBeGreaterThanOrEqual(KV_MIN_CACHE_TTL_S);
    expect(CLAIM_MAX_BYTES).toBeLessThan(KV_MAX_VALUE_BYTES);
  });

  it("send a Cache-Control that browsers parse: public, a max-age and a stale-while-revalidate", () => {
    const directives = Object.fromEntries(PUBLIC_CACHE_CONTROL.split(/,\s*/).map((d) => d.split("=")));
    expect(Object.keys(directives).sort()).toEqual(["max-age", "public", "stale-while-revalidate"]);
    expect(directives["max-age"]).toMatch(/^[1-9]\d*$/);
    expect(directives["stale-while-revalidate"]).toMatch(/^[1-9]\d*$/);
  });

  it("keep a page as long as the reads it is made of, and no stale copy of it", () => {
    const directives = (header: string) => Object.fromEntries(header.split(/,\s*/).map((d) => d.split("=")));
    expect(Object.keys(directives(PAGE_CACHE_CONTROL)).sort()).toEqual(["max-age", "public"]);
    expect(directives(PAGE_CACHE_CONTROL)["max-age"]).toBe(directives(PUBLIC_CACHE_CONTROL)["max-age"]);
  });

  it("name the card's languages once each, as language codes", () => {
    expect(new Set(UI_LANGS).size).toBe(UI_LANGS.length);
    for (const lang of UI_LANGS) expect(lang).toMatch(/^[a-z]{2}$/);
    expect(UI_LANGS).toEqual(expect.arrayContaining(["fr", "en"]));
  });
});
