/**
 * The Cache API tier of public GETs, keyed by the plain request URL, so that an admin
 * write can purge exactly what it changed. (Hono's `cache()` keys entries by an internal
 * URL scheme, `/.hono/cache?__hono_cache_key=…`, which a purge cannot rely on; this is
 * the small part of it claimcard needs.)
 *
 * @module
 */
import type { Context, MiddlewareHandler } from "hono";
import { PUBLIC_CACHE_CONTROL, UI_LANGS } from "../../shared/constants.ts";
import type { AppEnv } from "../env.ts";

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
 * Public GET responses come from three tiers: this isolate's memory (what it read in the
 * last 30 s), then the Cache API of the location, then KV. When the memory tier holds the
 * answer, the Cache API is not even opened: memory is faster. A Cache API hit refills the
 * memory tier in the background, so that the next request takes the fast path again.
 * Either way the response says how long it may be reused.
 *
 * @example
 * app.get("/v1/claims/:id", publicCache(claimTier), handler);
 */
export function publicCache(tier?: MemoryTier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" || tier?.held(c) || typeof caches === "undefined") {
      await next();
      if (c.res.ok) c.header("Cache-Control", PUBLIC_CACHE_CONTROL);
      return;
    }
    const cache = await caches.open(CACHE_NAME);
    const key = c.req.url;
    const hit = await cache.match(key);
    if (hit) {
      if (tier) c.executionCtx.waitUntil(tier.refill(c).catch(() => undefined));
      return new Response(hit.body, hit);
    }
    await next();
    if (c.res.status !== 200) return;
    c.header("Cache-Control", PUBLIC_CACHE_CONTROL);
    c.executionCtx.waitUntil(cache.put(key, c.res.clone()));
  };
}

/**
 * Deletes the cached responses of one claim at this location: the record (JSON and
 * JSON-LD, in each language) and its embed. Lists, lookups and oEmbed answers that
 * mention it expire on their own within a minute.
 *
 * @example
 * await purgeClaim("https://claims.example.org", "dnc-hack-2016");
 */
export async function purgeClaim(origin: string, id: string): Promise<void> {
  if (typeof caches === "undefined") return;
  const cache = await caches.open(CACHE_NAME);
  const paths = [`/v1/claims/${id}`, `/embed/${id}`];
  for (const lang of UI_LANGS)
    paths.push(
      `/v1/claims/${id}?format=jsonld&lang=${lang}`,
      `/v1/claims/${id}?lang=${lang}&format=jsonld`,
      `/embed/${id}?lang=${lang}`,
    );
  paths.push(`/v1/claims/${id}?format=jsonld`);
  await Promise.all(paths.map((path) => cache.delete(new URL(path, origin).href)));
}
