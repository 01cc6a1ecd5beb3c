/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from "vitest";
import { parseArticle, score } from "../../lib/articles.ts";
import type { MatchResult } from "../../schema/index.ts";
import { decodeMatchIndex, encodeMatchIndex } from "../../worker/match/binary.ts";
import { buildMatchIndex } from "../../worker/match/index.ts";
import { matchArticle } from "../../worker/match/match.ts";
import { problem, request } from "./http.ts";
import { seed, seedClaims } from "./seed.ts";

const load = (sources: Record<string, string>) =>
  Object.entries(sources).map(([path, text]) =>
    parseArticle(
      path
        .split("/")
        .pop()!
        .replace(/\.txt$/, ""),
      text,
    ),
  );
/** The calibration set: the matcher's weights and thresholds were tuned on it. */
const articles = load(
  import.meta.glob("../fixtures/articles/*.txt", { query: "?raw", import: "default", eager: true }),
);
/** Held-out sets, written by someone who never saw the matcher. */
const holdout = load(import.meta.glob("../fixtures/holdout/*.txt", { query: "?raw", import: "default", eager: true }));
const holdout2 = load(
  import.meta.glob("../fixtures/holdout2/*.txt", { query: "?raw", import: "default", eager: true }),
);
const article = (name: string) => articles.find((a) => a.name === name)!;

beforeAll(async () => {
  await seed();
});

async function post(body: unknown, init: RequestInit = {}): Promise<Response> {
  return request("/v1/match", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    ...init,
  });
}

describe("the matcher, on the test articles (tests/fixtures/articles)", () => {
  const index = buildMatchIndex(seedClaims(), "test");

  it("has French and English, on-topic and off-topic articles", () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
    expect(articles.filter((a) => a.lang === "fr").length).toBeGreaterThanOrEqual(15);
    expect(articles.filter((a) => a.lang === "en").length).toBeGreaterThanOrEqual(15);
    expect(articles.filter((a) => a.expect.length === 0).length).toBeGreaterThanOrEqual(12);
  });

  it("finds what each article is about, and nothing for off-topic ones (precision and recall ≥ 95%)", () => {
    const result = score(articles, (a) => matchArticle(index, a, 10).map((m) => m.id));
    const misses = result.rows.filter(
      (r) =>
        r.article.expect.some((id) => !r.got.includes(id)) ||
        r.got.some((id) => ![...r.article.expect, ...r.article.allow].includes(id)),
    );
    expect(misses.map((r) => `${r.article.name}: got [${r.got}]`)).toEqual([]);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.negativesWithMatches).toBe(0);
  });

  it.each([
    ["the first held-out set", () => holdout, 24],
    ["the second held-out set", () => holdout2, 20],
  ])("keeps precision and recall ≥ 85%% on %s", (_name, set, size) => {
    const result = score(set(), (a) => matchArticle(index, a, 10).map((m) => m.id));
    expect(set()).toHaveLength(size);
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
  });

  it("finds GRU claims from an alias alone (Fancy Bear, APT28)", () => {
    for (const name of ["dnc-fr-alias-fancy-bear", "opcw-en-alias-apt28"]) {
      const a = article(name);
      expect(a.text).toMatch(/Fancy Bear|APT28/);
      expect(a.text).not.toMatch(/\bGRU\b/);
      expect(matchArticle(index, a).map((m) => m.id)).toEqual(a.expect);
    }
  });

  it("finds nothing in a story that shares Russie, États-Unis and coopération but no attribution", () => {
    const text =
      "La Russie et les États-Unis ont annoncé mardi une coopération renforcée sur la station spatiale internationale. Le Kremlin et Washington saluent un accord « mutuellement avantageux », a déclaré Dmitri Peskov.";
    expect(matchArticle(index, { text })).toEqual([]);
  });

  it("finds nothing in a cyberattack story with no state attribution", () => {
    expect(matchArticle(index, article("neg-fr-hopital-rancongiciel"))).toEqual([]);
    expect(matchArticle(index, article("neg-en-retailer-breach"))).toEqual([]);
  });

  it("matches the same through the binary KV form of the index", () => {
    const buf = encodeMatchIndex(index);
    const decoded = decodeMatchIndex(buf.slice(0));
    for (const a of articles) expect(matchArticle(decoded, a, 10), a.name).toEqual(matchArticle(index, a, 10));
    expect(() => decodeMatchIndex(new ArrayBuffer(64))).toThrow(/unknown format/);
  });

  it("quotes the sentence that carries the most evidence, exactly as in the text", () => {
    const a = article("ukraine-fr-sites-defigures");
    const [m] = matchArticle(index, a);
    expect(m!.anchor).not.toBeNull();
    const { exact, prefix, suffix } = m!.anchor!;
    expect(a.text).toContain(prefix + exact + suffix);
    expect(exact.length).toBeGreaterThan(20);
  });
});

