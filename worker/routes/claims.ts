/**
 * Reads of claim records: `GET /v1/claims/:id` and `GET /v1/claims` (filtered, paged).
 *
 * @module
 */
import { Hono, type MiddlewareHandler } from "hono";
import { etag } from "hono/etag";
import * as v from "valibot";
import { type Claim, ClaimDocument, ClaimList, Lang, ListQuery } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import { claimTier, idParam, requireClaim } from "../middleware/claim-id.ts";
import {
  cacheKey,
  claimRecordKey,
  type MemoryTier,
  PUBLIC_CACHE_CONTROL,
  publicCache,
  type Validated,
} from "../middleware/edge-cache.ts";
import { validate } from "../middleware/validate.ts";
import { json, operation, response } from "../openapi/describe.ts";
import { publicOrigin } from "../origin.ts";
import { Problem } from "../problem.ts";
import { claimReview } from "../render/jsonld.ts";
import { isValidCursor, pageCatalog } from "../store/catalog.ts";

const catalogTier: MemoryTier = { held: (c) => c.var.store.hasCatalog(), refill: (c) => c.var.store.catalog() };

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
  return c.body(hit.json, 200, {
    "Content-Type": "application/json; charset=utf-8",
    ETag: hit.meta.etag,
    "Cache-Control": PUBLIC_CACHE_CONTROL,
  });
};

/**
 * @example
 * app.route("/v1/claims", claims);
 */
export const claims = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      operationId: "listClaims",
      access: "public",
      tags: ["claims"],
      summary: "List claims, filtered and paged",
      description:
        "`accused` and `accuser` take an entity id, name or alias (APT28 finds the GRU unit; `russia` includes its agencies). `since` filters on the incident date, `updatedSince` on the last update. `lang` picks the language of titles and summaries (default en). Pass the returned `cursor` to get the next page. Unknown parameters are a 400.",
      problems: ["invalid-query", "not-loaded", "unavailable"],
      responses: {
        200: json(ClaimList, "A page of claim summaries, newest incident first"),
      },
    }),
    etag(),
    validate("query", ListQuery),
    publicCache(catalogTier, (c: Validated<object, ListQuery>, origin) =>
      cacheKey(origin, "/v1/claims", c.req.valid("query")),
    ),
    async (c) => {
      const query = c.req.valid("query");
      if (query.cursor !== undefined && !isValidCursor(query.cursor)) {
        throw new Problem("invalid-query", "cursor: must be a cursor returned by a previous page", {
          errors: ["cursor: must be a cursor returned by a previous page"],
        });
      }
      const catalog = await c.var.store.catalog();
      if (!catalog) throw new Problem("not-loaded", "The claim index is empty: run npm run data:load.");
      return c.json(pageCatalog(catalog, query));
    },
  )
  .get(
    "/:id",
    operation({
      operationId: "getClaim",
      access: "public",
      tags: ["claims"],
      summary: "One claim record",
      description:
        "The record, with an `ETag`; `If-None-Match` gives 304. With `format=jsonld`, its schema.org ClaimReview in `lang`.",
      parameters: [{ name: "If-None-Match", in: "header", required: false, schema: { type: "string" } }],
      problems: ["invalid-param", "invalid-query", "claim-not-found", "unavailable"],
      responses: {
        200: response("The record; or, with format=jsonld, its ClaimReview", {
          "application/json": ClaimDocument,
          "application/ld+json": "text",
        }),
        304: { description: "Not modified (If-None-Match)" },
      },
    }),
    etag(),
    fromMemory,
    idParam,
    validate("query", ClaimQuery),
    publicCache(claimTier, (c: Validated<{ id: string }, v.InferOutput<typeof ClaimQuery>>, origin) => {
      const { format = "json", lang = "en" } = c.req.valid("query");
      return claimRecordKey(origin, c.req.valid("param").id, format, lang);
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { format = "json", lang = "en" } = c.req.valid("query");
      const hit = await requireClaim(c, id);
      if (format === "jsonld") {
        const doc = claimReview(JSON.parse(hit.json) as Claim, publicOrigin(c), lang);
        return c.body(JSON.stringify(doc), 200, { "Content-Type": "application/ld+json; charset=utf-8" });
      }
      return c.body(hit.json, 200, { "Content-Type": "application/json; charset=utf-8", ETag: hit.meta.etag });
    },
  );
