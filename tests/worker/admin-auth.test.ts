/**
 * Who may call the admin routes: named editors by their tokens (stored as hashes),
 * Cloudflare Access tokens verified with `jose` against a key pair made here (the team's
 * published keys cannot be fetched in a test: they are pinned with `ACCESS_JWKS`, which
 * the Worker also supports in production), and failed attempts logged and limited per
 * client.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PROBLEMS } from "../../shared/problems.ts";
import { app } from "../../worker/app.ts";
import type { Bindings } from "../../worker/env.ts";
import { ORIGIN, problem, request } from "./http.ts";
import { rateLimit } from "./rate-limits.ts";
import { seed } from "./seed.ts";
import { ALICE, as, BRUNO } from "./writer-helpers.ts";

const TEAM = "newsroom.cloudflareaccess.com";
const AUD = "3f6c0d1e9b2a4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5";

let keys: CryptoKeyPair;
let otherKeys: CryptoKeyPair;
let accessEnv: Bindings;

beforeAll(async () => {
  await seed();
  keys = await generateKeyPair("RS256");
  otherKeys = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  accessEnv = { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD, ACCESS_JWKS: JSON.stringify({ keys: [jwk] }) };
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function call(path: string, init: RequestInit, bindings: Bindings = env): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(new URL(path, ORIGIN), init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

function accessToken(
  claims: { aud?: string; exp?: number | string; email?: string } = {},
  key: CryptoKey = keys.privateKey,
  kid = "test-key",
) {
  return new SignJWT({ email: claims.email ?? "alice@newsroom.example" })
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuer(`https://${TEAM}`)
    .setAudience(claims.aud ?? AUD)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? "5m")
    .sign(key);
}

describe("named editors", () => {
  it("knows each editor by the token whose hash is configured, and names nobody for another", async () => {
    for (const [token, name] of [
      [ALICE, "alice"],
      [BRUNO, "bruno"],
      ["test-admin-token-0123456789", "admin"],
    ] as const) {
      const res = await request("/v1/admin/me", { headers: as(token) });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ editor: name, via: "token" });
    }
    expect((await request("/v1/admin/me", { headers: as(`${ALICE}x`) })).status).toBe(401);
    expect((await request("/v1/admin/me", { headers: as(ALICE.toUpperCase()) })).status).toBe(401);
  });
});

describe("Cloudflare Access", () => {
  it("accepts a valid token and names the editor by its email", async () => {
    const res = await call("/v1/admin/me", { headers: { "Cf-Access-Jwt-Assertion": await accessToken() } }, accessEnv);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ editor: "alice@newsroom.example", via: "access" });
  });

  it.each([
    ["expired", () => accessToken({ exp: Math.floor(Date.now() / 1000) - 60 })],
    ["for another audience", () => accessToken({ aud: "another-application" })],
    ["signed with another key", () => accessToken({}, otherKeys.privateKey)],
    ["signed with another key under the known key id", () => accessToken({}, otherKeys.privateKey, "test-key")],
    ["not a JWT", async () => "not.a.jwt"],
  ])("refuses a token %s with 401", async (_what, make) => {
    const res = await call("/v1/admin/me", { headers: { "Cf-Access-Jwt-Assertion": await make() } }, accessEnv);
    expect(res.status).toBe(401);
    await problem(res);
  });

  it("ignores the Access header where Access is not configured", async () => {
    const res = await call("/v1/admin/me", { headers: { "Cf-Access-Jwt-Assertion": await accessToken() } });
    expect(res.status).toBe(401);
  });

  it("refuses a change signed in through Access that another site's page sends", async () => {
    const jwt = await accessToken();
    const cross = await call(
      "/v1/drafts/access-draft",
      {
        method: "PUT",
        headers: {
          "Cf-Access-Jwt-Assertion": jwt,
          "Content-Type": "application/json",
          Origin: "https://evil.example",
          "Sec-Fetch-Site": "cross-site",
        },
        body: JSON.stringify({ record: { id: "access-draft" } }),
      },
      accessEnv,
    );
    expect(cross.status).toBe(403);
    const own = await call(
      "/v1/drafts/access-draft",
      {
        method: "PUT",
        headers: {
          "Cf-Access-Jwt-Assertion": jwt,
          "Content-Type": "application/json",
          Origin: ORIGIN,
          "Sec-Fetch-Site": "same-origin",
        },
        body: JSON.stringify({ record: { id: "access-draft" } }),
      },
      accessEnv,
    );
    expect(own.status).toBe(201);
    expect((await own.json<{ editor: string }>()).editor).toBe("alice@newsroom.example");
  });
});

describe("failed sign-in attempts", () => {
  it("are logged, without the credential", async () => {
    const warn = vi.spyOn(console, "warn");
    await request("/v1/drafts", {
      headers: { Authorization: "Bearer wrong-token-0123456789-secret", "CF-Connecting-IP": "198.51.100.4" },
    });
    const lines = warn.mock.calls.map((args) => String(args[0]));
    const line = lines.find((l) => l.includes("claimcard.admin-auth-failed"));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ reason: "unknown-token", path: "/v1/drafts", ip: "198.51.100.4" });
    expect(lines.join("\n")).not.toContain("wrong-token-0123456789-secret");
  });

  const { limit } = rateLimit("ADMIN_AUTH_LIMIT");
  it(`are limited per client: after ${limit} in a period, 429 before any check, a right token included; other clients go on`, async () => {
    const ip = "203.0.113.77";
    const statuses: number[] = [];
    for (let i = 0; i < limit + 2; i++) {
      const res = await request("/v1/admin/me", {
        headers: as(`guess-${i}-0123456789abcdef`, { "CF-Connecting-IP": ip }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(statuses.slice(limit)).toEqual([429, 429]);
    // A right token that this isolate has not seen succeed yet (ADMIN_TOKEN_NEXT, unused elsewhere in this file).
    const right = await request("/v1/admin/me", {
      headers: as("test-next-token-9876543210", { "CF-Connecting-IP": ip }),
    });
    expect(right.status).toBe(429);
    expect(right.headers.get("Retry-After")).toBe(String(PROBLEMS["rate-limited"].retryAfter));
    expect((await problem(right)).title).toBe(PROBLEMS["rate-limited"].title);
    const other = await request("/v1/admin/me", { headers: as(BRUNO, { "CF-Connecting-IP": "203.0.113.78" }) });
    expect(other.status).toBe(200);
  });

  it("do not limit an editor whose token this isolate has seen succeed", async () => {
    const ip = "203.0.113.90";
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++)
      statuses.push((await request("/v1/admin/me", { headers: as(ALICE, { "CF-Connecting-IP": ip }) })).status);
    expect(statuses).toEqual(Array(15).fill(200));
  });
});
