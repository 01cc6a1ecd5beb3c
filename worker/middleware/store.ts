/**
 * Gives each request its own {@link ClaimStore} and reports its KV reads in
 * `Server-Timing` (`kv;dur=3;desc="1 read"`), so that the cost of a lookup is visible
 * in every response and in the browser's devtools.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { ClaimStore } from "../store/claim-store.ts";

/**
 * @example
 * app.use("*", withStore);
 * app.get("/x", async (c) => c.json(await c.var.store.catalog()));
 */
export const withStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  const store = new ClaimStore(c.env.KV);
  c.set("store", store);
  await next();
  const timing = `kv;dur=${store.waited};desc="${store.reads} read${store.reads === 1 ? "" : "s"}"`;
  try {
    c.res.headers.append("Server-Timing", timing);
  } catch {
    c.res = new Response(c.res.body, c.res);
    c.res.headers.append("Server-Timing", timing);
  }
};
