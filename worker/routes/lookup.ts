/**
 * `GET /v1/lookup?url=`: the claims linked to an article URL, whatever spelling of the
 * URL the caller has (scheme, host case, `www.`, trailing slash, tracking parameters).
 *
 * @module
 */
import { Hono } from "hono";
import { etag } from "hono/etag";
import { LookupQuery, LookupResult } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import { cacheKey, type MemoryTier, publicCache, type Validated } from "../middleware/edge-cache.ts";
import { validate } from "../middleware/validate.ts";
import { json, operation } from "../openapi/describe.ts";
import { Problem } from "../problem.ts";
import { normalizeArticleUrl } from "../store/article-url.ts";
import { linkedRecords } from "../store/linked.ts";

/** The memory tier of a lookup, by the `url` query parameter. */
const lookupTier: MemoryTier = {
  held(c) {
    const url = normalizeArticleUrl(c.req.query("url") ?? "");
    return url !== null && c.var.store.hasLookup(url);
  },
  async refill(c) {
    const url = normalizeArticleUrl(c.req.query("url") ?? "");
    if (url !== null) await c.var.store.lookup(url);
  },
};

/**
 * @example
 * app.route("/v1/lookup", lookup);
 */
export const lookup = new Hono<AppEnv>().get(
  "/",
  operation({
    operationId: "lookupArticle",
    access: "public",
    tags: ["claims"],
    summary: "Claims linked to an article URL",
    description:
      "The URL is normalized: scheme, host case, `www.`, trailing slash, fragment and tracking parameters do not matter.",
    problems: ["invalid-query", "unavailable"],
    responses: {
      200: json(LookupResult, "The normalized URL and its claims (possibly none)"),
    },
  }),
  etag(),
  validate("query", LookupQuery),
  publicCache(lookupTier, (c: Validated<object, { url: string }>, origin) =>
    cacheKey(origin, "/v1/lookup", { url: normalizeArticleUrl(c.req.valid("query").url) ?? undefined }),
  ),
  async (c) => {
    const url = normalizeArticleUrl(c.req.valid("query").url);
    if (url === null)
      throw new Problem("invalid-query", "url: must be an absolute http(s) URL", {
        errors: ["url: must be an absolute http(s) URL"],
      });
    return c.json({ url, claims: await linkedRecords(c.var.store, url) });
  },
);
