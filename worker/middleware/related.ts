/**
 * The related records of a claim, as links want them: id and title, from the list index
 * (one read for every title, shared by every page and embed this isolate serves, instead
 * of one read per related record). For the pages and the embed only; a related id that
 * is gone is left out rather than linked to a 404.
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
  if (!ids.length) return [];
  const catalog = await c.var.store.catalog();
  const titles = new Map((catalog?.entries ?? []).map((e) => [e.id, e.title]));
  return ids.flatMap((id) => {
    const title = titles.get(id);
    return title ? [{ id, title }] : [];
  });
}
