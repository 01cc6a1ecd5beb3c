/**
 * The records linked to an article URL: its lookup entry (`url:<sha256(url)>`, ids only)
 * and then each record, read in parallel through the same store, so that a record held
 * in the isolate's memory costs nothing and a record is never stored twice in KV.
 *
 * @module
 */
import type { Claim } from "../../schema/index.ts";
import type { ClaimStore } from "./claim-store.ts";
import type { UrlLinks } from "./entries.ts";

/**
 * The records linked to a normalized article URL, sorted by id; none when it has no entry.
 * A linked id whose record is gone (its removal not yet published) is left out.
 *
 * @example
 * const claims = await linkedRecords(c.var.store, "https://example.org/a");
 */
export async function linkedRecords(store: ClaimStore, normalizedUrl: string): Promise<Claim[]> {
  const hit = await store.lookup(normalizedUrl);
  if (hit === null) return [];
  const ids = (JSON.parse(hit) as Partial<UrlLinks>).ids ?? [];
  const records = await Promise.all(ids.map((id) => store.claim(id)));
  return records.filter((r) => r !== null).map((r) => JSON.parse(r.json) as Claim);
}
