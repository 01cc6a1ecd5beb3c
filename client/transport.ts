/**
 * The client's transport: sends one request and reads its whole body within the
 * connection's time limit. It turns the two ways a call can end without an answer into
 * a {@link ClaimcardError} (`timeout`, `network`), passes a caller's own abort through as
 * it is, and refuses an admin call without a token before anything is sent. It does not
 * judge statuses: what an answer means is each endpoint's business (`response.ts`).
 *
 * @module
 */
import { PROBLEM_MEDIA_TYPE, PROBLEMS, problemType } from "../shared/problems.ts";
import type { Connection } from "./connection.ts";
import { ClaimcardError } from "./errors.ts";

/**
 * One request to send.
 *
 * @example
 * const call: Call = { method: "GET", path: "/v1/lookup", query: { url } };
 */
export interface Call {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined | null>;
  headers?: Record<string, string>;
  json?: unknown;
  /** Sends the connection's admin token; refused locally when there is none. */
  admin?: boolean;
}

/**
 * An answer, fully read.
 *
 * @example
 * const { res, text }: Answer = await send(conn, call);
 */
export interface Answer {
  res: Response;
  text: string;
}

/**
 * Sends `call` and reads its whole body, within `conn.timeoutMs`. Rejects with a
 * ClaimcardError of kind `timeout` or `network`, or with the reason of `signal` when the
 * caller aborts.
 *
 * @example
 * const answer = await send(conn, { method: "GET", path: "/v1/claims" }, options.signal);
 */
export async function send(conn: Connection, call: Call, signal?: AbortSignal): Promise<Answer> {
  if (call.admin && !conn.token) throw noTokenRefusal(call);
  const timeout = AbortSignal.timeout(conn.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  // Called as a plain function, never as `conn.fetch(…)`: a browser's fetch throws
  // "Illegal invocation" when called on another object.
  const { fetch: doFetch } = conn;
  try {
    const res = await doFetch(conn.base + call.path + queryString(call.query), {
      method: call.method,
      headers: requestHeaders(conn, call),
      body: call.json === undefined ? undefined : JSON.stringify(call.json),
      signal: combined,
    });
    const text = await res.text();
    return { res, text };
  } catch (err) {
    if (timeout.aborted && combined.reason === timeout.reason) {
      throw new ClaimcardError("timeout", `${label(call)}: no answer within ${conn.timeoutMs} ms`, { cause: err });
    }
    if (signal?.aborted) throw err;
    throw new ClaimcardError("network", `${label(call)}: ${describe(err)}`, { cause: err });
  }
}

/**
 * `GET /v1/claims`: how a call is named in messages.
 *
 * @example
 * label({ method: "GET", path: "/v1/claims" }); // "GET /v1/claims"
 */
export function label(call: Pick<Call, "method" | "path">): string {
  return `${call.method} ${call.path}`;
}

/** The headers of one request: the connection's, the call's, and the ones the client owns. */
function requestHeaders(conn: Connection, call: Call): Headers {
  const headers = new Headers(conn.headers);
  headers.set("Accept", `application/json, ${PROBLEM_MEDIA_TYPE};q=0.9`);
  for (const [name, value] of Object.entries(call.headers ?? {})) headers.set(name, value);
  if (call.admin) headers.set("Authorization", `Bearer ${conn.token}`);
  if (call.json !== undefined) headers.set("Content-Type", "application/json");
  return headers;
}

/** The error of an admin call made without a token: the API's own 401, synthesized, with nothing sent. */
function noTokenRefusal(call: Call): ClaimcardError {
  return new ClaimcardError(
    "problem",
    `${label(call)}: no admin token: pass { token } to createClient (nothing was sent)`,
    {
      problem: {
        type: problemType("unauthorized"),
        title: PROBLEMS.unauthorized.title,
        status: PROBLEMS.unauthorized.status,
        detail: "No admin token was given to createClient, so the request was not sent.",
      },
    },
  );
}

/** `?a=1&b=2` from the defined values of `query`, or "". */
function queryString(query: Call["query"]): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null) params.set(name, String(value));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** A readable reason for a failed fetch (Node puts the socket error in `cause`). */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const code = cause && "code" in cause ? ` (${String(cause.code)})` : "";
  return cause ? `${err.message}: ${cause.message}${code}` : err.message;
}
