/**
 * Static files: the demo pages at `/` (explicit cards) and `/auto` (auto mode), and the
 * widget bundle at `/widget.js` (with auto mode, which it imports when a page uses it,
 * at `/widget-auto.js`), all from
 * `public/` through the ASSETS binding, with headers chosen per file.
 *
 * @module
 */
import { Hono } from "hono";
import { PAGE_CACHE_CONTROL } from "../../shared/constants.ts";
import type { AppEnv } from "../env.ts";
import { pageHeaders, scriptHeaders } from "../middleware/security.ts";
import { operation, response } from "../openapi/describe.ts";
import { problemResponse } from "../problem.ts";

/** A demo page from `public/`, or a 404 problem when it was not built. */
async function page(assets: Fetcher, url: string, file: string): Promise<Response> {
  const res = await assets.fetch(new URL(file, url));
  if (!res.ok) return problemResponse("not-found", `${file} is not built: run npm run build.`);
  return new Response(res.body, {
    status: res.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": PAGE_CACHE_CONTROL },
  });
}

/** A script of the widget from `public/`, loadable cross-origin, with its ETag (304 on If-None-Match). */
async function script(assets: Fetcher, req: Request, file: string): Promise<Response> {
  const res = await assets.fetch(new Request(new URL(file, req.url), { headers: req.headers }));
  if (res.status !== 200 && res.status !== 304)
    return problemResponse("not-found", `${file} is not built: run npm run build.`);
  return new Response(res.status === 304 ? null : res.body, {
    status: res.status,
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=300, stale-while-revalidate=86400",
      "Access-Control-Allow-Origin": "*",
      ...(res.headers.get("ETag") ? { ETag: res.headers.get("ETag")! } : {}),
    },
  });
}

/** The contract of a script of the widget: an ES module, revalidated with its ETag. */
function scriptOperation(operationId: string, summary: string) {
  return operation({
    operationId,
    access: "public",
    tags: ["embeds"],
    summary,
    parameters: [{ name: "If-None-Match", in: "header", required: false, schema: { type: "string" } }],
    problems: ["not-found"],
    responses: {
      200: response("An ES module", { "text/javascript": "text" }),
      304: { description: "Not modified (If-None-Match)" },
    },
  });
}

/**
 * @example
 * app.route("/", site);
 */
export const site = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      operationId: "getDemo",
      access: "public",
      tags: ["service"],
      summary: "The demo page: an article with claim cards beside it",
      problems: ["not-found"],
      responses: { 200: response("The page", { "text/html": "text" }) },
    }),
    pageHeaders,
    (c) => page(c.env.ASSETS, c.req.url, "/index.html"),
  )
  .get(
    "/auto",
    operation({
      operationId: "getAutoDemo",
      access: "public",
      tags: ["service"],
      summary: "The demo page in auto mode",
      problems: ["not-found"],
      responses: { 200: response("The page", { "text/html": "text" }) },
    }),
    pageHeaders,
    (c) => page(c.env.ASSETS, c.req.url, "/auto.html"),
  )
  .get("/widget.js", scriptOperation("getWidget", "The <claim-card> web component"), scriptHeaders, (c) =>
    script(c.env.ASSETS, c.req.raw, "/widget.js"),
  )
  .get(
    "/widget-auto.js",
    scriptOperation("getWidgetAuto", "Auto mode, which widget.js imports on the pages that use it"),
    scriptHeaders,
    (c) => script(c.env.ASSETS, c.req.raw, "/widget-auto.js"),
  );
