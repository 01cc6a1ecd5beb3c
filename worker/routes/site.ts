/**
 * Static files: the demo page at `/` and the widget bundle at `/widget.js`, both from
 * `public/` through the ASSETS binding, with headers chosen per file.
 *
 * @module
 */
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { pageHeaders, scriptHeaders } from "../security.ts";

/**
 * @example
 * app.route("/", site);
 */
export const site = new Hono<AppEnv>()
  .get("/", pageHeaders, async (c) => {
    const res = await c.env.ASSETS.fetch(new URL("/index.html", c.req.url));
    return new Response(res.body, { status: res.status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=60" } });
  })
  .get("/widget.js", scriptHeaders, async (c) => {
    const res = await c.env.ASSETS.fetch(new URL("/widget.js", c.req.url));
    if (!res.ok) return c.notFound();
    return new Response(res.body, {
      status: 200,
      headers: {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "public, max-age=300, stale-while-revalidate=86400",
        "Access-Control-Allow-Origin": "*",
        ...(res.headers.get("ETag") ? { ETag: res.headers.get("ETag")! } : {}),
      },
    });
  });
