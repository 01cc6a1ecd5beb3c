/**
 * The public origin of the service: where readers and publishers reach it. It is the
 * `PUBLIC_ORIGIN` variable when set (the Worker is called through a service binding or
 * a proxy under another name), else the origin of the request.
 *
 * @module
 */
import type { Context } from "hono";
import type { AppEnv } from "./env.ts";

/**
 * @example
 * publicOrigin(c); // "https://claims.example.org"
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const configured = c.env.PUBLIC_ORIGIN;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      /* a malformed variable falls back to the request's origin */
    }
  }
  return new URL(c.req.url).origin;
}
