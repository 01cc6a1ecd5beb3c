/**
 * The API's problem catalogue (RFC 9457): every kind of error it answers, with its status,
 * its title and whether it lists the fields at fault in `errors`. The Worker builds every
 * error from it, the client and the tests check against it, and the OpenAPI document
 * describes it; no route writes a problem type or title of its own.
 *
 * @module
 */

/** The media type of every error response. */
export const PROBLEM_MEDIA_TYPE = "application/problem+json";

/** Every problem `type` is this prefix and a kind from {@link PROBLEMS}. */
export const PROBLEM_TYPE_PREFIX = "urn:claimcard:problem:";

/**
 * Every kind of problem: `status`, `title`, `errors: true` when the answer lists each
 * bad field (`"since: must be a real date …"`), and `retryAfter`, for a kind the client
 * may simply retry, the seconds it should wait: the `Retry-After` header every such answer
 * carries. (`rate-limited` waits out the period of the Rate Limiting bindings in
 * wrangler.toml, a minute; `not-loaded` gives a `data:load` time to publish; `unavailable`
 * is a KV or Durable Object hiccup.)
 */
export const PROBLEMS = {
  "invalid-query": { status: 400, title: "Invalid request query string", errors: true },
  "invalid-param": { status: 400, title: "Invalid request path", errors: true },
  "invalid-json": { status: 400, title: "Invalid request body", errors: true },
  "invalid-header": { status: 400, title: "Invalid request headers", errors: true },
  "bad-request": { status: 400, title: "Bad request", errors: false },
  "bad-authorization": { status: 400, title: "Bad Authorization header", errors: false },
  "id-mismatch": { status: 400, title: "Id mismatch", errors: false },
  unauthorized: { status: 401, title: "Unauthorized", errors: false },
  "cors-refused": { status: 403, title: "Cross-origin request refused", errors: false },
  "second-editor-required": { status: 403, title: "Second editor required", errors: false },
  "not-found": { status: 404, title: "Not found", errors: false },
  "claim-not-found": { status: 404, title: "Claim not found", errors: false },
  "not-a-claim-url": { status: 404, title: "Not a claim URL", errors: false },
  "draft-not-found": { status: 404, title: "Draft not found", errors: false },
  "version-not-found": { status: 404, title: "Version not found", errors: false },
  "method-not-allowed": { status: 405, title: "Method not allowed", errors: false },
  timeout: { status: 408, title: "Request timeout", errors: false },
  "too-many-drafts": { status: 409, title: "Too many drafts", errors: false },
  "stale-etag": { status: 412, title: "Precondition failed", errors: false },
  "payload-too-large": { status: 413, title: "Payload too large", errors: false },
  "unsupported-media-type": { status: 415, title: "Unsupported media type", errors: false },
  "draft-invalid": { status: 422, title: "Draft not publishable", errors: true },
  "if-match-required": { status: 428, title: "Precondition required", errors: false },
  "rate-limited": { status: 429, title: "Too many requests", errors: false, retryAfter: 60 },
  "internal-error": { status: 500, title: "Internal error", errors: false },
  "format-not-implemented": { status: 501, title: "Format not implemented", errors: false },
  unavailable: { status: 503, title: "Service unavailable", errors: false, retryAfter: 5 },
  "not-loaded": { status: 503, title: "No claims loaded", errors: false, retryAfter: 60 },
} as const satisfies Record<string, { status: number; title: string; errors: boolean; retryAfter?: number }>;

/** A kind of problem the API answers. */
export type ProblemKind = keyof typeof PROBLEMS;

/** The HTTP status of a kind of problem. */
export type ProblemStatus = (typeof PROBLEMS)[ProblemKind]["status"];

/** The kinds that list the fields at fault. */
export type ProblemKindWithErrors = {
  [K in ProblemKind]: (typeof PROBLEMS)[K]["errors"] extends true ? K : never;
}[ProblemKind];

/**
 * The seconds a client should wait before retrying a kind of problem (its `Retry-After`),
 * or undefined for a kind that a retry alone does not fix.
 *
 * @example
 * problemRetryAfter("rate-limited"); // 60
 * problemRetryAfter("claim-not-found"); // undefined
 */
export function problemRetryAfter(kind: ProblemKind): number | undefined {
  const entry = PROBLEMS[kind];
  return "retryAfter" in entry ? entry.retryAfter : undefined;
}

/**
 * The `type` URI of a kind of problem.
 *
 * @example
 * problemType("claim-not-found"); // "urn:claimcard:problem:claim-not-found"
 */
export function problemType(kind: ProblemKind): string {
  return PROBLEM_TYPE_PREFIX + kind;
}

/**
 * The kind of a problem `type`, if it is one of the catalogue's.
 *
 * @example
 * problemKind("urn:claimcard:problem:stale-etag"); // "stale-etag"
 * problemKind("about:blank");                      // undefined
 */
export function problemKind(type: string): ProblemKind | undefined {
  if (!type.startsWith(PROBLEM_TYPE_PREFIX)) return undefined;
  const kind = type.slice(PROBLEM_TYPE_PREFIX.length);
  return Object.hasOwn(PROBLEMS, kind) ? (kind as ProblemKind) : undefined;
}

/**
 * The kinds of problem a status may carry, for the OpenAPI document and the tests.
 *
 * @example
 * problemKindsOf(412); // ["stale-etag"]
 */
export function problemKindsOf(status: number): ProblemKind[] {
  return (Object.keys(PROBLEMS) as ProblemKind[]).filter((k) => PROBLEMS[k].status === status);
}
