/**
 * `GET /openapi.json`: the OpenAPI 3.1 document. `npm run build` generates it from the
 * routes themselves (each one's `operation(…)` and validators; see
 * `worker/openapi/document.ts`) into `public/openapi.json`; this route serves that file
 * with the service's public origin as its server.
 *
 * @module
 */
import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { apiHeaders } from "../middleware/security.ts";
import { json, operation } from "../openapi/describe.ts";
import { publicOrigin } from "../origin.ts";
import { Problem } from "../problem.ts";

let cached: { origin: string; body: string } | undefined;

/**
 * @example
 * app.route("/", openapi);
 */
export const openapi = new Hono<AppEnv>().get(
  "/openapi.json",
  operation({
    operationId: "getOpenApi",
    access: "public",
    tags: ["service"],
    summary: "This document",
    problems: ["not-found"],
    responses: { 200: json(v.record(v.string(), v.unknown()), "OpenAPI 3.1") },
  }),
  apiHeaders,
  async (c) => {
    const origin = publicOrigin(c);
    if (cached?.origin !== origin) {
      const res = await c.env.ASSETS.fetch(new URL("/openapi.json", c.req.url));
      if (!res.ok) throw new Problem("not-found", "The OpenAPI document is not built: run npm run build.");
      const doc = (await res.json()) as Record<string, unknown>;
      cached = { origin, body: JSON.stringify({ ...doc, servers: [{ url: origin }] }) };
    }
    return c.body(cached.body, 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      "Access-Control-Allow-Origin": "*",
    });
  },
);
