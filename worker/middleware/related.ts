/**
 * The related records of a claim, as links want them: id and title. Read through the
 * store's tiers like any record (memory, Cache API, KV), for the pages and the embed
 * only; a related id that is gone is left out rather than linked to a 404.
 *
 * @module
 */
import type { Context } from "hono";
import type { Claim, Localized } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";

/** A related record, as a link shows it. */
export interface RelatedRecord {
  id: string;
  title: Localized;
}

/**
 * The related records of `claim` that exist, in the record's order.
 *
 * @example
 * const related = await relatedRecords(c, claim); // [{ id: "gru-indictment-2018", title: { fr: "…", en: "…" } }]
 */
export async function relatedRecords(c: Context<AppEnv>, claim: Claim): Promise<RelatedRecord[]> {
  const ids = [...new Set(claim.related ?? [])].filter((id) => id !== claim.id);
  const hits = await Promise.all(ids.map((id) => c.var.store.claim(id).catch(() => null)));
  return hits.flatMap((hit, i) =>
    hit ? [{ id: ids[i]!, title: (JSON.parse(hit.json) as Claim).incident.title }] : [],
  );
}
