/**
 * A JSON body sent as `text/plain`, read as JSON. A cross-origin POST whose
 * Content-Type is `application/json` costs the browser a CORS preflight (an OPTIONS
 * round trip) before it; labelled `text/plain`, it is a "simple" request and goes at
 * once. The widget's auto mode posts its article that way. Any other type than JSON or
 * text/plain is still a 415.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { requireJson } from "./validate.ts";

/**
 * Lets a `text/plain` body through as `application/json`, then requires JSON.
 *
 * @example
 * app.post("/v1/match", jsonOrPlainText, validate("json", MatchRequest), handler);
 */
export const jsonOrPlainText: MiddlewareHandler = async (c, next) => {
  const type = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase();
  if (type === "text/plain") {
    const headers = new Headers(c.req.raw.headers);
    headers.set("Content-Type", "application/json");
    c.req.raw = new Request(c.req.raw, { headers });
  }
  return requireJson(c, next);
};
