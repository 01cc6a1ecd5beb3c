/**
 * The Cache API tier: every cached response is keyed by its canonical URL, so that a
 * write's purge reaches whatever spelling readers used. Real app, real Cache API and KV
 * in workerd; `forgetReads()` plays another isolate of the same location, one that did
 * not serve the write (the one runtime of a test has a single isolate).
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Claim } from "../../schema/index.ts";
import { app } from "../../worker/app.ts";
import {
  CACHE_NAME,
  cacheKey,
  claimEmbedKey,
  claimRecordKey,
  PUBLIC_CACHE_CONTROL,
  purgeClaim,
} from "../../worker/middleware/edge-cache.ts";
import { forgetReads } from "../../worker/store/isolate-memory.ts";
import { ORIGIN } from "./http.ts";
import { seed, seedClaims } from "./seed.ts";
import { settle } from "./writer-helpers.ts";

const auth = { Authorization: "Bearer test-admin-token-0123456789" };

beforeAll(async () => {
  await seed();
});

/** Sends a request through the app and waits for its background work (the Cache API puts). */
async function call(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(new URL(path, ORIGIN), init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function text(path: string): Promise<{ status: number; body: string }> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(new URL(path, ORIGIN)), env, ctx);
  const body = await res.text();
  await waitOnExecutionContext(ctx);
  return { status: res.status, body };
}

function draft(id: string, title: string): Claim {
  const base = structuredClone(seedClaims().find((c) => c.id === "ukraine-ministries-2022")!);
  return {
    ...base,
    id,
    urls: [`https://news.example.org/${id}`],
    topics: [id],
    related: [],
    incident: { ...base.incident, title: { fr: `${title} (fr)`, en: title } },
  };
}

describe("cache keys", () => {
  it("are canonical: sorted parameters, each encoded once, undefined ones left out", () => {
    expect(cacheKey(ORIGIN, "/v1/claims", { limit: 5, accused: "APT 28", lang: undefined })).toBe(
      `${ORIGIN}/v1/claims?accused=APT+28&limit=5`,
    );
    expect(claimRecordKey(ORIGIN, "x", "json", "fr")).toBe(`${ORIGIN}/v1/claims/x`);
    expect(claimRecordKey(ORIGIN, "x", "jsonld", "fr")).toBe(`${ORIGIN}/v1/claims/x?format=jsonld&lang=fr`);
    expect(claimEmbedKey(ORIGIN, "x", "en")).toBe(`${ORIGIN}/embed/x?lang=en`);
  });

  it("store each response under its canonical URL, never under the URL it was asked with", async () => {
    const cache = await caches.open(CACHE_NAME);
    const cases: Array<[string, string]> = [
      [
        `${ORIGIN}/v1/claims/gru-indictment-2018?cb=keys&lang=fr`,
        claimRecordKey(ORIGIN, "gru-indictment-2018", "json", "en"),
      ],
      [`${ORIGIN}/embed/gru-indictment-2018?x=1&lang=fr`, claimEmbedKey(ORIGIN, "gru-indictment-2018", "fr")],
      [`${ORIGIN}/v1/claims?limit=3&accused=%41PT28`, cacheKey(ORIGIN, "/v1/claims", { accused: "APT28", limit: 3 })],
    ];
    for (const [asked, canonical] of cases) {
      forgetReads(); // so that the request goes past isolate memory to the Cache API
      expect((await call(asked)).status).toBe(200);
      expect(await cache.match(asked), asked).toBeUndefined();
      expect(await cache.match(canonical), canonical).toBeDefined();
    }
  });
});

describe("after a write, every spelling of a claim's URLs serves the new version", () => {
  const spellings: Array<[string, (id: string) => string]> = [
    ["a cache buster", (id) => `/v1/claims/${id}?cb=1`],
    ["a malformed parameter", (id) => `/v1/claims/${id}?a=%`],
    ["a percent-encoded hyphen", (id) => `/v1/claims/${id.replace("-", "%2D")}`],
    ["a language and a cache buster", (id) => `/v1/claims/${id}?lang=fr&cb=2`],
    ["JSON-LD with a cache buster", (id) => `/v1/claims/${id}?lang=en&format=jsonld&cb=3`],
    ["an embed with an extra parameter", (id) => `/embed/${id}?lang=en&x=1`],
    ["an embed without lang", (id) => `/embed/${id}?x=2`],
    ["a French embed, parameters reordered", (id) => `/embed/${id}?x=3&lang=fr`],
  ];

  it.each(spellings)("%s", async (what, spell) => {
    const unique = `cache-key-${spellings.findIndex(([w]) => w === what)}`;
    const at = spell(unique);
    const created = await call(`/v1/claims/${unique}`, {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify(draft(unique, "Original title")),
    });
    expect(created.status).toBe(201);
    await settle();
    // Another isolate of this location reads it: from KV, into the Cache API.
    forgetReads();
    const before = await text(at);
    expect(before.status).toBe(200);
    expect(before.body).toContain("Original title");

    const updated = await call(`/v1/claims/${unique}`, {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json", "If-Match": created.headers.get("ETag")! },
      body: JSON.stringify(draft(unique, "Corrected title")),
    });
    expect(updated.status).toBe(200);
    await settle();
    // That other isolate, which did not serve the write, is asked again.
    forgetReads();
    const after = await text(at);
    expect(after.status).toBe(200);
    expect(after.body).toContain("Corrected title");
    expect(after.body).not.toContain("Original title");
  });
});

describe("a write through another host name (workers.dev, a proxy)", () => {
  it("purges the entries readers get at the public origin", async () => {
    const id = "cache-key-other-host";
    const admin = "https://claimcard.admin.example";
    const created = await call(`${admin}/v1/claims/${id}`, {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify(draft(id, "Original title")),
    });
    expect(created.status).toBe(201);
    await settle();
    forgetReads();
    expect((await text(`/embed/${id}?lang=en`)).body).toContain("Original title");
    const updated = await call(`${admin}/v1/claims/${id}`, {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json", "If-Match": created.headers.get("ETag")! },
      body: JSON.stringify(draft(id, "Corrected title")),
    });
    expect(updated.status).toBe(200);
    await settle();
    forgetReads();
    expect((await text(`/embed/${id}?lang=en`)).body).toContain("Corrected title");
  });
});

describe("purgeClaim(origin, id)", () => {
  it("deletes the record, its JSON-LD and its embed in each language, and nothing else", async () => {
    const cache = await caches.open(CACHE_NAME);
    const keys = [
      claimRecordKey(ORIGIN, "purge-probe", "json", "en"),
      claimRecordKey(ORIGIN, "purge-probe", "jsonld", "fr"),
      claimRecordKey(ORIGIN, "purge-probe", "jsonld", "en"),
      claimEmbedKey(ORIGIN, "purge-probe", "fr"),
      claimEmbedKey(ORIGIN, "purge-probe", "en"),
    ];
    const other = claimRecordKey(ORIGIN, "purge-probe-2", "json", "en");
    for (const key of [...keys, other])
      await cache.put(key, new Response("x", { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } }));
    await purgeClaim(ORIGIN, "purge-probe");
    for (const key of keys) expect(await cache.match(key), key).toBeUndefined();
    expect(await cache.match(other)).toBeDefined();
  });
});
