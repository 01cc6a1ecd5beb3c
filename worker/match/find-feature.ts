/**
 * Looks a feature key up in the index's sorted key array. The keys are hashes, spread
 * evenly over 0…2^53, so an interpolation search (guess the position from the key's
 * value, then narrow) finds a key in two or three probes where a binary search over
 * 250,000 keys takes eighteen, each a likely cache miss: most of a match's CPU is these
 * lookups, and most of them miss. A few steps of binary search take over if the guesses
 * stop converging, so a skewed array is never slower than a binary search.
 *
 * @module
 */

/** Interpolation steps before falling back to binary search. */
const GUESSES = 6;

/**
 * The position of `key` in the sorted `keys`, or -1.
 *
 * @example
 * findFeature(index.keys, featureKey("porton down")); // 1234, or -1
 */
export function findFeature(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  for (let step = 0; step < GUESSES && lo <= hi; step++) {
    const low = keys[lo]!;
    const high = keys[hi]!;
    if (key < low || key > high) return -1;
    if (high === low) return low === key ? lo : -1;
    const mid = lo + Math.floor(((key - low) / (high - low)) * (hi - lo));
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}
