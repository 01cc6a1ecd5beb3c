/**
 * The one rule every KV read follows: it answers within {@link KV_TIMEOUT_MS} or it is
 * given up. A read that fails or hangs becomes {@link StoreUnavailable}, which the app
 * answers with 503 and `Retry-After` (see `worker/problem.ts`): a request never hangs
 * on KV, and a KV error is never a 500.
 *
 * @module
 */

/** A KV read that takes longer than this is given up: the request answers 503, it never hangs. */
export const KV_TIMEOUT_MS = 3000;

/** A KV read failed or took too long. The app answers 503 with Retry-After. */
export class StoreUnavailable extends Error {
  override name = "StoreUnavailable";
}

/**
 * Runs one KV read, rejecting with {@link StoreUnavailable} when it fails or takes longer
 * than `timeoutMs`. The timer is cleared as soon as the read settles.
 *
 * @example
 * const text = await withinTimeout(() => env.KV.get("claim:dnc-hack-2016"));
 */
export async function withinTimeout<T>(read: () => Promise<T>, timeoutMs: number = KV_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      read(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StoreUnavailable(`KV read took over ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    throw err instanceof StoreUnavailable ? err : new StoreUnavailable("KV read failed", { cause: err });
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
