/**
 * What one isolate remembers of its KV reads, so that the hot paths cost no KV read at
 * all. Three parts, so that no kind of request can push out another's:
 *
 * - **Indexes** (the list index, the 9.5 MB match index) each have a slot of their own:
 *   no number of records or lookups can evict them.
 * - **Hits** (records and lookup entries) share one least-recently-used cache, bounded by
 *   entries and by characters, so that the records readers ask for stay and a crawl of
 *   every record cannot grow the isolate past its memory.
 * - **Misses** (an id or a URL that has nothing) are remembered apart, in a smaller LRU
 *   and only for {@link MISS_TTL_MS}: asking for things that do not exist cannot push out
 *   what does, and a record created elsewhere shows here within seconds.
 *
 * Everything expires after {@link MEMORY_TTL_MS} (KV itself is eventually consistent over
 * about 60 s). The LRUs (`lru.ts`) read the clock on each check, and arm no timer.
 *
 * @module
 */
import type { MatchIndex } from "../match/match-index.ts";
import type { Catalog } from "./catalog.ts";
import { Lru } from "./lru.ts";

/** How long a hit or an index is reused in one isolate. */
export const MEMORY_TTL_MS = 30_000;

/** How long a miss is remembered: briefly, so that new records show soon. */
export const MISS_TTL_MS = 5_000;

/** The limits of one isolate's memory. */
export interface MemoryLimits {
  /** Hits kept at most (records and lookup entries). */
  maxHits: number;
  /** Characters of JSON kept at most, over all hits (about 2 bytes each). */
  maxHitChars: number;
  /** Misses kept at most. */
  maxMisses: number;
  /** Lifetime of a hit or an index, in ms. */
  ttlMs: number;
  /** Lifetime of a miss, in ms. */
  missTtlMs: number;
  /** The clock, in ms (tests pass their own). */
  now: () => number;
}

/** The limits of the Worker's memory: at most 1,000 hits or 8 M characters (~16 MB), and 1,000 misses. */
export const DEFAULT_LIMITS: MemoryLimits = {
  maxHits: 1000,
  maxHitChars: 8 * 1024 * 1024,
  maxMisses: 1000,
  ttlMs: MEMORY_TTL_MS,
  missTtlMs: MISS_TTL_MS,
  now: () => Date.now(),
};

/** What a hit holds: a record (its JSON and metadata) or a lookup entry (JSON text). */
export type Hit = string | { json: string };

/** A slot for one index, reused until it expires. */
export class IndexSlot<T> {
  private value: T | undefined;
  private expires = 0;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(ttlMs: number, now: () => number) {
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /**
   * The index, if held and fresh.
   *
   * @example
   * const catalog = memory.catalog.get() ?? memory.catalog.set(await readCatalog());
   */
  get(): T | undefined {
    if (this.value !== undefined && this.expires > this.now()) return this.value;
    this.value = undefined;
    return undefined;
  }

  /**
   * Holds `value` for the slot's lifetime, and returns it.
   *
   * @example
   * memory.matchIndex.set(decodeMatchIndex(buf));
   */
  set(value: T): T {
    this.value = value;
    this.expires = this.now() + this.ttlMs;
    return value;
  }

  /**
   * Forgets the index.
   *
   * @example
   * memory.catalog.clear();
   */
  clear(): void {
    this.value = undefined;
  }
}

/**
 * One isolate's memory of KV reads: index slots, hits and misses (see the module).
 *
 * @example
 * const memory = new IsolateMemory();
 * memory.remember("claim:x", { json: "{…}", meta });
 * memory.recall("claim:x"); // the record; null for a known miss; undefined if unknown
 */
export class IsolateMemory {
  /** The list index's slot. */
  readonly catalog: IndexSlot<Catalog>;
  /** The match index's slot. */
  readonly matchIndex: IndexSlot<MatchIndex>;
  private readonly hits: Lru<Hit>;
  private readonly misses: Lru<true>;

  constructor(limits: Partial<MemoryLimits> = {}) {
    const { maxHits, maxHitChars, maxMisses, ttlMs, missTtlMs, now } = { ...DEFAULT_LIMITS, ...limits };
    this.catalog = new IndexSlot(ttlMs, now);
    this.matchIndex = new IndexSlot(ttlMs, now);
    this.hits = new Lru<Hit>({
      max: maxHits,
      maxSize: maxHitChars,
      sizeOf: (hit) => (typeof hit === "string" ? hit.length : hit.json.length),
      ttlMs,
      now,
    });
    this.misses = new Lru<true>({ max: maxMisses, ttlMs: missTtlMs, now });
  }

  /**
   * What this isolate knows of `key`: the hit, `null` for a known miss, `undefined` when
   * it does not know (a KV read is needed). A hit becomes the most recently used.
   *
   * @example
   * const known = memory.recall("claim:dnc-hack-2016");
   */
  recall(key: string): Hit | null | undefined {
    const hit = this.hits.get(key);
    if (hit !== undefined) return hit;
    return this.misses.get(key) ? null : undefined;
  }

  /**
   * Remembers what a KV read gave: a hit for {@link MEMORY_TTL_MS}, or (`null`) a miss
   * for {@link MISS_TTL_MS} or `missTtlMs`. Returns what it was given.
   *
   * @example
   * return memory.remember(key, await kv.get(key));
   */
  remember<V extends Hit | null>(key: string, value: V, missTtlMs?: number): V {
    if (value === null) {
      this.hits.delete(key);
      this.misses.set(key, true, missTtlMs);
    } else {
      this.misses.delete(key);
      this.hits.set(key, value as Hit);
    }
    return value;
  }

  /**
   * Forgets everything: indexes, hits and misses (after a write).
   *
   * @example
   * memory.clear();
   */
  clear(): void {
    this.catalog.clear();
    this.matchIndex.clear();
    this.hits.clear();
    this.misses.clear();
  }

  /**
   * Forgets what a write of these keys makes stale: the keys themselves, every key that
   * starts with one of `prefixes` (URL lookups, which may name any record), and both
   * indexes. What other writes left here stays: this isolate keeps answering with them.
   *
   * @example
   * memory.forget(["claim:x"], ["lookup:"]);
   */
  forget(keys: readonly string[], prefixes: readonly string[] = []): void {
    this.catalog.clear();
    this.matchIndex.clear();
    for (const key of keys) {
      this.hits.delete(key);
      this.misses.delete(key);
    }
    if (!prefixes.length) return;
    const stale = (key: string) => prefixes.some((p) => key.startsWith(p));
    for (const key of [...this.hits.keys()]) if (stale(key)) this.hits.delete(key);
    for (const key of [...this.misses.keys()]) if (stale(key)) this.misses.delete(key);
  }

  /** How many hits and misses are held (for tests and diagnostics). */
  get size(): { hits: number; misses: number; hitChars: number } {
    return { hits: this.hits.size, misses: this.misses.size, hitChars: this.hits.calculatedSize };
  }
}

/** This isolate's memory, shared by every request it serves. */
export const isolateMemory = new IsolateMemory();

/**
 * Forgets the records, lookups and indexes this isolate holds, after a write.
 *
 * @example
 * forgetReads();
 */
export function forgetReads(): void {
  isolateMemory.clear();
}
