import { beforeAll, describe, expect, it } from "vitest";
import type { LookupResult } from "../../schema/index.ts";
import { problem, request } from "./http.ts";
import { seed, seedClaims } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

const linked = () => {
  const claim = seedClaims().find((c) => c.urls.length > 0)!;
  return { claim, url: claim.urls[0]! };
};

async function lookup(url: string): Promise<LookupResult> {
  const res = await request(`/v1/lookup?url=${encodeURIComponent(url)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = await res.json<LookupResult>();
  // The URL's entry holds ids: one read for it, then at most one per linked record.
  const reads = Number(/desc="(\d+) reads?"/.exec(res.headers.get("Server-Timing") ?? "")?.[1]);
  expect(reads).toBeLessThanOrEqual(1 + body.claims.length);
  return body;
}

describe("GET /v1/lookup", () => {
  it("finds the claims linked to an article URL", async () => {
    const { claim, url } = linked();
    const result = await lookup(url);
    expect(result.claims.map((c) => c.id)).toContain(claim.id);
  });

  it("finds them whatever the URL's spelling: scheme, host case, www, trailing slash, fragment, tracking", async () => {
    const { claim, url } = linked();
    const u = new URL(url);
    const variants = [
      `http://${u.host.toUpperCase()}${u.pathname}${u.search}`,
      `${u.origin}${u.pathname.replace(/\/?$/, "/")}${u.search}#comments`,
      `${u.protocol}//www.${u.host.replace(/^www\./, "")}${u.pathname}${u.search}${u.search ? "&" : "?"}utm_source=twitter&fbclid=abc&xtor=RSS-1`,
    ];
    for (const variant of variants) {
      const result = await lookup(variant);
      expect(
        result.claims.map((c) => c.id),
        variant,
      ).toContain(claim.id);
    }
  });

  it("answers an empty list for an article nobody linked", async () => {
    const result = await lookup("https://example.org/unrelated/story");
    expect(result).toEqual({ url: "https://example.org/unrelated/story", claims: [] });
  });

  it.each([
    ["missing", ""],
    ["not a URL", "?url=hello"],
    ["javascript:", `?url=${encodeURIComponent("javascript:alert(1)")}`],
    ["ftp:", `?url=${encodeURIComponent("ftp://example.org/a")}`],
    ["an unknown parameter", "?url=https%3A%2F%2Fexample.org&x=1"],
  ])("answers 400 problem+json for %s", async (_what, query) => {
    const res = await request(`/v1/lookup${query}`);
    expect(res.status).toBe(400);
    await problem(res);
  });
});
