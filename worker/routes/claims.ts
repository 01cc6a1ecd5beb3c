/**
 * Reads of claim records: `GET /v1/claims/:id` and `GET /v1/claims` (filtered, paged).
 *
 * @module
 */
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { etag } from "hono/etag";
import * as v from "valibot";
import { Lang, ListQuery, Slug, type Claim } from "../../schema/index.ts";
import { PUBLIC_CACHE_CONTROL, publicCache, type MemoryTier } from "../edge-cache.ts";
import type { AppEnv } from "../env.ts";
import { Problem } from "../problem.ts";
import { publicOrigin } from "../origin.ts";
import { claimReview } from "../render/jsonld.ts";
import type { StoredClaim } from "../store/store.ts";
import { isValidCursor, pageCatalog } from "../store/catalog.ts";
import { validate } from "../validate.ts";

/**
 * The record of `id`, or a 404 problem.
 *
 * @example
 * const claim = JSON.parse((await requireClaim(c, id)).json);
 */
export async function requireClaim(c: Context<AppEnv>, id: string): Promise<StoredClaim> {
  const hit = await c.var.store.claim(id);
  if (!hit) throw new Problem(404, "claim-not-found", "Claim not found", `No claim has the id "${id}".`);
  return hit;
}

/** The memory tier of a claim, by the `:id` path parameter. */
export const claimTier: MemoryTier = {
  held: (c) => c.var.store.hasClaim(c.req.param("id") ?? ""),
  refill: (c) => c.var.store.claim(c.req.param("id") ?? ""),
};

const catalogTier: MemoryTier = { held: (c) => c.var.store.hasCatalog(), refill: (c) => c.var.store.catalog() };

/** The `:id` path parameter: a slug, else 400. */
export const idParam = validate("param", v.object({ id: Slug }));

/** `GET /v1/claims/:id` options. Other parameters (cache busters) are ignored. */
const ClaimQuery = v.object({
  format: v.optional(v.picklist(["json", "jsonld"], "must be json or jsonld")),
  lang: v.optional(Lang),
});

/**
 * The hot path: a plain `GET /v1/claims/:id` (no query) of a record this isolate holds is
 * answered at once, before validation and the Cache API (an id held in memory was
 * validated when it was read).
 */
const fromMemory: MiddlewareHandler<AppEnv> = async (c, next) => {
  const hit = c.req.url.includes("?") ? undefined : c.var.store.peek(c.req.param("id") ?? "");
  if (!hit) return next();
  return c.body(hit.json, 200, { "Content-Type": "application/json; charset=utf-8", ETag: hit.meta.etag, "Cache-Control": PUBLIC_CACHE_CONTROL });
};

/**
 * @example
 * app.route("/v1/claims", claims);
 */
export const claims = new Hono<AppEnv>()
  .get("/", etag(), publicCache(catalogTier), validate("query", ListQuery), async (c) => {
    const query = c.req.valid("query");
    if (query.cursor !== undefined && !isValidCursor(query.cursor)) {
      throw new Problem(400, "invalid-query", "Invalid request query string", "cursor: must be a cursor returned by a previous page", {
        extensions: { errors: ["cursor: must be a cursor returned by a previous page"] },
      });
    }
    const catalog = await c.var.store.catalog();
    if (!catalog) throw new Problem(503, "not-loaded", "No claims loaded", "The claim index is empty: run npm run data:load.", { headers: { "Retry-After": "60" } });
    return c.json(pageCatalog(catalog, query));
  })
  .get("/:id", etag(), fromMemory, publicCache(claimTier), idParam, validate("query", ClaimQuery), async (c) => {
    const { id } = c.req.valid("param");
    const { format = "json", lang = "en" } = c.req.valid("query");
    const hit = await requireClaim(c, id);
    if (format === "jsonld") {
      const doc = claimReview(JSON.parse(hit.json) as Claim, publicOrigin(c), lang);
      return c.body(JSON.stringify(doc), 200, { "Content-Type": "application/ld+json; charset=utf-8" });
    }
    return c.body(hit.json, 200, { "Content-Type": "application/json; charset=utf-8", ETag: hit.meta.etag });
  });
