/**
 * Static files: the demo pages at `/` (explicit cards) and `/auto` (auto mode), and the
 * widget bundle at `/widget.js`, all from
 * `public/` through the ASSETS binding, with headers chosen per file.
 *
 * @module
 */
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { pageHeaders, scriptHeaders } from "../middleware/security.ts";

/** A demo page from `public/`. */
async function page(assets: Fetcher, url: string, file: string): Promise<Response> {
  const res = await assets.fetch(new URL(file, url));
  return new Response(res.body, { status: res.status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=60" } });
}

/**
 * @example
 * app.route("/", site);
 */
export const site = new Hono<AppEnv>()
  .get("/", pageHeaders, (c) => page(c.env.ASSETS, c.req.url, "/index.html"))
  .get("/auto", pageHeaders, (c) => page(c.env.ASSETS, c.req.url, "/auto.html"))
  .get("/widget.js", scriptHeaders, async (c) => {
    const res = await c.env.ASSETS.fetch(new Request(new URL("/widget.js", c.req.url), { headers: c.req.raw.headers }));
    if (res.status !== 200 && res.status !== 304) return c.notFound();
    return new Response(res.status === 304 ? null : res.body, {
      status: res.status,
      headers: {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "public, max-age=300, stale-while-revalidate=86400",
        "Access-Control-Allow-Origin": "*",
        ...(res.headers.get("ETag") ? { ETag: res.headers.get("ETag")! } : {}),
      },
    });
  });
