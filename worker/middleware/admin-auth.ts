/**
 * Who is calling an admin route: a named editor, by bearer token or, in production,
 * through Cloudflare Access. Every admin route runs this first; it puts the editor's
 * name on the context, for the audit log and the history.
 *
 * - **Tokens.** `EDITORS` (a secret) is a JSON object of editor name → SHA-256 (hex) of
 *   that editor's token: the Worker never holds the tokens themselves, and `npm run
 *   editor:token -- <name>` makes one. `ADMIN_TOKEN` (and `ADMIN_TOKEN_NEXT` during a
 *   rotation) stay for scripts, as the editor `admin`. A presented token is hashed and
 *   compared with every configured hash in constant time (no early exit), so that the
 *   time taken says nothing about which, if any, matched.
 * - **Cloudflare Access.** With `ACCESS_TEAM_DOMAIN` and `ACCESS_AUD` set, the
 *   `Cf-Access-Jwt-Assertion` header is verified with Hono's own JWT utilities
 *   (`verifyWithJwks`: RS256 only, the key named by `kid`, issuer, audience, expiry; `jose`
 *   did the same at 7 KB gzip more, and the Worker has a 100 KB budget) against the team's published keys (or `ACCESS_JWKS`, pinned keys); the
 *   editor is the token's email. Access sends that header on the strength of a cookie,
 *   so a change (any method but GET) verified this way must come from the desk's own
 *   origin (`Sec-Fetch-Site`, `Origin`): no other site can make an editor's browser write.
 * - **Failures** are logged (`claimcard.admin-auth-failed`: reason, route, client IP,
 *   never the credential) and limited per client IP with the `ADMIN_AUTH_LIMIT` Rate
 *   Limiting binding: every attempt whose credential this isolate has not seen succeed
 *   counts, before it is checked, so that a client gets at most that many guesses a
 *   minute, a right one included. Loopback clients (local development) are not limited.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { Jwt } from "hono/utils/jwt";
import type { AppEnv, Bindings } from "../env.ts";
import { Problem } from "../problem.ts";
import { sha256Hex } from "../store/sha256.ts";

/** A plain token shorter than this is refused as a configuration mistake: admin stays closed. */
export const MIN_TOKEN_LENGTH = 16;

/** How long this isolate remembers a credential that verified, so that its next requests skip the limiter. */
const KNOWN_GOOD_MS = 10 * 60_000;
const KNOWN_GOOD_MAX = 200;
const knownGood = new Map<string, number>();

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The editor a request was authenticated as. */
export interface EditorIdentity {
  editor: string;
  via: "token" | "access";
}

/**
 * @example
 * app.put("/v1/claims/:id", adminAuth, (c) => c.text(c.var.editor.editor));
 */
export const adminAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const authorization = c.req.header("Authorization")?.trim() || undefined;
  const assertion = c.req.header("Cf-Access-Jwt-Assertion");
  const accessOn = Boolean(c.env.ACCESS_TEAM_DOMAIN && c.env.ACCESS_AUD);
  const credential = authorization ?? (accessOn ? assertion : undefined);
  const ip = c.req.header("CF-Connecting-IP") ?? null;
  const fingerprint = credential ? await sha256Hex(credential) : null;
  const fail = (reason: string) => {
    console.warn(
      JSON.stringify({
        event: "claimcard.admin-auth-failed",
        reason,
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        ip,
        at: new Date().toISOString(),
      }),
    );
  };

  const limiter = c.env.ADMIN_AUTH_LIMIT;
  if (limiter && ip && !LOOPBACK.test(ip) && !(fingerprint && isKnownGood(fingerprint))) {
    const { success } = await limiter.limit({ key: ip });
    if (!success) {
      fail("rate-limited");
      throw new Problem("rate-limited", "Too many admin sign-in attempts from this client. Retry in a minute.");
    }
  }

  let identity: EditorIdentity | null = null;
  if (authorization !== undefined) {
    const m = /^Bearer[ ]+([\x21-\x7E]+)[ ]*$/i.exec(authorization);
    if (!m) {
      fail("bad-authorization-header");
      throw new Problem("bad-authorization", "Use Authorization: Bearer <token>.");
    }
    const editor = await editorOfToken(c.env, m[1]!);
    if (editor === null) fail("unknown-token");
    else identity = { editor, via: "token" };
  } else if (accessOn && assertion !== undefined) {
    const editor = await editorOfAccess(c.env, assertion);
    if (editor === null) fail("invalid-access-jwt");
    else {
      const site = c.req.header("Sec-Fetch-Site");
      const origin = c.req.header("Origin");
      const own = new URL(c.req.url).origin;
      if (
        c.req.method !== "GET" &&
        c.req.method !== "HEAD" &&
        ((site && site !== "same-origin" && site !== "none") || (origin && origin !== own))
      ) {
        fail("cross-site-access-request");
        throw new Problem(
          "cors-refused",
          "Desk changes signed in through Access must come from the desk's own origin.",
        );
      }
      identity = { editor, via: "access" };
    }
  } else fail("no-credentials");

  if (!identity)
    throw new Problem(
      "unauthorized",
      accessOn
        ? "Sign in through Cloudflare Access, or send Authorization: Bearer <token>."
        : "Send Authorization: Bearer <token>.",
      { headers: { "WWW-Authenticate": 'Bearer realm="claimcard-admin"' } },
    );
  if (fingerprint) remember(fingerprint);
  c.set("editor", identity);
  await next();
};

