/**
 * Per-client rate limiting of the costly route (`POST /v1/match`), with Cloudflare's
 * Rate Limiting binding (`MATCH_LIMIT` in wrangler.toml), keyed by {@link clientKey}:
 *
 * - an IPv4 client by its address;
 * - an IPv6 client by its /64, the block one subscriber gets: a client that rotates its
 *   address within it (privacy addresses, or on purpose) is still one client;
 * - a caller with no `CF-Connecting-IP`, or one that is no IP address (another Worker
 *   through a service binding), by one fixed key, so that all such callers share one
 *   limit instead of having none.
 *
 * Loopback clients (local development and tests: wrangler dev says 127.0.0.1) are not
 * limited; in production the IP is never a loopback one.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { Problem } from "../problem.ts";

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/i;

/** A dotted-quad IPv4 address. */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The key shared by every caller that comes without a client IP (service bindings). */
export const NO_IP_KEY = "no-client-ip";

/** The eight 16-bit groups of an IPv6 address, or null if it is not one (an IPv4 tail is allowed). */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase().replace(/%.*$/, "");
  const v4 = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const bytes = v4.slice(2).map(Number);
    if (bytes.some((b) => b > 255)) return null;
    text = `${v4[1]}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

/**
 * The rate-limit key of a client IP (the `CF-Connecting-IP` header): IPv4 as is, IPv6
 * as its /64 prefix (an IPv4-mapped IPv6 address as its IPv4), and {@link NO_IP_KEY}
 * when there is none, or when the value is no IP address (so that a caller cannot make
 * up a new key per request).
 *
 * @example
 * clientKey("203.0.113.7");                 // "203.0.113.7"
 * clientKey("2001:db8:1:2:aaaa::1");        // "2001:db8:1:2::/64"
 * clientKey(undefined);                     // "no-client-ip"
 */
export function clientKey(ip: string | undefined): string {
  const value = ip?.trim() ?? "";
  if (IPV4.test(value)) return value;
  const groups = value.includes(":") ? ipv6Groups(value) : null;
  if (!groups) return NO_IP_KEY;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/**
 * @example
 * app.post("/v1/match", matchLimit, handler);
 */
export const matchLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limiter = c.env.MATCH_LIMIT;
  const ip = c.req.header("CF-Connecting-IP");
  if (!limiter || (ip && LOOPBACK.test(ip))) return next();
  const { success } = await limiter.limit({ key: clientKey(ip) });
  if (!success) {
    throw new Problem("rate-limited", "This client sent too many matches in the last minute. Retry in a minute.");
  }
  await next();
};
