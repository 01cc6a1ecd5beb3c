/**
 * Bounded writes: every string and list of a record has a cap; reader-visible text
 * refuses invisible and direction-changing characters; a publish spreads its KV writes
 * over the writer's alarms within a per-invocation budget; and a key that cannot be
 * written is retried a bounded number of times, then set aside.
 */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import * as v from "valibot";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaimInput, LIMITS, type LookupResult } from "../../schema/index.ts";
import { WriterDb } from "../../worker/writer/db.ts";
import { MAX_ATTEMPTS, publish } from "../../worker/writer/outbox.ts";
import { problem, request } from "./http.ts";
import { seed } from "./seed.ts";
import { draftClaim, putClaim, settle, theWriter } from "./writer-helpers.ts";

beforeAll(async () => {
  await seed();
});

describe("caps", () => {
  it.each([
    [
      "urls",
      (c: ReturnType<typeof draftClaim>) => ({
        ...c,
        urls: Array.from({ length: LIMITS.urls + 1 }, (_, i) => `https://news.example.org/a/${i}`),
      }),
      /urls: must have at most 100 items/,
    ],
    [
      "topics",
      (c: ReturnType<typeof draftClaim>) => ({
        ...c,
        topics: Array.from({ length: LIMITS.topics + 1 }, (_, i) => `t${i}`),
      }),
      /topics: must have at most 20 items/,
    ],
    [
      "accusations",
      (c: ReturnType<typeof draftClaim>) => ({
        ...c,
        accusations: Array(LIMITS.accusations + 1).fill(c.accusations[0]),
      }),
      /accusations: must have at most 50 items/,
    ],
    [
      "sources",
      (c: ReturnType<typeof draftClaim>) => ({
        ...c,
        accusations: [
          { ...c.accusations[0]!, sources: Array(LIMITS.sources + 1).fill(c.accusations[0]!.sources[0]) },
          ...c.accusations.slice(1),
        ],
      }),
      /accusations\[0\]\.sources: must have at most 20 items/,
    ],
    [
      "keywords",
      (c: ReturnType<typeof draftClaim>) => ({
        ...c,
        keywords: { ...c.keywords, en: Array.from({ length: LIMITS.keywords + 1 }, (_, i) => `k${i}`) },
      }),
      /keywords\.en: must have at most 100 items/,
    ],
    [
      "a title",
      (c: ReturnType<typeof draftClaim>) => ({
        ...c,
        incident: { ...c.incident, title: { ...c.incident.title, en: "x".repeat(LIMITS.shortText + 1) } },
      }),
      /incident\.title\.en: must be at most 500 characters/,
    ],
    [
      "a summary",
      (c: ReturnType<typeof draftClaim>) => ({
        ...c,
        incident: { ...c.incident, summary: { ...c.incident.summary, fr: "x ".repeat(LIMITS.longText) } },
      }),
      /incident\.summary\.fr: must be at most 4000 characters/,
    ],
  ])("refuses a record over the cap of %s, naming the field", async (_what, over, message) => {
    const res = await putClaim("capped-claim", over(draftClaim("capped-claim")));
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.join("\n")).toMatch(message);
  });

  it("accepts a record at every list cap it can reach", () => {
    const c = draftClaim("at-cap");
    const atCap = {
      ...c,
      urls: Array.from({ length: LIMITS.urls }, (_, i) => `https://news.example.org/a/${i}`),
      keywords: {
        fr: Array.from({ length: LIMITS.keywords }, (_, i) => `m${i}`),
        en: Array.from({ length: LIMITS.keywords }, (_, i) => `k${i}`),
      },
      topics: Array.from({ length: LIMITS.topics }, (_, i) => `t${i}`),
    };
    expect(v.safeParse(ClaimInput, atCap).success).toBe(true);
  });
});

