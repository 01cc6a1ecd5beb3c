/**
 * Looks a feature key up in the index's sorted key array: a binary search, since the
 * keys are stored sorted in a typed array (no hash table to rebuild when a cold isolate
 * reads the index).
 *
 * @module
 */

/**
 * The position of `key` in the sorted `keys`, or -1.
 *
 * @example
 * findFeature(index.keys, featureKey("porton down")); // 1234, or -1
 */
export function findFeature(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}
