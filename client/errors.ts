/**
 * The one error the claimcard client throws (besides a caller's own `AbortError`).
 *
 * @module
 */
import type { ProblemDetails } from "../schema/index.ts";

/**
 * Why a call failed:
 * - `problem`: the API answered with an error status (4xx/5xx, or an unexpected one);
 *   `problem` holds its problem+json body, or one synthesized from the status. Also used,
 *   with `status: null`, for an admin call refused locally because no token was given.
 * - `timeout`: no complete answer within `timeoutMs`; the request was aborted.
 * - `network`: the request could not be sent or its answer could not be read
 *   (connection refused, DNS, TLS, reset…).
 * - `invalid-response`: a success status with a body that is not the expected JSON (or,
 *   with `validate: true`, does not match the schema), or a missing `ETag`.
 */
export type ClaimcardErrorKind = "problem" | "timeout" | "network" | "invalid-response";

/**
 * An API call that failed. Switch on `kind`; for `problem`, `status` and `problem` say
 * what the API answered (`problem.errors` lists each bad field of a 400).
 *
 * @example
 * try {
 *   await client.listClaims({ since: "2016-13-01" });
 * } catch (err) {
 *   if (err instanceof ClaimcardError && err.kind === "problem" && err.status === 400) {
 *     console.error(err.problem?.errors); // ["since: must be a real date …"]
 *   } else throw err;
 * }
 */
export class ClaimcardError extends Error {
  override readonly name = "ClaimcardError";
  /** What went wrong; see {@link ClaimcardErrorKind}. */
  readonly kind: ClaimcardErrorKind;
  /** The HTTP status received, or null when no answer was received (timeout, network, local refusal). */
  readonly status: number | null;
  /** For `kind: "problem"`: the RFC 9457 body the API sent, or one synthesized for a non-problem body. */
  readonly problem: ProblemDetails | undefined;
  /**
   * For `kind: "problem"`: the seconds to wait before trying again, from the answer's
   * `Retry-After`, else the problem catalogue's hint for its kind (`rate-limited`,
   * `not-loaded`, `unavailable`); undefined when waiting alone will not help.
   */
  readonly retryAfter: number | undefined;

  /**
   * @example
   * new ClaimcardError("timeout", "GET /v1/claims: no answer within 5000 ms");
   */
  constructor(
    kind: ClaimcardErrorKind,
    message: string,
    init: { status?: number | null; problem?: ProblemDetails; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status ?? null;
    this.problem = init.problem;
    this.retryAfter = init.retryAfter;
  }
}

/**
 * Tells whether a value is a {@link ClaimcardError}, optionally of one kind.
 *
 * @example
 * if (isClaimcardError(err, "timeout")) retryLater();
 */
export function isClaimcardError(value: unknown, kind?: ClaimcardErrorKind): value is ClaimcardError {
  return value instanceof ClaimcardError && (kind === undefined || value.kind === kind);
}
