/**
 * RFC 9457 problem details: every error the API returns is `application/problem+json`
 * with `{ type, title, status, detail }`, and never a stack trace.
 *
 * @module
 */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { StoreUnavailable } from "./store/store.ts";

/** The media type of every error response. */
export const PROBLEM_TYPE = "application/problem+json";

/** A problem document. `type` is a stable URN that names the kind of problem. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

/**
 * Builds a problem+json response.
 *
 * @example
 * return problemResponse(404, "not-found", "Claim not found", `No claim has the id "x".`);
 */
export function problemResponse(
  status: ContentfulStatusCode,
  kind: string,
  title: string,
  detail: string,
  init: { headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
): Response {
  const body: ProblemBody = { type: `urn:claimcard:problem:${kind}`, title, status, detail, ...init.extensions };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": PROBLEM_TYPE, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...init.headers },
  });
}

/**
 * An error that becomes a problem+json response when thrown from a handler or middleware.
 *
 * @example
 * throw new Problem(400, "invalid-id", "Invalid claim id", "An id is a lowercase slug.");
 */
export class Problem extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    kind: string,
    title: string,
    detail: string,
    init?: { headers?: Record<string, string>; extensions?: Record<string, unknown> },
  ) {
    super(status, { message: detail, res: problemResponse(status, kind, title, detail, init) });
  }
}

const TITLES: Partial<Record<number, [kind: string, title: string]>> = {
  400: ["bad-request", "Bad request"],
  401: ["unauthorized", "Unauthorized"],
  404: ["not-found", "Not found"],
  405: ["method-not-allowed", "Method not allowed"],
  408: ["timeout", "Request timeout"],
  413: ["payload-too-large", "Payload too large"],
  415: ["unsupported-media-type", "Unsupported media type"],
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
    if (res.headers.get("Content-Type")?.startsWith(PROBLEM_TYPE)) return res;
    const status = err.status as ContentfulStatusCode;
    const [kind, title] = TITLES[status] ?? ["http-error", "HTTP error"];
    const headers: Record<string, string> = {};
    const auth = res.headers.get("WWW-Authenticate");
    if (auth) headers["WWW-Authenticate"] = auth;
    return problemResponse(status, kind, title, err.message || title, { headers });
  }
  const transient = err as { retryable?: unknown; overloaded?: unknown } | null;
  if (err instanceof StoreUnavailable || transient?.retryable === true || transient?.overloaded === true) {
    console.error(`claimcard: ${(err as Error).message}`, (err as Error).cause ?? "");
    return problemResponse(503, "unavailable", "Service unavailable", "The claim store could not be reached. Retry shortly.", {
      headers: { "Retry-After": "5" },
    });
  }
  console.error("claimcard: unexpected error", err);
  return problemResponse(500, "internal-error", "Internal error", "Something went wrong on our side; it has been logged.");
}
