/**
 * The KV layout. One record is one key; each index is one key, so that every lookup
 * costs at most one KV read.
 *
 * | key                  | value                                   | read by                 |
 * | -------------------- | --------------------------------------- | ----------------------- |
 * | `claim:<id>`         | the record (metadata: version, etag)    | GET /v1/claims/:id      |
 * | `url:<sha256(url)>`  | the records linked to a normalized URL  | GET /v1/lookup          |
 * | `index:catalog`      | list entries, sorted, for filters/paging| GET /v1/claims          |
 * | `index:match`        | the prebuilt text-matching index        | POST /v1/match          |
 * | `meta:dataset`       | generation, count and build time        | data:load, the writer   |
 *
 * @module
 */
import { sha256Hex } from "./sha256.ts";

/** Prefix of claim records. */
export const CLAIM_PREFIX = "claim:";
/** Prefix of article-URL lookup entries. */
export const URL_PREFIX = "url:";
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
 * The key of an article URL's lookup entry: a SHA-256 of the normalized URL, so that
 * keys stay short (KV allows 512 bytes) whatever the URL.
 *
 * @example
 * await urlKey("https://example.org/a"); // "url:3f1c…"
 */
export async function urlKey(normalizedUrl: string): Promise<string> {
  return URL_PREFIX + (await sha256Hex(normalizedUrl));
}
