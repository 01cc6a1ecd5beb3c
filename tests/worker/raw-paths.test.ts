import { beforeAll, describe, expect, it } from "vitest";
import { request } from "./http.ts";
import { seed } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

describe("raw, malformed paths and queries", () => {
  it.each([
    "/v1/claims/%FF",
    "/v1/claims/%E0%A4%A",
    "/v1/claims/%",
    "/v1/claims/..%2f..%2fetc",
    "/v1/claims/%2e%2e",
    "/v1/claims/%00",
  ])("answers the path %s with a 4xx problem", async (path) => {
    const res = await request(path);
    expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  });

  it.each(["/v1/claims?accused=%FF", "/v1/claims?topic=%E0%A4%A", "/v1/lookup?url=%E0%A4%A", "/v1/claims?%FF=1"])(
    "answers the query %s with a 2xx, or a 4xx problem, never a 5xx",
    async (path) => {
      const res = await request(path);
      expect(res.status, await res.clone().text()).toBeLessThan(500);
      if (res.status >= 400) expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    },
  );
});