function isKnownGood(fingerprint: string): boolean {
  const until = knownGood.get(fingerprint);
  if (until === undefined) return false;
  if (until > Date.now()) return true;
  knownGood.delete(fingerprint);
  return false;
}

function remember(fingerprint: string): void {
  if (knownGood.size >= KNOWN_GOOD_MAX) knownGood.delete(knownGood.keys().next().value!);
  knownGood.set(fingerprint, Date.now() + KNOWN_GOOD_MS);
}

/**
 * The editor whose token this is, or null. Every configured hash is compared, in
 * constant time each, whatever matched before.
 *
 * @example
 * await editorOfToken(env, "s3cr3t…"); // "alice"
 */
export async function editorOfToken(env: Bindings, token: string): Promise<string | null> {
  const hash = await sha256Hex(token);
  const candidates: Array<[string, string]> = [];
  for (const plain of [env.ADMIN_TOKEN, env.ADMIN_TOKEN_NEXT])
    if (typeof plain === "string" && plain.length >= MIN_TOKEN_LENGTH)
      candidates.push(["admin", await sha256Hex(plain)]);
  candidates.push(...editorHashes(env.EDITORS));
  let found: string | null = null;
  for (const [name, expected] of candidates) if (sameHex(hash, expected) && found === null) found = name;
  return found;
}

/** The `EDITORS` secret, parsed: name → SHA-256 hex of the token. A malformed one names nobody. */
function editorHashes(config: string | undefined): Array<[string, string]> {
  if (!config) return [];
  try {
    const parsed = JSON.parse(config) as Record<string, unknown>;
    return Object.entries(parsed).filter(
      (e): e is [string, string] =>
        typeof e[1] === "string" && /^[0-9a-f]{64}$/.test(e[1]) && /^[\p{L}\p{N} ._-]{1,64}$/u.test(e[0]),
    );
  } catch {
    console.error(JSON.stringify({ event: "claimcard.config-error", detail: "EDITORS is not a JSON object" }));
    return [];
  }
}

/** Compares two hex strings in time that depends on their length only. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A JSON Web Key as Access publishes it. */
type Jwk = JsonWebKey & { kid?: string; alg?: string };

/** How long this isolate keeps the team's published keys, and how soon it may fetch them again for an unknown `kid`. */
const KEYS_TTL_MS = 10 * 60_000;
const KEYS_REFETCH_MS = 60_000;

const remoteKeys = new Map<string, { keys: Jwk[]; fetched: number }>();

/** The issuer of the team's Access tokens: `https://<team>.cloudflareaccess.com`. */
function accessIssuer(env: Bindings): string {
  const team = env.ACCESS_TEAM_DOMAIN!.replace(/^https?:\/\//, "").replace(/\/+$/, "");
  return `https://${team}`;
}

/**
 * The keys Access tokens are signed with: pinned in `ACCESS_JWKS`, else the team's
 * published certs, kept for {@link KEYS_TTL_MS}; `fresh` asks for them again (a key
 * rotation), at most once a minute, so that unknown `kid`s cannot make it fetch per request.
 */
async function accessKeys(env: Bindings, fresh = false): Promise<Jwk[]> {
  if (env.ACCESS_JWKS) return (JSON.parse(env.ACCESS_JWKS) as { keys: Jwk[] }).keys;
  const url = `${accessIssuer(env)}/cdn-cgi/access/certs`;
  const held = remoteKeys.get(url);
  const age = held ? Date.now() - held.fetched : Number.POSITIVE_INFINITY;
  if (held && age < KEYS_TTL_MS && !(fresh && age >= KEYS_REFETCH_MS)) return held.keys;
  const res = await fetch(url);
  const body = res.ok ? ((await res.json()) as { keys?: unknown }) : {};
  if (!Array.isArray(body.keys)) throw new Error(`claimcard: no keys at ${url} (${res.status})`);
  remoteKeys.set(url, { keys: body.keys as Jwk[], fetched: Date.now() });
  return body.keys as Jwk[];
}

/**
 * The editor a Cloudflare Access token names (its email), or null when the token is not
 * valid: bad signature, unknown key, wrong issuer or audience, expired or without expiry.
 *
 * @example
 * await editorOfAccess(env, request.headers.get("Cf-Access-Jwt-Assertion")!); // "alice@newsroom.example"
 */
export async function editorOfAccess(env: Bindings, jwt: string): Promise<string | null> {
  const verification = { iss: accessIssuer(env), aud: env.ACCESS_AUD! };
  const verify = async (keys: Jwk[]) => Jwt.verifyWithJwks(jwt, { keys, allowedAlgorithms: ["RS256"], verification });
  try {
    let payload: Awaited<ReturnType<typeof verify>>;
    try {
      payload = await verify(await accessKeys(env));
    } catch (err) {
      // A key Access has just rotated in: ask for the published keys again, once.
      if (env.ACCESS_JWKS || (err as Error).name !== "JwtTokenInvalid") throw err;
      payload = await verify(await accessKeys(env, true));
    }
    if (typeof payload.exp !== "number") return null;
    const who = typeof payload.email === "string" ? payload.email : payload.sub;
    return typeof who === "string" && who.length > 0 && who.length <= 200 ? who : null;
  } catch {
    return null;
  }
}
