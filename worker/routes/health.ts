/**
 * `GET /healthz`: the Worker is up. It reads nothing, so that a KV incident does not
 * take the load balancer's view of the service down with it.
 *
 * @module
 */
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { operation } from "../openapi/describe.ts";

/**
 * @example
 * app.route("/", health);
 */
export const health = new Hono<AppEnv>().get(
  "/healthz",
  operation({
    operationId: "health",
    access: "public",
    tags: ["service"],
    summary: "Liveness: the Worker is up (it reads nothing)",
    responses: { 200: { description: "Up" } },
  }),
  (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" });
  },
);
