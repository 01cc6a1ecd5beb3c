/**
 * The budgets of docs/design.md that the build and the bench check, and the platform
 * limit the match index is held to, in one place: `scripts/build.ts` fails over the
 * widget's budget, `npm run bench` prints every figure against its budget, and the tests
 * of the constants check records against Workers KV's limit. (The API's own numbers are
 * in `shared/constants.ts`; these are not part of its contract.)
 *
 * @module
 */

/**
 * `widget.js`, gzip, Lit included: the build fails above it.
 *
 * @example
 * if (gzipBytes > WIDGET_BUDGET_GZIP) process.exit(1);
 */
export const WIDGET_BUDGET_GZIP = 12 * 1024;

/**
 * The Worker bundle, gzip.
 *
 * @example
 * check("Worker bundle", size, "≤ 100 KB", size <= WORKER_BUDGET_GZIP);
 */
export const WORKER_BUDGET_GZIP = 100 * 1024;

/**
 * Workers KV: the largest value it stores (25 MiB), which bounds a record and the match index.
 *
 * @example
 * expect(indexBytes).toBeLessThanOrEqual(KV_MAX_VALUE_BYTES);
 */
export const KV_MAX_VALUE_BYTES = 25 * 1024 * 1024;

/**
 * `POST /v1/match`: p50 CPU for a 1,500-word article against 10,000 claims, in ms.
 *
 * @example
 * check("match CPU", `${p50} ms`, `≤ ${MATCH_CPU_BUDGET_MS} ms`, p50 <= MATCH_CPU_BUDGET_MS);
 */
export const MATCH_CPU_BUDGET_MS = 5;

/**
 * `GET /v1/claims/:id`: the least throughput, as a share of a no-op route's.
 *
 * @example
 * check("by id vs no-op", `${ratio}`, `≥ ${BY_ID_VS_NOOP_MIN * 100}%`, ratio >= BY_ID_VS_NOOP_MIN);
 */
export const BY_ID_VS_NOOP_MIN = 0.8;
