/**
 * The public origin of the service: where readers and publishers reach it. Every link the
 * Worker writes (oEmbed HTML, JSON-LD, canonical and Open Graph links, the OpenAPI
 * `servers`, the Cache API keys) is built on it.
 *
 * It is the `PUBLIC_ORIGIN` variable, and only that: never the request's `Host`, which a
 * proxy, a service binding or a misrouted request can set to anything, and which would
 * then flow into pages that publishers and WordPress cache. Production sets it in
 * wrangler.toml (`npm run deploy` refuses to deploy without a real one, see
 * {@link deployOriginProblem}); `npm start` sets it to its own address, and the tests to
 * theirs. A Worker without it answers 500 on the routes that need it, rather than trust
 * the `Host` header.
 *
 * No import: `scripts/deploy-check.ts` runs the same checks in Node.
 *
 * @module
 */
/** Host names reserved for documentation and tests (RFC 2606, RFC 6761): placeholders, never a real service. */
const RESERVED_HOST = /(^|\.)(example|test|invalid|localhost)$|(^|\.)example\.(com|net|org)$/;

/** Loopback and unspecified addresses: a deployed service is never reached there. */
const LOCAL_HOST = /^(127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1?\])$/;

/**
 * The origin a `PUBLIC_ORIGIN` value names. The value must be exactly an http(s) origin,
 * as `URL.origin` writes it (lower case, no default port), a trailing `/` aside: no path,
 * query, fragment or credentials. Anything else is `null`.
 *
 * @example
 * parsePublicOrigin("https://claims.example.org/"); // "https://claims.example.org"
 * parsePublicOrigin("https://claims.example.org/x"); // null
 */
export function parsePublicOrigin(value: unknown): string | null {
  if (typeof value !== "string") return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return url.origin === value.replace(/\/$/, "") ? url.origin : null;
}

/**
 * Why a `PUBLIC_ORIGIN` value cannot go to production, or `null` when it can: it must be
 * an https origin whose host is not a placeholder (`example.org`, `*.test`…) or a
 * loopback address.
 *
 * @example
 * deployOriginProblem("https://claims.example.org"); // "…is a placeholder…"
 * deployOriginProblem("https://claims.newsroom.fr"); // null
 */
export function deployOriginProblem(value: unknown): string | null {
  if (value === undefined || value === "") return "PUBLIC_ORIGIN is not set";
  const origin = parsePublicOrigin(value);
  if (!origin)
    return `PUBLIC_ORIGIN must be exactly an origin, such as https://claims.newsroom.org (got ${JSON.stringify(value)})`;
  const url = new URL(origin);
  if (url.protocol !== "https:") return `PUBLIC_ORIGIN must use https in production (got ${origin})`;
  if (RESERVED_HOST.test(url.hostname) || LOCAL_HOST.test(url.hostname))
    return `PUBLIC_ORIGIN is a placeholder or local address (${origin}): put the service's real address`;
  return null;
}

/** The last value parsed, so that the hot path parses PUBLIC_ORIGIN once per isolate. */
let parsed: { value: unknown; origin: string | null } = { value: undefined, origin: null };

/**
 * The service's public origin, from `PUBLIC_ORIGIN`. Throws (a 500, logged) when it is
 * unset or malformed: the request's `Host` is never used instead.
 *
 * @example
 * publicOrigin(c); // "https://claims.example.org"
 */
export function publicOrigin(c: { env: { PUBLIC_ORIGIN?: string } }): string {
  const value = c.env.PUBLIC_ORIGIN;
  if (parsed.value !== value) parsed = { value, origin: parsePublicOrigin(value) };
  if (parsed.origin === null)
    throw new Error(
      `PUBLIC_ORIGIN must be set to the service's http(s) origin (got ${JSON.stringify(value)}): links are never built from the Host header`,
    );
  return parsed.origin;
}
