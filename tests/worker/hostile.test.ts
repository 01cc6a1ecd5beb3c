/**
 * A corpus of hostile input against every route: path traversal, NUL bytes, huge ids,
 * deep JSON, wrong types, unicode oddities and header abuse. Every answer is a 2xx or a
 * 4xx problem+json: never a 5xx, never a stack trace.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { request } from "./http.ts";
import { seed } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

const TOKEN = "test-admin-token-0123456789";

/** Raw path segments and query values, already percent-encoded where a URL needs it. */
const SEGMENTS = [
  "..",
  "..%2F..%2F..%2Fetc%2Fpasswd",
  "%2e%2e%2f%2e%2e%2f",
  "....//....//",
  "%00",
  "dnc-hack-2016%00.json",
  "a".repeat(10_000),
  "%ED%A0%80",
  "%C0%AF",
  "%EF%BB%BF",
  "%E2%80%AE",
  "%F0%9F%87%AB%F0%9F%87%B7",
  "%FF%FE",
  "CON",
  "dnc-hack-2016%0d%0aSet-Cookie:x=1",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "javascript:alert(1)",
  "__proto__",
  "constructor",
  "%25%32%65%25%32%65",
];

const BODIES: Array<[string, string]> = [
  ["deep arrays", "[".repeat(50_000) + "]".repeat(50_000)],
  ["deep objects", `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`],
  ["a number", "42"],
  ["a string", '"text"'],
  ["null", "null"],
  ["text of the wrong type", '{"text":{"$ne":""}}'],
  ["prototype pollution", '{"text":"x","__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}'],
  ["lone surrogates", '{"text":"\\ud800\\udfff\\ud800 Russie GRU piratage"}'],
  ["NUL bytes", '{"text":"a\\u0000b"}'],
  ["a huge number", '{"text":"x","limit":1e400}'],
  ["duplicate keys", '{"text":"x","text":"y"}'],
  ["trailing garbage", '{"text":"x"} garbage'],
  ["BOM", '\ufeff{"text":"x"}'],
  ["empty", ""],
];

async function expectSafe(res: Response, what: string): Promise<void> {
  const body = await res.text();
  expect(res.status, `${what} → ${res.status} ${body.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get("Content-Type"), what).toMatch(/^application\/problem\+json/);
    expect(body, what).not.toMatch(/at \w+ \(|\.ts:\d+|node_modules/);
  }
}

describe("hostile paths and queries, on every route", () => {
  const routes = (s: string) => [
    `/v1/claims/${s}`,
    `/embed/${s}`,
    `/claims/${s}`,
    `/v1/claims?accused=${s}`,
    `/v1/claims?cursor=${s}`,
    `/v1/claims?since=${s}`,
    `/v1/lookup?url=${s}`,
    `/v1/lookup?url=https://x.org/${s}`,
    `/v1/oembed?url=${s}`,
    `/v1/oembed?url=https://claims.test/claims/${s}`,
    `/${s}`,
    `/v1/${s}`,
    `/widget.js?${s}`,
  ];
  it.each(SEGMENTS.map((s) => [s.slice(0, 40), s]))("%s", async (_name, s) => {
    for (const path of routes(s)) await expectSafe(await request(path), path.slice(0, 80));
  });
});

describe("hostile bodies", () => {
  it.each(BODIES)("POST /v1/match with %s", async (_name, body) => {
    await expectSafe(
      await request("/v1/match", { method: "POST", headers: { "Content-Type": "application/json" }, body }),
      _name,
    );
  });

  it.each(BODIES)("PUT /v1/claims/:id (admin) with %s", async (_name, body) => {
    await expectSafe(
      await request("/v1/claims/hostile-body", {
        method: "PUT",
        headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
        body,
      }),
      _name,
    );
  });
});

describe("header abuse", () => {
  it.each([
    ["a huge If-None-Match", { "If-None-Match": `"${"a".repeat(8000)}", W/"x", *` }],
    ["a garbage If-None-Match", { "If-None-Match": "\u0001\u0002" }],
    ["a huge Accept", { Accept: "text/html;q=0.9,".repeat(500) }],
    ["an Origin of null", { Origin: "null" }],
    ["a huge Accept-Language", { "Accept-Language": "fr-FR,".repeat(2000) }],
    ["a garbage Range", { Range: "bytes=-1-2-3" }],
  ])("GET with %s", async (_name, headers) => {
    for (const path of ["/v1/claims/dnc-hack-2016", "/claims/dnc-hack-2016", "/v1/claims", "/embed/dnc-hack-2016"]) {
      await expectSafe(await request(path, { headers: headers as Record<string, string> }), `${_name} ${path}`);
    }
  });

  it.each([
    ["a huge bearer token", { Authorization: `Bearer ${"a".repeat(100_000)}` }],
    ["a bearer with spaces", { Authorization: "Bearer a b c" }],
    ["a bearer with NUL", { Authorization: "Bearer abc\u0000def" }],
    ["two schemes", { Authorization: `Basic x, Bearer ${TOKEN}` }],
    ["a lower-case scheme", { Authorization: `bearer ${TOKEN}x` }],
    ["a garbage If-Match", { Authorization: `Bearer ${TOKEN}`, "If-Match": "\u0001garbage" }],
  ])("DELETE with %s is refused, never 5xx", async (_name, headers) => {
    let res: Response;
    try {
      res = await request("/v1/claims/dnc-hack-2016", { method: "DELETE", headers: headers as Record<string, string> });
    } catch {
      return; // the runtime itself refused to send an invalid header: nothing reached the Worker
    }
    expect([400, 401, 412, 428]).toContain(res.status);
    await expectSafe(res, _name);
  });

  it("a wrong Content-Type with a JSON body is 415", async () => {
    const res = await request("/v1/match", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: '{"text":"x"}',
    });
    expect(res.status).toBe(415);
  });

  it("the record is still there after all of this", async () => {
    expect((await request("/v1/claims/dnc-hack-2016?after-hostile")).status).toBe(200);
  });
});
