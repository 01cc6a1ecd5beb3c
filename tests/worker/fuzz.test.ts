/**
 * Property-based fuzzing of every input the public API takes: whatever arrives, the
 * answer is a 2xx with the documented shape, or a 4xx problem+json; never a 5xx.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { request } from "./http.ts";
import { seed } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

const RUNS = 60;

/** Any string, with a strong bias to the characters that break parsers and paths. */
const nasty = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "",
    "..",
    "../..",
    "%00",
    "\u0000",
    "%2e%2e%2f",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "ǅ",
    "\u202e",
    "a".repeat(5000),
    "🇫🇷",
    "NaN",
    "-1",
    "1e309",
    "__proto__",
    "constructor",
  ),
);

async function expectProblemOr2xx(res: Response): Promise<number> {
  expect(res.status, await res.clone().text()).toBeLessThan(500);
  if (res.status >= 400) expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  return res.status;
}

describe("fuzzing the public API", () => {
  it("GET /v1/claims/:id never fails with a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, async (id) => {
        const status = await expectProblemOr2xx(await request(`/v1/claims/${encodeURIComponent(id)}`));
        expect([200, 400, 404]).toContain(status);
      }),
      { numRuns: RUNS },
    );
  });

  it("GET /v1/claims with any query string never fails with a 5xx", async () => {
    const param = fc.constantFrom(
      "accused",
      "accuser",
      "topic",
      "lang",
      "since",
      "updatedSince",
      "status",
      "limit",
      "cursor",
      "x",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(param, nasty), { maxLength: 4 }), async (pairs) => {
        const qs = new URLSearchParams(pairs).toString();
        const res = await request(`/v1/claims?${qs}`);
        const status = await expectProblemOr2xx(res);
        expect([200, 400]).toContain(status);
        if (status === 200)
          expect(await res.json()).toEqual({
            items: expect.any(Array),
            cursor: expect.toSatisfy((c: unknown) => c === null || typeof c === "string"),
          });
      }),
      { numRuns: RUNS },
    );
  });

  it("GET /v1/lookup with any url never fails with a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nasty, fc.webUrl({ withQueryParameters: true, withFragments: true })), async (url) => {
        const status = await expectProblemOr2xx(await request(`/v1/lookup?url=${encodeURIComponent(url)}`));
        expect([200, 400]).toContain(status);
      }),
      { numRuns: RUNS },
    );
  });

  it("POST /v1/match with any JSON body never fails with a 5xx", async () => {
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record(
        {
          text: nasty,
          lang: fc.option(nasty),
          url: fc.option(nasty),
          title: fc.option(nasty),
          limit: fc.option(fc.oneof(fc.integer(), fc.double())),
        },
        { requiredKeys: ["text"] },
      ),
      fc.record({ text: fc.lorem({ maxCount: 300 }) }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (json) => {
        const res = await request("/v1/match", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(json) ?? "null",
        });
        const status = await expectProblemOr2xx(res);
        expect([200, 400]).toContain(status);
        if (status === 200) expect(await res.json()).toEqual({ matches: expect.any(Array) });
      }),
      { numRuns: RUNS },
    );
  });

  it("POST /v1/match with any bytes and content type never fails with a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom(
          "application/json",
          "text/plain",
          "",
          "application/x-www-form-urlencoded",
          "application/json; charset=latin1",
        ),
        async (bytes, type) => {
          const headers: Record<string, string> = type ? { "Content-Type": type } : {};
          const status = await expectProblemOr2xx(await request("/v1/match", { method: "POST", headers, body: bytes }));
          expect([200, 400, 415]).toContain(status);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("deeply nested JSON is refused cleanly", async () => {
    const deep = "[".repeat(20000) + "]".repeat(20000);
    const status = await expectProblemOr2xx(
      await request("/v1/match", { method: "POST", headers: { "Content-Type": "application/json" }, body: deep }),
    );
    expect(status).toBe(400);
  });
});
