/**
 * Reads of claim records: `GET /v1/claims/:id`.
 *
 * @module
 */
import { Hono } from "hono";
import { cache } from "hono/cache";
import { etag } from "hono/etag";
import * as v from "valibot";
import { Slug } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import { Problem } from "../problem.ts";
import { validate } from "../validate.ts";

/** Public responses may be reused for a minute, and served stale for ten while revalidating. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600";

/** The edge cache (Cache API) of public GET responses, where the platform has one. */
export const publicCache = cache({ cacheName: "claimcard-v1", cacheControl: PUBLIC_CACHE_CONTROL, wait: false, onCacheNotAvailable: false });

/**
 * @example
 * app.route("/v1/claims", claims);
 */
export const claims = new Hono<AppEnv>().get("/:id", etag(), publicCache, validate("param", v.object({ id: Slug })), async (c) => {
  const { id } = c.req.valid("param");
  const hit = await c.var.store.claim(id);
  if (!hit) throw new Problem(404, "claim-not-found", "Claim not found", `No claim has the id "${id}".`);
  return c.body(hit.json, 200, { "Content-Type": "application/json; charset=utf-8", ETag: hit.meta.etag });
});
