/**
 * Per-client rate limiting of the costly route (`POST /v1/match`), with Cloudflare's
 * Rate Limiting binding (`MATCH_LIMIT` in wrangler.toml), keyed by the client's IP.
 * Loopback clients (local development and tests: wrangler dev says 127.0.0.1) are not
 * limited; in production the IP is never a loopback one.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { Problem } from "../problem.ts";

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * @example
 * app.post("/v1/match", matchLimit, handler);
 */
export const matchLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limiter = c.env.MATCH_LIMIT;
  const ip = c.req.header("CF-Connecting-IP");
  if (!limiter || !ip || LOOPBACK.test(ip)) return next();
  const { success } = await limiter.limit({ key: ip });
  if (!success) {
    throw new Problem("rate-limited", "This client sent too many matches in the last minute. Retry in a minute.", {
      headers: { "Retry-After": "60" },
    });
  }
  await next();
};
