/**
 * 53-bit keys for words and phrases, computed incrementally, so that the matcher can
 * look up "fancy", "fancy bear" and "fancy bear apt28" without building those strings:
 * two 32-bit FNV-1a hashes with different offsets, combined. Collisions among a few
 * million features are about one in a billion per lookup.
 *
 * @module
 */

const PRIME = 16777619;
const OFFSET_A = 2166136261;
const OFFSET_B = 3735928559;

/** The running state of the two hashes. */
export interface HashState {
  a: number;
  b: number;
}

/** A fresh state. */
export function hashStart(): HashState {
  return { a: OFFSET_A, b: OFFSET_B };
}

/**
 * Feeds a string into a state, in place, and returns it.
 *
 * @example
 * const s = hashStart();
 * hashFeed(s, "fancy"); hashFeed(s, " bear");
 * hashKey(s) === featureKey("fancy bear"); // true
 */
export function hashFeed(state: HashState, text: string): HashState {
  let { a, b } = state;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, PRIME);
    b = Math.imul(b ^ c, PRIME) ^ (b >>> 13);
  }
  state.a = a;
  state.b = b;
  return state;
}

/** The 53-bit key of a state: 32 bits of one hash, 21 of the other. */
export function hashKey(state: HashState): number {
  return (state.a >>> 0) * 2097152 + ((state.b >>> 0) & 0x1fffff);
}

/**
 * The key of a whole feature (stems joined by single spaces).
 *
 * @example
 * featureKey("porton down");
 */
export function featureKey(feature: string): number {
  return hashKey(hashFeed(hashStart(), feature));
}

/**
 * The keys of the phrases of 1 to `max` stems starting at `stems[i]`, written into
 * `out` (reused by the caller, so that the matcher's inner loop allocates nothing);
 * returns how many were written. Equal to `featureKey` of each phrase.
 *
 * @example
 * const out: number[] = [];
 * gramKeys(["fancy", "bear"], 0, 4, out); // 2; out[1] === featureKey("fancy bear")
 */
export function gramKeys(stems: readonly string[], i: number, max: number, out: number[]): number {
  let a = OFFSET_A;
  let b = OFFSET_B;
  let n = 0;
  for (; n < max && i + n < stems.length; n++) {
    if (n > 0) {
      a = Math.imul(a ^ 32, PRIME);
      b = Math.imul(b ^ 32, PRIME) ^ (b >>> 13);
    }
    const word = stems[i + n]!;
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k);
      a = Math.imul(a ^ c, PRIME);
      b = Math.imul(b ^ c, PRIME) ^ (b >>> 13);
    }
    out[n] = (a >>> 0) * 2097152 + ((b >>> 0) & 0x1fffff);
  }
  return n;
}
