/**
 * Read access to the claims in KV, one request at a time. It counts KV reads, so that
 * every response can report them in `Server-Timing`, and keeps the parsed indexes in
 * isolate memory for a short while, so that the hot path of a list or a match costs no
 * KV read at all.
 *
 * @module
 */
import type { Catalog } from "./catalog.ts";
import type { ClaimMeta } from "./entries.ts";
import { CATALOG_KEY, claimKey, urlKey } from "./keys.ts";

/** How long a parsed index is reused in one isolate. KV itself is eventually consistent over ~60 s. */
export const INDEX_TTL_MS = 30_000;

/** A record as stored: its JSON text, and the version and ETag kept beside it. */
export interface StoredClaim {
  json: string;
  meta: ClaimMeta;
}

const memo = new Map<string, { expires: number; value: unknown }>();

/**
 * Forgets the parsed indexes this isolate holds, after a write.
 *
 * @example
 * forgetIndexes();
 */
export function forgetIndexes(): void {
  memo.clear();
}

/**
 * Reads claims and indexes from one KV namespace, counting reads.
 *
 * @example
 * const store = new ClaimStore(env.KV);
 * const hit = await store.claim("dnc-hack-2016");
 * store.reads; // 1
 */
export class ClaimStore {
  /** KV reads made so far by this store. */
  reads = 0;
  /** Milliseconds spent waiting for KV. */
  waited = 0;

  private readonly kv: KVNamespace;

  constructor(kv: KVNamespace) {
    this.kv = kv;
  }

  /** The record with this id, or `null`. One KV read. */
  async claim(id: string): Promise<StoredClaim | null> {
    const { value, metadata } = await this.read(() => this.kv.getWithMetadata<ClaimMeta>(claimKey(id), { type: "text", cacheTtl: 60 }));
    return value === null || metadata === null ? null : { json: value, meta: metadata };
  }

  /** The lookup entry of a normalized article URL, as JSON text, or `null`. One KV read. */
  async lookup(normalizedUrl: string): Promise<string | null> {
    const key = await urlKey(normalizedUrl);
    return this.read(() => this.kv.get(key, { type: "text", cacheTtl: 60 }));
  }

  /** The list index. One KV read when this isolate has not read it in the last 30 s, none otherwise. */
  catalog(): Promise<Catalog | null> {
    return this.index<Catalog>(CATALOG_KEY);
  }

  /** A parsed index, from isolate memory when fresh. */
  protected async index<T>(key: string): Promise<T | null> {
    const hit = memo.get(key);
    if (hit && hit.expires > Date.now()) return hit.value as T;
    const value = await this.read(() => this.kv.get<T>(key, { type: "json", cacheTtl: 60 }));
    if (value !== null) memo.set(key, { expires: Date.now() + INDEX_TTL_MS, value });
    return value;
  }

  private async read<T>(op: () => Promise<T>): Promise<T> {
    this.reads++;
    const start = Date.now();
    try {
      return await op();
    } finally {
      this.waited += Date.now() - start;
    }
  }
}