describe("invisible and direction-changing characters", () => {
  it.each([
    ["U+202E (right-to-left override) in a title", "incident.title.en", "Kremlin denies\u202Egnikcah", "U+202E"],
    ["U+200B (zero-width space) in a summary", "incident.summary.fr", "Le Kremlin dé\u200Bment", "U+200B"],
    ["U+2066 (isolate) in a source publisher", "accusations.0.sources.0.publisher", "US\u2066 DOJ", "U+2066"],
    ["U+FEFF in a speaker's name", "accusations.0.speaker.name", "Dmitri\uFEFF Peskov", "U+FEFF"],
    ["U+200D (zero-width joiner) in an alias-like keyword", "keywords.en.0", "APT\u200D28", "U+200D"],
  ])("refuses %s, naming the field and the character", async (_what, path, text, code) => {
    const claim = structuredClone(draftClaim("bidi-claim")) as unknown as Record<string, unknown>;
    const keys = path.split(".");
    let at = claim as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) {
      at[k] ??= {};
      at = at[k] as Record<string, unknown>;
    }
    at[keys.at(-1)!] = text;
    if (path.includes("speaker")) at.role = { fr: "porte-parole", en: "spokesman" };
    const res = await putClaim("bidi-claim", claim);
    expect(res.status).toBe(400);
    const errors = (await problem(res)).errors?.join("\n") ?? "";
    expect(errors).toContain(`contains an invisible or direction-changing character (${code})`);
    expect((await request("/v1/claims/bidi-claim")).status).toBe(404);
  });

  it("keeps the zero-width non-joiner in a quote's own words (Persian needs it)", () => {
    const c = draftClaim("persian-quote");
    const accusation = {
      ...c.accusations[0]!,
      quote: {
        text: "ما این اتهام را رد می\u200Cکنیم",
        lang: "fa",
        translation: { fr: "Nous rejetons cette accusation", en: "We reject this accusation" },
      },
      sources: [
        {
          ...c.accusations[0]!.sources[0]!,
          check: { result: "confirmed" as const, on: "2026-11-29", method: "stored-copy" as const, quote: true },
        },
      ],
    };
    expect(v.safeParse(ClaimInput, { ...c, accusations: [accusation, ...c.accusations.slice(1)] }).success).toBe(true);
  });
});

describe("publishing within a budget", () => {
  it("spreads a record with 100 URLs over alarms, each within the budget, and loses none", async () => {
    const urls = Array.from({ length: LIMITS.urls }, (_, i) => `https://wide.example.org/story/${i}`);
    const res = await putClaim("wide-claim", draftClaim("wide-claim", { urls }));
    expect(res.status).toBe(201);
    const writer = theWriter();
    const budget = Number(env.WRITER_KV_BUDGET);
    let pending = (await writer.status()).pending;
    expect(pending).toBeGreaterThan(0);
    let runs = 0;
    while (pending > 0 && runs < 50) {
      await runDurableObjectAlarm(writer);
      const now = (await writer.status()).pending;
      expect(pending - now).toBeLessThanOrEqual(budget);
      pending = now;
      runs++;
      if (pending) await new Promise((r) => setTimeout(r, 20));
    }
    expect(runs).toBeGreaterThanOrEqual(2);
    await settle();
    for (const i of [0, 57, 99]) {
      const looked = await (await request(`/v1/lookup?url=${encodeURIComponent(urls[i]!)}`)).json<LookupResult>();
      expect(looked.claims.map((c) => c.id)).toEqual(["wide-claim"]);
    }
  });

  it("gives up on a key that cannot be written after a bounded number of attempts, and says so", async () => {
    // A KV namespace whose writes all fail (mock: a KV outage cannot be produced locally).
    const failing = new Proxy(env.KV, {
      get: (target, prop, receiver) =>
        prop === "put" || prop === "delete"
          ? () => Promise.reject(new Error("KV: 500"))
          : Reflect.get(target, prop, receiver),
    });
    await runInDurableObject(theWriter(), async (_instance, state) => {
      const db = new WriterDb(state.storage.sql);
      db.enqueue("claim:poison-claim", "claim", "poison-claim");
      const lastWrite = new Map<string, number>();
      let runs = 0;
      let next: number | null = 0;
      while (next !== null && runs < 100) {
        // Each run stands for the alarm at the time it asked for: make the key due now.
        state.storage.sql.exec("UPDATE outbox SET not_before = 0 WHERE key = 'claim:poison-claim'");
        next = (await publish(db, failing, { budget: 40, interval: 1, lastWrite })).nextAt;
        if (db.failed().length) break;
        runs++;
      }
      expect(runs + 1).toBe(MAX_ATTEMPTS);
      expect(db.failed()).toEqual([
        expect.objectContaining({ key: "claim:poison-claim", attempts: MAX_ATTEMPTS, error: "KV: 500" }),
      ]);
      expect(db.outbox().map((r) => r.key)).not.toContain("claim:poison-claim");
    });
    const status = await theWriter().status();
    expect(status.failed).toContainEqual(expect.objectContaining({ key: "claim:poison-claim" }));
  });
});
