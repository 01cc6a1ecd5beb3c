/**
 * A least-recently-used map with a lifetime per entry and two bounds: entries, and a size
 * that the caller measures (characters of JSON). A `Map` keeps insertion order, so moving
 * an entry to the end on each read makes the first key the least recently used one.
 * Written here rather than taken from `lru-cache` (6 KB gzip of features the isolate
 * memory does not use) because the Worker bundle has a 100 KB budget.
 *
 * @module
 */

/** The bounds and clock of an {@link Lru}. */
export interface LruOptions<V> {
  /** Entries kept at most. */
  max: number;
  /** Total size kept at most, as `sizeOf` measures it; default: unbounded. */
  maxSize?: number;
  /** The size of a value (at least 1); default 1. */
  sizeOf?: (value: V) => number;
  /** Lifetime of an entry, in ms, unless `set` gives its own. */
  ttlMs: number;
  /** The clock, in ms. */
  now: () => number;
}

interface Entry<V> {
  value: V;
  size: number;
  expires: number;
}

/**
 * @example
 * const lru = new Lru<string>({ max: 2, ttlMs: 30_000, now: Date.now });
 * lru.set("a", "1"); lru.set("b", "2"); lru.get("a"); lru.set("c", "3");
 * lru.get("b"); // undefined: the least recently used went first
 */
export class Lru<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #options: LruOptions<V>;
  #size = 0;

  constructor(options: LruOptions<V>) {
    this.#options = options;
  }

  /** The value of `key`, now the most recently used; undefined when absent or expired. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expires <= this.#options.now()) {
      this.#size -= entry.size;
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` under `key` for `ttlMs`, then drops the least recently used entries past the bounds. */
  set(key: string, value: V, ttlMs = this.#options.ttlMs): void {
    this.delete(key);
    const size = Math.max(1, this.#options.sizeOf?.(value) ?? 1);
    const maxSize = this.#options.maxSize ?? Number.POSITIVE_INFINITY;
    if (size > maxSize) return;
    this.#entries.set(key, { value, size, expires: this.#options.now() + ttlMs });
    this.#size += size;
    while (this.#entries.size > this.#options.max || this.#size > maxSize) {
      const oldest = this.#entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  /** Forgets `key`. */
  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#size -= entry.size;
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear();
    this.#size = 0;
  }

  /** The keys held, least recently used first (expired ones included until read). */
  keys(): IterableIterator<string> {
    return this.#entries.keys();
  }

  /** Entries held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Total size held, as `sizeOf` measures it. */
  get calculatedSize(): number {
    return this.#size;
  }
}
