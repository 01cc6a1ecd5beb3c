import { beforeAll, describe, expect, it } from "vitest";
import { PROBLEM_TYPE_PREFIX } from "../../shared/problems.ts";
import { problem, request } from "./http.ts";
import { seed } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

describe("every error is problem+json, never a 500 or a stack trace", () => {
  it.each(["/nope", "/v1/nope", "/v1/claims/dnc-hack-2016/extra", "/v1", "/embed"])(
    "answers 404 for the unknown route %s",
    async (path) => {
      const res = await request(path);
      expect(res.status).toBe(404);
      const p = await problem(res);
      expect(p.type.startsWith(PROBLEM_TYPE_PREFIX), p.type).toBe(true);
      expect(JSON.stringify(p)).not.toMatch(/at \w+ \(|\.ts:\d+/);
    },
  );

  it.each([
    ["POST", "/v1/claims/dnc-hack-2016", "GET, HEAD, PUT, DELETE"],
    ["PATCH", "/v1/claims/dnc-hack-2016", "GET, HEAD, PUT, DELETE"],
    ["GET", "/v1/match", "POST"],
    ["DELETE", "/v1/lookup", "GET, HEAD"],
    ["POST", "/healthz", "GET, HEAD"],
  ])("answers 405 with Allow for %s %s", async (method, path, allow) => {
    const res = await request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")!.split(", ").sort()).toEqual(allow.split(", ").sort());
    await problem(res);
  });

  it("answers HEAD like GET, without a body", async () => {
    const res = await request("/v1/claims/dnc-hack-2016", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("ETag")).toBeTruthy();
    expect(await res.text()).toBe("");
  });
});

describe("CORS", () => {
  it("is open for public reads, with the headers a widget needs exposed", async () => {
    const res = await request("/v1/claims/dnc-hack-2016", { headers: { Origin: "https://news.example" } });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Expose-Headers")).toMatch(/ETag/);
  });

  it("answers a preflight for the match", async () => {
    const res = await request("/v1/match", {
      method: "OPTIONS",
      headers: {
        Origin: "https://news.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Allow-Methods")).toMatch(/POST/);
    expect(res.headers.get("Access-Control-Allow-Methods")).not.toMatch(/PUT|DELETE/);
  });
});

describe("security headers, set on purpose per route", () => {
  it("lets any site load widget.js with <script src>", async () => {
    const res = await request("/widget.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("X-Frame-Options")).toBeNull();
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("revalidates widget.js: 304 for the ETag a browser already has", async () => {
    const first = await request("/widget.js");
    const tag = first.headers.get("ETag");
    expect(tag).toBeTruthy();
    const again = await request("/widget.js", { headers: { "If-None-Match": tag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await again.text()).toBe("");
  });

  it("keeps JSON readable cross-origin, but never framed or rendered as a page", async () => {
    const res = await request("/v1/claims/dnc-hack-2016");
    expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(res.headers.get("Content-Security-Policy")).toMatch(/default-src 'none'/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("gives the demo page a CSP of its own origin", async () => {
    const res = await request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Security-Policy")).toMatch(/script-src 'self'/);
  });
});
