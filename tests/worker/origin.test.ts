/**
 * The public origin: every link the Worker writes is built on `PUBLIC_ORIGIN`, never on
 * the request's Host. The real app in workerd, reached under a hostile name
 * (`evil.test`), as a proxy or a service binding could make it.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../worker/app.ts";
import { deployOriginProblem, parsePublicOrigin } from "../../worker/origin.ts";
import { ORIGIN, problem } from "./http.ts";
import { seed } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

const HOSTILE = "https://evil.test";

/** The pages and answers that carry links, asked under the hostile host. */
const LINKED = [
  `/v1/oembed?url=${encodeURIComponent(`${HOSTILE}/claims/dnc-hack-2016`)}`,
  "/v1/claims/dnc-hack-2016?format=jsonld&lang=fr&host-test",
  "/claims/dnc-hack-2016?lang=en",
  "/embed/dnc-hack-2016?lang=en&host-test",
  "/openapi.json",
];

async function fetchAs(path: string, bindings: Partial<typeof env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(HOSTILE + path), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("links under another Host", () => {
  it("the tests' configuration has the local default of PUBLIC_ORIGIN", () => {
    expect(env.PUBLIC_ORIGIN).toBe(ORIGIN);
  });

  it.each(LINKED)("%s links to PUBLIC_ORIGIN only", async (path) => {
    const res = await fetchAs(path);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(ORIGIN);
    expect(body).not.toContain("evil.test");
  });

  it.each(LINKED)("%s answers 500 without PUBLIC_ORIGIN, rather than trust the Host", async (path) => {
    const res = await fetchAs(path, { PUBLIC_ORIGIN: undefined });
    expect(res.status).toBe(500);
    const body = await res.clone().text();
    expect(body).not.toContain("evil.test");
    await problem(res);
  });

  it("answers 500 with a malformed PUBLIC_ORIGIN", async () => {
    for (const value of ["claims.newsroom.org", "https://claims.newsroom.org/path", "javascript:alert(1)"]) {
      const res = await fetchAs(LINKED[0]!, { PUBLIC_ORIGIN: value });
      expect(res.status, value).toBe(500);
      expect(await res.text()).not.toContain("evil.test");
    }
  });
});

describe("parsePublicOrigin", () => {
  it.each([
    ["https://claims.newsroom.org", "https://claims.newsroom.org"],
    ["https://claims.newsroom.org/", "https://claims.newsroom.org"],
    ["http://127.0.0.1:8787", "http://127.0.0.1:8787"],
    ["https://claims.newsroom.org/v1", null],
    ["https://claims.newsroom.org/?x=1", null],
    ["https://claims.newsroom.org#top", null],
    ["https://user:pw@claims.newsroom.org", null],
    ["HTTPS://Claims.Newsroom.org", null],
    [" https://claims.newsroom.org", null],
    ["ftp://claims.newsroom.org", null],
    ["claims.newsroom.org", null],
    ["", null],
    [undefined, null],
  ])("%s → %s", (value, origin) => {
    expect(parsePublicOrigin(value)).toBe(origin);
  });
});

describe("deployOriginProblem", () => {
  it("accepts a real https origin", () => {
    expect(deployOriginProblem("https://claims.newsroom.fr")).toBeNull();
  });

  it.each([
    [undefined, /not set/],
    ["", /not set/],
    ["http://claims.newsroom.fr", /https/],
    ["https://claims.newsroom.fr/api", /exactly an origin/],
    ["https://claims.example.org", /placeholder/],
    ["https://example.com", /placeholder/],
    ["https://claims.test", /placeholder/],
    ["https://localhost:8787", /placeholder/],
    ["https://127.0.0.1", /placeholder/],
  ])("refuses %s", (value, reason) => {
    expect(deployOriginProblem(value)).toMatch(reason);
  });
});
