/**
 * Read access to the claims in KV, one request at a time: each lookup is at most one KV
 * read, none when this isolate's memory holds the answer (see `isolate-memory.ts`). It
 * counts KV reads and the time spent waiting for them, so that every response can report
 * them in `Server-Timing`. Every read is bounded by `kv-timeout.ts`: a failed or slow
 * read throws `StoreUnavailable`, which the app answers with 503 and `Retry-After`.
 *
 * @module
 */
import type { HistoryList } from "../../schema/index.ts";
import { KV_CACHE_TTL_S } from "../../shared/constants.ts";
import { decodeMatchIndex } from "../match/index-codec.ts";
import type { MatchIndex } from "../match/match-index.ts";
import type { Catalog } from "./catalog.ts";
import type { ClaimMeta } from "./entries.ts";
import { isolateMemory, MEMORY_TTL_MS } from "./isolate-memory.ts";
import { CATALOG_KEY, claimKey, historyKey, MATCH_KEY, urlKey } from "./keys.ts";
import { withinTimeout } from "./kv-timeout.ts";

/** A record as stored: its JSON text, and the version and ETag kept beside it. */
export interface StoredClaim {
  json: string;
  meta: ClaimMeta;
}

/** Memory key of a lookup entry: by normalized URL, since its KV key needs a hash. */
const LOOKUP_MEMO = "lookup:";

const memory = isolateMemory;

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

  /** The record with this id, or `null`. One KV read, none when this isolate knows it. */
  async claim(id: string): Promise<StoredClaim | null> {
    const key = claimKey(id);
    const known = memory.recall(key) as StoredClaim | null | undefined;
    if (known !== undefined) return known;
    const { value, metadata } = await this.read(() =>
      this.kv.getWithMetadata<ClaimMeta>(key, { type: "text", cacheTtl: KV_CACHE_TTL_S }),
    );
    return memory.remember(key, value === null || metadata === null ? null : { json: value, meta: metadata });
  }

  /**
   * Forgets what writes of these records made stale in this isolate: the records, every
   * URL lookup (a lookup may name any record) and both indexes. What other writes left
   * here stays, so that this isolate keeps answering with them until KV has them.
   *
   * @example
   * store.forgetWritten(["dnc-hack-2016"]);
   */
  forgetWritten(ids: readonly string[]): void {
    memory.forget(ids.map(claimKey), [LOOKUP_MEMO]);
  }

  /**
   * Makes this isolate answer with a record just written (or, with `null`, deleted),
   * before KV has it everywhere: an editor reads back what they wrote. A deletion is
   * remembered as long as a record would be, not as briefly as a miss.
   */
  written(id: string, claim: StoredClaim | null): void {
    memory.remember(claimKey(id), claim, MEMORY_TTL_MS);
  }

  /** The record if this isolate holds it (no I/O), else undefined. */
  peek(id: string): StoredClaim | undefined {
    return (memory.recall(claimKey(id)) as StoredClaim | null | undefined) ?? undefined;
  }

  /** Whether this isolate holds the record (or knows it is missing), so that reading it costs no I/O. */
  hasClaim(id: string): boolean {
    return memory.recall(claimKey(id)) !== undefined;
  }

  /** Whether this isolate holds the list index. */
  hasCatalog(): boolean {
    return memory.catalog.get() !== undefined;
  }

  /** Whether this isolate holds the lookup entry of this normalized URL (or knows there is none). */
  hasLookup(normalizedUrl: string): boolean {
    return memory.recall(LOOKUP_MEMO + normalizedUrl) !== undefined;
  }

  /** The lookup entry of a normalized article URL, as JSON text, or `null`. One KV read, none when this isolate knows it. */
  async lookup(normalizedUrl: string): Promise<string | null> {
    const memoKey = LOOKUP_MEMO + normalizedUrl;
    const known = memory.recall(memoKey) as string | null | undefined;
    if (known !== undefined) return known;
    const key = await urlKey(normalizedUrl);
    return memory.remember(
      memoKey,
      await this.read(() => this.kv.get(key, { type: "text", cacheTtl: KV_CACHE_TTL_S })),
    );
  }

  /**
   * A record's published version history (`history:<id>`, written by the writer), newest
   * first, or `null` before the writer has published any. One KV read.
   */
  async history(id: string): Promise<HistoryList["items"] | null> {
    const value = await this.read(() =>
      this.kv.get<HistoryList>(historyKey(id), { type: "json", cacheTtl: KV_CACHE_TTL_S }),
    );
    return value?.items ?? null;
  }

  /** The list index. One KV read when this isolate does not hold it, none otherwise. */
  async catalog(): Promise<Catalog | null> {
    const held = memory.catalog.get();
    if (held) return held;
    const value = await this.read(() => this.kv.get<Catalog>(CATALOG_KEY, { type: "json", cacheTtl: KV_CACHE_TTL_S }));
    return value === null ? null : memory.catalog.set(value);
  }

  /**
   * The matching index: one binary KV value, read as typed-array views without parsing.
   * One KV read when this isolate does not hold it, none otherwise.
   */
  async matchIndex(): Promise<MatchIndex | null> {
    const held = memory.matchIndex.get();
    if (held) return held;
    const buf = await this.read(() => this.kv.get(MATCH_KEY, { type: "arrayBuffer", cacheTtl: KV_CACHE_TTL_S }));
    return buf === null ? null : memory.matchIndex.set(decodeMatchIndex(buf));
  }

  private async read<T>(op: () => Promise<T>): Promise<T> {
    this.reads++;
    const start = Date.now();
    try {
      return await withinTimeout(op);
    } finally {
      this.waited += Date.now() - start;
    }
  }
}
