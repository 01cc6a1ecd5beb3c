/**
 * autocannon as a promise, for the bench and the reliability test.
 *
 * @module
 */
import autocannon from "autocannon";

/**
 * Runs autocannon and resolves with its result.
 *
 * @example
 * const r = await run({ url: base, duration: 5 });
 */
export function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}
