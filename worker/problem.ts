/**
 * RFC 9457 problem details: every error the API returns is `application/problem+json`
 * with `{ type, title, status, detail }` (and `errors` for the kinds that list bad
 * fields), built from the catalogue in `shared/problems.ts`, and never a stack trace.
 *
 * @module
 */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  PROBLEM_MEDIA_TYPE,
  PROBLEMS,
  type ProblemKind,
  type ProblemKindWithErrors,
  problemRetryAfter,
  problemType,
} from "../shared/problems.ts";
import { StoreUnavailable } from "./store/kv-timeout.ts";

export { PROBLEM_MEDIA_TYPE };

/** A problem document. `type` is a stable URN that names the kind of problem. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: string[];
}

/** Response headers of a problem, and its `errors` when its kind lists bad fields. */
type ProblemInit<K extends ProblemKind> = K extends ProblemKindWithErrors
  ? [init: { errors: string[]; headers?: Record<string, string> }]
  : [init?: { headers?: Record<string, string> }];

/**
 * Builds a problem+json response of a kind from the catalogue, with the catalogue's
 * `Retry-After` for the kinds a client may retry.
 *
 * @example
 * return problemResponse("claim-not-found", `No claim has the id "x".`);
 * return problemResponse("invalid-query", "limit: must be …", { errors: ["limit: must be …"] });
 */
export function problemResponse<K extends ProblemKind>(kind: K, detail: string, ...[init]: ProblemInit<K>): Response {
  const { status, title } = PROBLEMS[kind];
  const retryAfter = problemRetryAfter(kind);
  const errors = init && "errors" in init ? init.errors : undefined;
  const body: ProblemBody = { type: problemType(kind), title, status, detail, ...(errors ? { errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": PROBLEM_MEDIA_TYPE,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...(retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) }),
      ...init?.headers,
    },
  });
}

/**
 * An error that becomes a problem+json response when thrown from a handler or middleware.
 *
 * @example
 * throw new Problem("claim-not-found", `No claim has the id "${id}".`);
 */
export class Problem<K extends ProblemKind = ProblemKind> extends HTTPException {
  readonly kind: K;

  constructor(kind: K, detail: string, ...init: ProblemInit<K>) {
    super(PROBLEMS[kind].status as ContentfulStatusCode, {
      message: detail,
      res: problemResponse(kind, detail, ...init),
    });
    this.kind = kind;
  }
}

/** The problem kind of an HTTP error thrown by Hono's own middleware, by status. */
const HONO_STATUS_KINDS: Partial<Record<number, ProblemKind>> = {
  400: "bad-request",
  401: "unauthorized",
  404: "not-found",
  405: "method-not-allowed",
  408: "timeout",
  413: "payload-too-large",
  415: "unsupported-media-type",
};

/**
 * Turns any thrown value into a problem response. Known HTTP errors keep their status. A
 * KV read that failed or timed out ({@link StoreUnavailable}), or a Durable Object that
 * says it is overloaded or the call may be retried, is a 503 with `Retry-After`: the
 * client may retry. Anything else is a bug: logged, and a 500 that says nothing more.
 *
 * @example
 * app.onError((err) => toProblem(err));
 */
export function toProblem(err: unknown): Response {
  if (err instanceof HTTPException) {
    const res = err.getResponse();
    if (res.headers.get("Content-Type")?.startsWith(PROBLEM_MEDIA_TYPE)) return res;
    const kind = HONO_STATUS_KINDS[err.status] ?? (err.status >= 500 ? "internal-error" : "bad-request");
    const headers: Record<string, string> = {};
    const auth = res.headers.get("WWW-Authenticate");
    if (auth) headers["WWW-Authenticate"] = auth;
    return problemResponse(kind as Exclude<ProblemKind, ProblemKindWithErrors>, err.message || PROBLEMS[kind].title, {
      headers,
    });
  }
  const transient = err as { retryable?: unknown; overloaded?: unknown } | null;
  if (err instanceof StoreUnavailable || transient?.retryable === true || transient?.overloaded === true) {
    console.error(`claimcard: ${(err as Error).message}`, (err as Error).cause ?? "");
    return problemResponse("unavailable", "The claim store could not be reached. Retry shortly.");
  }
  console.error("claimcard: unexpected error", err);
  return problemResponse("internal-error", "Something went wrong on our side; it has been logged.");
}
