/**
 * The KV layout: the published read copy of what the writer (the Durable Object, the
 * source of truth) holds. One record is one key; each index is one key. Only the writer
 * writes these keys.
 *
 * | key                  | value                                          | read by                        |
 * | -------------------- | ---------------------------------------------- | ------------------------------ |
 * | `claim:<id>`         | the record (metadata: version, etag)           | GET /v1/claims/:id, pages      |
 * | `url:<sha256(url)>`  | `{ url, ids }`: the ids linked to a normalized URL | GET /v1/lookup, match with url |
 * | `history:<id>`       | `{ id, items: [{ version, updatedAt, editor, note }] }`, newest first | the claim page |
 * | `index:catalog`      | list entries, sorted, for filters/paging       | GET /v1/claims                 |
 * | `index:match`        | the prebuilt text-matching index               | POST /v1/match                 |
 * | `meta:dataset`       | generation, count and build time              | operators                      |
 *
 * A URL entry holds ids, not records, so that a record with many URLs costs one small
 * write per URL, and a change of the record rewrites none of them.
 *
 * @module
 */
import { sha256Hex } from "./sha256.ts";

/** Prefix of claim records. */
export const CLAIM_PREFIX = "claim:";
/** Prefix of article-URL lookup entries. */
export const URL_PREFIX = "url:";
/** Prefix of the published history of a record. */
export const HISTORY_PREFIX = "history:";
/** The list index. */
export const CATALOG_KEY = "index:catalog";
/** The text-matching index. */
export const MATCH_KEY = "index:match";
/** What the last full load wrote. */
export const META_KEY = "meta:dataset";

/**
 * The key of a claim record.
 *
 * @example
 * claimKey("dnc-hack-2016"); // "claim:dnc-hack-2016"
 */
export function claimKey(id: string): string {
  return CLAIM_PREFIX + id;
}

/**
 * The key of a record's published history.
 *
 * @example
 * historyKey("dnc-hack-2016"); // "history:dnc-hack-2016"
 */
export function historyKey(id: string): string {
  return HISTORY_PREFIX + id;
}

/**
 * The key of an article URL's lookup entry: a SHA-256 of the normalized URL, so that
 * keys stay short (KV allows 512 bytes) whatever the URL.
 *
 * @example
 * await urlKey("https://example.org/a"); // "url:3f1c…"
 */
export async function urlKey(normalizedUrl: string): Promise<string> {
  return URL_PREFIX + (await sha256Hex(normalizedUrl));
}