describe("POST /v1/match", () => {
  it("returns the relevant claims with their records and scores", async () => {
    const a = article("trump-en-odni-statement");
    const res = await post({ text: a.text, title: a.title, lang: "en" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const { matches } = await res.json<MatchResult>();
    expect(matches.map((m) => m.id)).toEqual(["trump-campaign-iran-2024"]);
    expect(matches[0]!.score).toBeGreaterThan(0.5);
    expect(matches[0]!.score).toBeLessThanOrEqual(1);
    expect(matches[0]!.claim.id).toBe("trump-campaign-iran-2024");
    expect(a.text).toContain(matches[0]!.anchor!.exact);
  });

  it("returns [] for an unrelated article", async () => {
    const res = await post({ text: article("neg-en-iran-nuclear-talks").text });
    expect(await res.json()).toEqual({ matches: [] });
  });

  it("puts the claims linked to the article's URL first", async () => {
    const linked = seedClaims().find((c) => c.urls.length)!;
    const res = await post({ text: "Un texte sans rapport.", url: linked.urls[0] });
    const { matches } = await res.json<MatchResult>();
    expect(matches[0]).toMatchObject({ id: linked.id, score: 1 });
  });

  it("honours limit", async () => {
    const a = article("combo-fr-inculpation-helsinki-dnc");
    const one = await (await post({ text: a.text, limit: 1 })).json<MatchResult>();
    const all = await (await post({ text: a.text, limit: 10 })).json<MatchResult>();
    expect(one.matches).toHaveLength(1);
    expect(all.matches.length).toBeGreaterThanOrEqual(2);
    expect(one.matches[0]!.id).toBe(all.matches[0]!.id);
  });

  it.each([
    ["no text", {}],
    ["empty text", { text: "" }],
    ["text of the wrong type", { text: 42 }],
    ["an unknown field", { text: "x", extra: true }],
    ["limit 0", { text: "x", limit: 0 }],
    ["limit 11", { text: "x", limit: 11 }],
    ["a javascript: url", { text: "x", url: "javascript:alert(1)" }],
    ["lang de", { text: "x", lang: "de" }],
    ["an array", [1, 2]],
    ["null", null],
  ])("answers 400 problem+json for %s", async (_what, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.status).toBe(400);
  });

  it("answers 400 for malformed JSON", async () => {
    const res = await request("/v1/match", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"text": "unterminated',
    });
    expect(res.status).toBe(400);
    expect((await problem(res)).detail).toMatch(/JSON/);
  });

  it("answers 415 for a body that is not JSON", async () => {
    const res = await request("/v1/match", {
      method: "POST",
      headers: { "Content-Type": "application/xml" },
      body: "<text>hello</text>",
    });
    expect(res.status).toBe(415);
    await problem(res);
  });

  it("reads a JSON body sent as text/plain (a CORS-simple request, as the widget sends it)", async () => {
    const res = await request("/v1/match", {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify({ text: "Les hackers russes ont piraté le Comité national démocrate, selon CrowdStrike." }),
    });
    expect(res.status).toBe(200);
    expect(Array.isArray((await res.json<{ matches: unknown[] }>()).matches)).toBe(true);
    const bad = await request("/v1/match", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "text=hello",
    });
    expect(bad.status).toBe(400);
    await problem(bad);
  });

  it("limits a client to 120 matches a minute, with 429 and Retry-After, and not its neighbour", async () => {
    const from = (ip: string) =>
      request("/v1/match", {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
        body: JSON.stringify({ text: "rien" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) statuses.push((await from("203.0.113.7")).status);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await from("203.0.113.7");
    expect(limited.headers.get("Retry-After")).toBe("60");
    expect((await problem(limited)).title).toBe("Too many requests");
    expect((await from("203.0.113.8")).status).toBe(200);
  });

  it("answers 413 for an oversized body", async () => {
    const res = await post({ text: "a".repeat(300 * 1024) });
    expect(res.status).toBe(413);
    await problem(res);
  });
});
