/**
 * CORS: open to every origin for the public reads and the match, never for admin routes.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { Problem } from "../problem.ts";

const PUBLIC_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];

/** Admin paths that public methods can reach (history, drafts, the writer's routes): never CORS-open. */
const ADMIN_PATH = /^\/v1\/(drafts(\/|$)|admin(\/|$)|claims\/[^/]+\/(history|versions)(\/|$))/;

const open = cors({
  origin: "*",
  allowMethods: PUBLIC_METHODS,
  allowHeaders: ["Content-Type", "If-None-Match"],
  exposeHeaders: ["ETag", "Server-Timing", "Retry-After"],
  maxAge: 86400,
});

/**
 * Hono's `cors()` with `origin: "*"` for public methods. Admin methods get no CORS
 * headers at all, and a preflight that asks for one is refused with 403, so that no
 * browser page can ever call PUT or DELETE cross-origin.
 *
 * @example
 * app.use("/v1/*", publicCors);
 */
export const publicCors: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if (ADMIN_PATH.test(c.req.path)) {
    if (method === "OPTIONS") throw new Problem("cors-refused", "Admin routes are not available cross-origin.");
    return next();
  }
  if (method === "OPTIONS") {
    const asked = c.req.header("Access-Control-Request-Method")?.toUpperCase();
    if (asked && !PUBLIC_METHODS.includes(asked)) {
      throw new Problem("cors-refused", `${asked} is an admin method and is not available cross-origin.`);
    }
  }
  if (!PUBLIC_METHODS.includes(method)) return next();
  return open(c, next);
};
