/**
 * The Cache API tier of public GETs. Each response is keyed by a **canonical URL** built
 * from the service's public origin, the route's path and the parameters the route has
 * validated, sorted, never from the request URL: a cache buster (`?cb=1`), an unknown or
 * malformed parameter (`?a=%`), another order, or a percent-encoded path (`%2D`) all map
 * to the one entry that a write purges, instead of keeping an old copy of their own.
 * So the middleware runs after the route's validators, and each route says what its
 * response depends on.
 *
 * (Hono's `cache()` keys entries by the request URL, under an internal scheme a purge
 * cannot rely on; this is the small part of it claimcard needs.)
 *
 * @module
 */
import type { Context, MiddlewareHandler } from "hono";
import { PUBLIC_CACHE_CONTROL, UI_LANGS, type UiLang } from "../../shared/constants.ts";
import type { AppEnv } from "../env.ts";
import { publicOrigin } from "../origin.ts";

export { PUBLIC_CACHE_CONTROL };

/** The name of the Cache API cache of public GET responses. */
export const CACHE_NAME = "claimcard-v1";

/** What a route reads from isolate memory, the tier in front of the Cache API. */
export interface MemoryTier {
  /** Whether this isolate holds what the request needs. */
  held(c: Context<AppEnv>): boolean;
  /** Reads it into this isolate's memory (after a Cache API hit, in the background). */
  refill(c: Context<AppEnv>): Promise<unknown>;
}

/**
 * The context a cache key is built from: the route's validators have run, so that
 * `c.req.valid("param")` and `c.req.valid("query")` hold `Param` and `Query`.
 */
export type Validated<Param extends object = object, Query extends object = object> = Context<
  AppEnv,
  string,
  { out: { param: Param; query: Query } }
>;

/** The values a cached response depends on: strings and numbers; `undefined` ones are left out. */
export type CacheParams = Readonly<Record<string, string | number | undefined>>;

/**
 * The canonical URL of a response: `origin` + `path`, then `params` sorted by name,
 * each encoded once (`URLSearchParams`), those `undefined` left out.
 *
 * @example
 * cacheKey("https://claims.example.org", "/v1/claims", { limit: 5, accused: "APT28" });
 * // "https://claims.example.org/v1/claims?accused=APT28&limit=5"
 */
export function cacheKey(origin: string, path: string, params: CacheParams = {}): string {
  const url = new URL(path, origin);
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value !== undefined) url.searchParams.append(name, String(value));
  }
  return url.href;
}

/**
 * The canonical URL of `GET /v1/claims/:id`: the record's JSON is one entry whatever the
 * language asked; its JSON-LD is one entry per language.
 *
 * @example
 * claimRecordKey(origin, "dnc-hack-2016", "jsonld", "fr"); // "…/v1/claims/dnc-hack-2016?format=jsonld&lang=fr"
 */
export function claimRecordKey(origin: string, id: string, format: "json" | "jsonld", lang: UiLang): string {
  const path = `/v1/claims/${encodeURIComponent(id)}`;
  return format === "jsonld" ? cacheKey(origin, path, { format, lang }) : cacheKey(origin, path);
}

/**
 * The canonical URL of `GET /embed/:id` in `lang`.
 *
 * @example
 * claimEmbedKey(origin, "dnc-hack-2016", "en"); // "…/embed/dnc-hack-2016?lang=en"
 */
export function claimEmbedKey(origin: string, id: string, lang: UiLang): string {
  return cacheKey(origin, `/embed/${encodeURIComponent(id)}`, { lang });
}

/**
 * Public GET responses come from three tiers: this isolate's memory (what it read in the
 * last 30 s), then the Cache API of the location, then KV. When the memory tier holds the
 * answer, the Cache API is not even opened: memory is faster. A Cache API hit refills the
 * memory tier in the background, so that the next request takes the fast path again.
 * Either way the response says how long it may be reused.
 *
 * Place it after the route's validators: `key` builds the canonical URL (with
 * {@link cacheKey}, {@link claimRecordKey} or {@link claimEmbedKey}) from the validated
 * values and the public origin.
 *
 * @example
 * app.get("/v1/claims/:id", idParam, validate("query", ClaimQuery),
 *   publicCache(claimTier, (c, origin) => claimRecordKey(origin, c.req.valid("param").id, "json", "en")), handler);
 */
export function publicCache<Param extends object, Query extends object>(
  tier: MemoryTier | undefined,
  key: (c: Validated<Param, Query>, origin: string) => string,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" || tier?.held(c) || typeof caches === "undefined") {
      await next();
      if (c.res.ok) c.header("Cache-Control", PUBLIC_CACHE_CONTROL);
      return;
    }
    const cache = await caches.open(CACHE_NAME);
    // Placed after the route's validators (see above), so the validated values are there.
    const url = key(c as unknown as Validated<Param, Query>, publicOrigin(c));
    const hit = await cache.match(url);
    if (hit) {
      if (tier) c.executionCtx.waitUntil(tier.refill(c).catch(() => undefined));
      return new Response(hit.body, hit);
    }
    await next();
    if (c.res.status !== 200) return;
    c.header("Cache-Control", PUBLIC_CACHE_CONTROL);
    c.executionCtx.waitUntil(cache.put(url, c.res.clone()));
  };
}

/**
 * Deletes the cached responses of one claim at this location: its record (JSON, and
 * JSON-LD in each language) and its embed in each language, under their canonical URLs,
 * which are the only ones cached. Lists, lookups and oEmbed answers that mention it
 * expire on their own within a minute.
 *
 * `origin` is the service's public origin, `publicOrigin(c)`: the one the keys are built on.
 *
 * @example
 * await purgeClaim(publicOrigin(c), "dnc-hack-2016");
 */
export async function purgeClaim(origin: string, id: string): Promise<void> {
  if (typeof caches === "undefined") return;
  const cache = await caches.open(CACHE_NAME);
  const keys = [claimRecordKey(origin, id, "json", "en")];
  for (const lang of UI_LANGS) keys.push(claimRecordKey(origin, id, "jsonld", lang), claimEmbedKey(origin, id, lang));
  await Promise.all(keys.map((key) => cache.delete(key)));
}
