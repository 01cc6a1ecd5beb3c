/**
 * Read access to the claims in KV, one request at a time. It counts KV reads, so that
 * every response can report them in `Server-Timing`, and keeps the parsed indexes in
 * isolate memory for a short while, so that the hot path of a list or a match costs no
 * KV read at all. A read that fails or takes over {@link KV_TIMEOUT_MS} throws
 * {@link StoreUnavailable}, which the app answers with 503 and `Retry-After`.
 *
 * @module
 */
import { KV_CACHE_TTL_S } from "../../shared/constants.ts";
import { decodeMatchIndex } from "../match/index-codec.ts";
import type { MatchIndex } from "../match/match-index.ts";
import type { Catalog } from "./catalog.ts";
import type { ClaimMeta } from "./entries.ts";
import { CATALOG_KEY, claimKey, MATCH_KEY, urlKey } from "./keys.ts";

/** How long a parsed index is reused in one isolate. KV itself is eventually consistent over ~60 s. */
export const INDEX_TTL_MS = 30_000;

/** A KV read that takes longer than this is given up: the request answers 503, it never hangs. */
export const KV_TIMEOUT_MS = 3000;

/** A KV read failed or took too long. The app answers 503 with Retry-After. */
export class StoreUnavailable extends Error {
  override name = "StoreUnavailable";
}

/** A record as stored: its JSON text, and the version and ETag kept beside it. */
export interface StoredClaim {
  json: string;
  meta: ClaimMeta;
}

/** Isolate memory: recent reads, at most {@link MEMO_SIZE} of them, each for {@link INDEX_TTL_MS}. */
const memo = new Map<string, { expires: number; value: unknown }>();
const MEMO_SIZE = 500;

/** Memory key of a lookup entry: by normalized URL, since its KV key needs a hash. */
const LOOKUP_MEMO = "lookup:";

function fresh<T>(key: string): T | undefined {
  const hit = memo.get(key);
  if (!hit) return undefined;
  if (hit.expires > Date.now()) return hit.value as T;
  memo.delete(key);
  return undefined;
}

function remember<T>(key: string, value: T): T {
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, { expires: Date.now() + INDEX_TTL_MS, value });
  return value;
}

/**
 * Forgets the records and indexes this isolate holds, after a write.
 *
 * @example
 * forgetReads();
 */
export function forgetReads(): void {
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

  /** The record with this id, or `null`. One KV read, none when this isolate read it in the last 30 s. */
  async claim(id: string): Promise<StoredClaim | null> {
    const key = claimKey(id);
    const hit = fresh<StoredClaim | null>(key);
    if (hit !== undefined) return hit;
    const { value, metadata } = await this.read(() =>
      this.kv.getWithMetadata<ClaimMeta>(key, { type: "text", cacheTtl: KV_CACHE_TTL_S }),
    );
    if (value === null || metadata === null) return null;
    return remember(key, { json: value, meta: metadata });
  }

  /**
   * Makes this isolate answer with a record just written (or, with `null`, deleted),
   * before KV has it everywhere: an editor reads back what they wrote.
   */
  written(id: string, claim: StoredClaim | null): void {
    remember(claimKey(id), claim);
  }

  /** The record if this isolate holds it (no I/O), else undefined. */
  peek(id: string): StoredClaim | undefined {
    return fresh<StoredClaim | null>(claimKey(id)) ?? undefined;
  }

  /** Whether this isolate holds the record (or knows it was deleted), so that reading it costs no I/O. */
  hasClaim(id: string): boolean {
    return fresh(claimKey(id)) !== undefined;
  }

  /** Whether this isolate holds the list index. */
  hasCatalog(): boolean {
    return fresh(CATALOG_KEY) !== undefined;
  }

  /** Whether this isolate holds the lookup entry of this normalized URL. */
  hasLookup(normalizedUrl: string): boolean {
    return fresh(LOOKUP_MEMO + normalizedUrl) !== undefined;
  }

  /** The lookup entry of a normalized article URL, as JSON text, or `null`. One KV read, none when this isolate read it in the last 30 s. */
  async lookup(normalizedUrl: string): Promise<string | null> {
    const memoKey = LOOKUP_MEMO + normalizedUrl;
    const hit = fresh<string | null>(memoKey);
    if (hit !== undefined) return hit;
    const key = await urlKey(normalizedUrl);
    return remember(memoKey, await this.read(() => this.kv.get(key, { type: "text", cacheTtl: KV_CACHE_TTL_S })));
  }

  /** The list index. One KV read when this isolate has not read it in the last 30 s, none otherwise. */
  catalog(): Promise<Catalog | null> {
    return this.index<Catalog>(CATALOG_KEY);
  }

  /**
   * The matching index: one binary KV value, read as typed-array views without parsing.
   * One KV read when this isolate has not read it in the last 30 s, none otherwise.
   */
  async matchIndex(): Promise<MatchIndex | null> {
    const hit = fresh<MatchIndex>(MATCH_KEY);
    if (hit) return hit;
    const buf = await this.read(() => this.kv.get(MATCH_KEY, { type: "arrayBuffer", cacheTtl: KV_CACHE_TTL_S }));
    return buf === null ? null : remember(MATCH_KEY, decodeMatchIndex(buf));
  }

  /** A parsed index, from isolate memory when fresh. */
  protected async index<T>(key: string): Promise<T | null> {
    const hit = fresh<T>(key);
    if (hit) return hit;
    const value = await this.read(() => this.kv.get<T>(key, { type: "json", cacheTtl: KV_CACHE_TTL_S }));
    return value === null ? null : remember(key, value);
  }

  private async read<T>(op: () => Promise<T>): Promise<T> {
    this.reads++;
    const start = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        op(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new StoreUnavailable(`KV read took over ${KV_TIMEOUT_MS} ms`)),
            KV_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (err) {
      throw err instanceof StoreUnavailable ? err : new StoreUnavailable("KV read failed", { cause: err });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      this.waited += Date.now() - start;
    }
  }
}
