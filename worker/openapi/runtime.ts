/**
 * What the deployed Worker runs in place of `hono-openapi` (wrangler.toml `[alias]`).
 * The routes describe their contract with hono-openapi, and `npm run build` generates
 * `/openapi.json` from them in Node (`document.ts`); at run time a description is no
 * more than a pass-through middleware, and a validator is Hono's Standard Schema
 * validator, which hono-openapi's own `validator` wraps. So the Worker bundle carries no
 * document generator (with it, and the JSON-Schema converters it loads, the bundle was
 * 163 KB gzip against a 100 KB budget).
 *
 * @module
 */
import { sValidator } from "@hono/standard-validator";
import type { MiddlewareHandler } from "hono";

const passThrough: MiddlewareHandler = (_c, next) => next();

/**
 * At run time, a route's description does nothing.
 *
 * @example
 * app.get("/healthz", describeRoute({ summary: "Liveness" }), handler);
 */
export function describeRoute(_spec: unknown): MiddlewareHandler {
  return passThrough;
}

/**
 * At run time, a response schema is only a marker.
 *
 * @example
 * resolver(ClaimList); // {}
 */
export function resolver(_schema: unknown): Record<string, never> {
  return {};
}

/**
 * Hono's Standard Schema validator, as hono-openapi's `validator` runs it.
 *
 * @example
 * app.get("/v1/claims", validator("query", ListQuery, hook), handler);
 */
export const validator = sValidator;
