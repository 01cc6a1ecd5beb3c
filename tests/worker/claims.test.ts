import { beforeAll, describe, expect, it } from "vitest";
import { PROBLEMS } from "../../shared/problems.ts";
import { problem, request } from "./http.ts";
import { seed } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

describe("GET /v1/claims/:id", () => {
  it("returns the seed record, with its accusation, accusers and denials", async () => {
    const res = await request("/v1/claims/dnc-hack-2016");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    const claim = await res.json<{
      id: string;
      incident: { title: { fr: string; en: string } };
      accusations: unknown[];
      denials: unknown[];
      entities: { id: string }[];
    }>();
    expect(claim.id).toBe("dnc-hack-2016");
    expect(claim.incident.title.fr).toBeTruthy();
    expect(claim.accusations.length).toBeGreaterThan(0);
    expect(claim.denials.length).toBeGreaterThan(0);
    expect(claim.entities.map((e) => e.id)).toContain("russia");
  });

  it("costs one KV read, and says so in Server-Timing", async () => {
    const res = await request("/v1/claims/gru-indictment-2018?t=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("Server-Timing")).toMatch(/desc="1 read"/);
  });

  it("has an ETag and Cache-Control, and answers 304 to If-None-Match", async () => {
    const first = await request("/v1/claims/dnc-hack-2016");
    const tag = first.headers.get("ETag");
    expect(tag).toMatch(/^"\d+-[0-9a-f]{16}"$/);
    expect(first.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
    expect(first.headers.get("Cache-Control")).toMatch(/stale-while-revalidate=\d+/);
    const again = await request("/v1/claims/dnc-hack-2016", { headers: { "If-None-Match": tag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(tag);
    expect(await again.text()).toBe("");
  });

  it("answers 404 problem+json for an unknown id", async () => {
    const res = await request("/v1/claims/no-such-claim");
    expect(res.status).toBe(404);
    const body = await problem(res);
    expect(body).toMatchObject({ status: 404, title: PROBLEMS["claim-not-found"].title });
    expect(body.detail).toContain("no-such-claim");
  });

  it.each([
    ["upper case", "DNC-Hack"],
    ["a space", "dnc%20hack"],
    ["a NUL byte", "dnc%00hack"],
    ["path traversal", "..%2F..%2Fetc%2Fpasswd"],
    ["a huge id", "a".repeat(500)],
  ])("answers 400 problem+json for a malformed id (%s)", async (_what, id) => {
    const res = await request(`/v1/claims/${id}`);
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.title).toBe(PROBLEMS["invalid-param"].title);
    expect(body.errors?.[0]).toMatch(/^id: /);
  });
});

describe("GET /healthz", () => {
  it("answers 200", async () => {
    const res = await request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});
