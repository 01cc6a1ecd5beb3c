/**
 * Builds every KV entry the API reads from a set of full records: the records, the
 * article-URL lookups, the published histories and the indexes. The writer (the only
 * one that writes KV) publishes the entries a change touches; {@link buildEntries} is
 * the full rebuild, which a publish must always equal.
 *
 * @module
 */
import type { Claim, HistoryList } from "../../schema/index.ts";
import { buildMatchIndex } from "../match/build-index.ts";
import { encodeMatchIndex } from "../match/index-codec.ts";
import { normalizeArticleUrl } from "./article-url.ts";
import { buildCatalog } from "./catalog.ts";
import { CATALOG_KEY, claimKey, historyKey, MATCH_KEY, META_KEY, urlKey } from "./keys.ts";
import { sha256Hex } from "./sha256.ts";

/** One KV entry. */
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
 * Groups record ids by the normalized URLs of the articles linked to them.
 *
 * @example
 * linkedUrls(claims).get("https://example.org/a"); // ["dnc-hack-2016", …]
 */
export function linkedUrls(claims: Iterable<Pick<Claim, "id" | "urls">>): Map<string, string[]> {
  const byUrl = new Map<string, string[]>();
  for (const claim of claims) {
    for (const url of new Set(claim.urls.map(normalizeArticleUrl))) {
      if (url === null) continue;
      const list = byUrl.get(url) ?? [];
      list.push(claim.id);
      byUrl.set(url, list);
    }
  }
  return byUrl;
}

/** What `url:<sha256(url)>` holds: the normalized URL and the ids of the records linked to it. */
export interface UrlLinks {
  url: string;
  ids: string[];
}

/**
 * The lookup entry of one normalized URL: ids, sorted, never whole records.
 *
 * @example
 * await urlEntry("https://example.org/a", ["dnc-hack-2016"]);
 */
export async function urlEntry(url: string, ids: readonly string[]): Promise<KvEntry & { value: string }> {
  const links: UrlLinks = { url, ids: [...ids].sort() };
  return { key: await urlKey(url), value: JSON.stringify(links) };
}

/**
 * The published history of one record, newest first.
 *
 * @example
 * historyEntry({ id: "dnc-hack-2016", items: [{ version: 2, updatedAt: "…", editor: "alice", note: "…" }] });
 */
export function historyEntry(history: HistoryList): KvEntry & { value: string } {
  return { key: historyKey(history.id), value: JSON.stringify(history) };
}

/** What `meta:dataset` holds: when the indexes were last published, and from what. */
export interface DatasetMeta {
  /** A fresh id per publish of the indexes. */
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
 * Every entry of the record set (histories aside), `meta:dataset` last: the full rebuild.
 *
 * @example
 * const entries = await buildEntries(claims, "load-1");
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
