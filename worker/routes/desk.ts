/**
 * The desk, `/admin`: the editors' web page (built from `desk/` into `public/admin.html`
 * and `public/desk.js` by `npm run build`). The page itself is static and public (it
 * holds no data and no secret); everything it shows comes from the admin API, after
 * sign-in. It is never framed, runs only its own script, and talks only to this origin.
 *
 * @module
 */
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../env.ts";
import { operation, response } from "../openapi/describe.ts";
import { problemResponse } from "../problem.ts";

const deskHeaders = secureHeaders({
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  crossOriginResourcePolicy: "same-origin",
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
});

async function asset(assets: Fetcher, url: string, file: string, type: string): Promise<Response> {
  const res = await assets.fetch(new URL(file, url));
  if (!res.ok) return problemResponse("not-found", `${file} is not built: run npm run build.`);
  return new Response(res.body, { headers: { "Content-Type": type, "Cache-Control": "no-cache" } });
}

/**
 * @example
 * app.route("/", desk);
 */
export const desk = new Hono<AppEnv>()
  .get(
    "/admin",
    operation({
      operationId: "getDesk",
      access: "public",
      tags: ["admin"],
      summary: "The editorial desk (a web page; its data needs an editor's sign-in)",
      problems: ["not-found"],
      responses: { 200: response("The page", { "text/html": "text" }) },
    }),
    deskHeaders,
    (c) => asset(c.env.ASSETS, c.req.url, "/admin.html", "text/html; charset=utf-8"),
  )
  .get(
    "/admin/desk.js",
    operation({
      operationId: "getDeskScript",
      access: "public",
      tags: ["admin"],
      summary: "The desk's script",
      problems: ["not-found"],
      responses: { 200: response("An ES module", { "text/javascript": "text" }) },
    }),
    deskHeaders,
    (c) => asset(c.env.ASSETS, c.req.url, "/desk.js", "text/javascript; charset=utf-8"),
  );
