/**
 * What every route that serves one claim by its `:id` needs: the validated parameter,
 * the record or a 404 problem, and the record's memory tier for the edge cache.
 *
 * @module
 */
import type { Context } from "hono";
import * as v from "valibot";
import { type Claim, Slug } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import { Problem } from "../problem.ts";
import type { StoredClaim } from "../store/claim-store.ts";
import type { MemoryTier } from "./edge-cache.ts";
import { validate } from "./validate.ts";

/**
 * The record of `id`, or a 404 problem.
 *
 * @example
 * const claim = JSON.parse((await requireClaim(c, id)).json);
 */
export async function requireClaim(c: Context<AppEnv>, id: string): Promise<StoredClaim> {
  const hit = await c.var.store.claim(id);
  if (!hit) throw new Problem("claim-not-found", `No claim has the id "${id}".`);
  return hit;
}

/** The memory tier of a claim, by the `:id` path parameter. */
export const claimTier: MemoryTier = {
  held: (c) => c.var.store.hasClaim(c.req.param("id") ?? ""),
  refill: (c) => c.var.store.claim(c.req.param("id") ?? ""),
};

/** The `:id` path parameter: a slug, else 400. */
export const idParam = validate("param", v.object({ id: Slug }));

/**
 * The parsed record of `id`, or a 404 problem.
 *
 * @example
 * const claim = await loadClaim(c, c.req.valid("param").id);
 */
export async function loadClaim(c: Context<AppEnv>, id: string): Promise<Claim> {
  return JSON.parse((await requireClaim(c, id)).json) as Claim;
}
