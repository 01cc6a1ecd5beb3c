/**
 * Small statistics for the bench and the tests that report figures.
 *
 * @module
 */

/**
 * The p-th percentile of a list of numbers (sorted or not).
 *
 * @example
 * percentile([3, 1, 2], 50); // 2
 */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
