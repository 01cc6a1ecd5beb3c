/**
 * The memory tier through the real app in workerd, counted by the KV reads each response
 * reports in `Server-Timing`: floods of distinct lookups or misses cannot evict the match
 * index or the records readers ask for, and a repeated miss costs no KV read.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { forgetReads } from "../../worker/store/isolate-memory.ts";
import { request } from "./http.ts";
import { seed } from "./seed.ts";

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
      "/embed/dnc-hack-2016?lang=fr",
    ]) {
      forgetReads();
      expect(kvReads(await request(path)), path).toBeLessThanOrEqual(1);
    }
  });
});
