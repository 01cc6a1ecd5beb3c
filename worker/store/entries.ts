/**
 * Builds every KV entry the API reads from a set of full records: the records, the
 * article-URL lookups and the indexes. `npm run data:load` bulk-puts the result; the
 * admin write path writes the subset a change touches.
 *
 * @module
 */
import type { Claim } from "../../schema/index.ts";
import { buildMatchIndex } from "../match/build-index.ts";
import { encodeMatchIndex } from "../match/index-codec.ts";
import { normalizeArticleUrl } from "./article-url.ts";
import { buildCatalog } from "./catalog.ts";
import { CATALOG_KEY, claimKey, MATCH_KEY, META_KEY, urlKey } from "./keys.ts";
import { sha256Hex } from "./sha256.ts";

/** One KV entry. `data:load` writes binary values base64-encoded, as `wrangler kv bulk put` reads them. */
export interface KvEntry {
  key: string;
  value: string | ArrayBuffer;
  metadata?: ClaimMeta | Record<string, unknown>;
}

/** Stored beside each record, so that a conditional GET needs no parsing. */
export interface ClaimMeta {
  version: number;
  etag: string;
}

/**
 * The entries of one record: `claim:<id>` with its version and ETag as metadata.
 *
 * @example
 * const entry = await claimEntry(claim);
 */
export async function claimEntry(claim: Claim): Promise<KvEntry & { value: string; metadata: ClaimMeta }> {
  const value = JSON.stringify(claim);
  return {
    key: claimKey(claim.id),
    value,
    metadata: { version: claim.version, etag: `"${claim.version}-${(await sha256Hex(value)).slice(0, 16)}"` },
  };
}

/**
 * Groups records by the normalized URLs of the articles linked to them.
 *
 * @example
 * linkedUrls(claims).get("https://example.org/a"); // [claim, …]
 */
export function linkedUrls(claims: readonly Claim[]): Map<string, Claim[]> {
  const byUrl = new Map<string, Claim[]>();
  for (const claim of claims) {
    for (const url of new Set(claim.urls.map(normalizeArticleUrl))) {
      if (url === null) continue;
      const list = byUrl.get(url) ?? [];
      list.push(claim);
      byUrl.set(url, list);
    }
  }
  return byUrl;
}

/**
 * The lookup entry of one normalized URL.
 *
 * @example
 * await urlEntry("https://example.org/a", [claim]);
 */
export async function urlEntry(url: string, claims: readonly Claim[]): Promise<KvEntry> {
  return {
    key: await urlKey(url),
    value: JSON.stringify({ url, claims: [...claims].sort((a, b) => a.id.localeCompare(b.id)) }),
  };
}

/** What `meta:dataset` holds: who wrote the dataset last, and what it holds. */
export interface DatasetMeta {
  /** A fresh id per write of the dataset (a `data:load`, or the writer's publish). */
  loadId: string;
  /** A hash of the records: it changes whenever any record changes. */
  generation: string;
  claims: number;
  builtAt: string;
}

/**
 * The index entries, built from every record: the list index, the match index and,
 * last, the dataset metadata, stamped with `loadId`.
 *
 * @example
 * const entries = await indexEntries(claims, `load-${crypto.randomUUID()}`);
 */
export async function indexEntries(claims: readonly Claim[], loadId: string): Promise<KvEntry[]> {
  const generation = await datasetGeneration(claims);
  const meta: DatasetMeta = { loadId, generation, claims: claims.length, builtAt: new Date().toISOString() };
  return [
    { key: CATALOG_KEY, value: JSON.stringify(buildCatalog(claims, generation)) },
    { key: MATCH_KEY, value: encodeMatchIndex(buildMatchIndex(claims, generation)) },
    { key: META_KEY, value: JSON.stringify(meta) },
  ];
}

/**
 * Every entry of a full load, `meta:dataset` last.
 *
 * @example
 * await writeFile("kv.json", JSON.stringify(await buildEntries(claims, "load-1")));
 */
export async function buildEntries(claims: readonly Claim[], loadId: string): Promise<KvEntry[]> {
  const records = await Promise.all(claims.map(claimEntry));
  const lookups = await Promise.all([...linkedUrls(claims)].map(([url, list]) => urlEntry(url, list)));
  return [...records, ...lookups, ...(await indexEntries(claims, loadId))];
}

/** A short hash that changes whenever any record changes. */
async function datasetGeneration(claims: readonly Claim[]): Promise<string> {
  const sorted = [...claims].sort((a, b) => (a.id < b.id ? -1 : 1));
  return (await sha256Hex(JSON.stringify(sorted))).slice(0, 16);
}
