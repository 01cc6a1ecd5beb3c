/**
 * The memory tier through the real app in workerd, counted by the KV reads each response
 * reports in `Server-Timing`: floods of distinct lookups or misses cannot evict the match
 * index or the records readers ask for, and a repeated miss costs no KV read.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { forgetReads } from "../../worker/store/isolate-memory.ts";
import { request } from "./http.ts";
import { seed } from "./seed.ts";
import { ADMIN_TOKEN, as, draftClaim, settle } from "./writer-helpers.ts";

beforeAll(async () => {
  await seed();
});

/** The KV reads a response reports. */
function kvReads(res: Response): number {
  const m = /desc="(\d+) reads?"/.exec(res.headers.get("Server-Timing") ?? "");
  if (!m) throw new Error(`no KV reads in Server-Timing: ${res.headers.get("Server-Timing")}`);
  return Number(m[1]);
}

const match = () =>
  request("/v1/match", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text: "Les hackers russes ont piraté le Comité national démocrate, selon CrowdStrike." }),
  });

describe("the memory tier", () => {
  it("keeps the match index through 600 distinct lookups (the old cache held 500 entries)", {
    timeout: 30_000,
  }, async () => {
    forgetReads();
    const cold = await match();
    // The index, and each record the match returns.
    expect(kvReads(cold)).toBe(1 + ((await cold.json()) as { matches: unknown[] }).matches.length);
    for (let i = 0; i < 600; i++) {
      const res = await request(`/v1/lookup?url=${encodeURIComponent(`https://flood.example/article-${i}`)}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const again = await match();
    expect(again.status).toBe(200);
    expect(kvReads(again)).toBe(0);
  });

  it("keeps a record readers ask for through 600 lookups of URLs linked to nothing", { timeout: 30_000 }, async () => {
    forgetReads();
    expect(kvReads(await request("/v1/claims/dnc-hack-2016"))).toBe(1);
    for (let i = 0; i < 600; i++) {
      const res = await request(`/v1/lookup?url=${encodeURIComponent(`https://misses.example/article-${i}`)}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    expect(kvReads(await request("/v1/claims/dnc-hack-2016"))).toBe(0);
  });

  it("answers a repeated miss from memory: one KV read, then none", async () => {
    forgetReads();
    const first = await request("/v1/claims/never-there");
    expect(first.status).toBe(404);
    expect(kvReads(first)).toBe(1);
    const second = await request("/v1/claims/never-there");
    expect(second.status).toBe(404);
    expect(kvReads(second)).toBe(0);
  });

  it("costs at most one KV read per lookup, cold", async () => {
    forgetReads();
    for (const path of [
      "/v1/claims/gru-indictment-2018",
      "/v1/claims?limit=5",
      `/v1/lookup?url=${encodeURIComponent("https://example.org/nothing-here")}`,
    ]) {
      forgetReads();
      expect(kvReads(await request(path)), path).toBeLessThanOrEqual(1);
    }
  });

  it("serves an embed with related links for the record and the list index's titles, cold; for nothing warm", async () => {
    forgetReads();
    const cold = await request("/embed/dnc-hack-2016?lang=fr");
    expect(await cold.text()).toContain('part="related"');
    // The record, and the list index whose titles every related link of every page shares.
    expect(kvReads(cold)).toBeLessThanOrEqual(2);
    forgetReads();
    await request("/v1/claims?limit=1");
    const withIndex = await request("/embed/gru-indictment-2018?lang=fr");
    expect(kvReads(withIndex)).toBeLessThanOrEqual(1);
  });

  it("keeps answering with a record written earlier after another write, until KV has both", async () => {
    const put = (id: string, title: string, etag?: string) =>
      request(`/v1/claims/${id}`, {
        method: "PUT",
        headers: { ...as(ADMIN_TOKEN), ...(etag ? { "If-Match": etag } : { "If-None-Match": "*" }) },
        body: JSON.stringify({
          ...draftClaim(id),
          incident: { ...draftClaim(id).incident, title: { fr: title, en: title } },
        }),
      });
    const a = await put("memory-first", "First, original");
    expect(a.status).toBe(201);
    const b = await put("memory-second", "Second, original");
    expect(b.status).toBe(201);
    await settle();
    expect((await put("memory-first", "First, corrected", a.headers.get("ETag")!)).status).toBe(200);
    expect((await put("memory-second", "Second, corrected", b.headers.get("ETag")!)).status).toBe(200);
    // Before the writer has published either correction, this isolate serves both.
    for (const id of ["memory-first", "memory-second"]) {
      const res = await request(`/v1/claims/${id}?reader=1`);
      expect(await res.text(), id).toContain("corrected");
    }
  });
});
