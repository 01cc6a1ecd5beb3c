/**
 * Reading the API's answers: a success body as JSON (checked against its schema when the
 * connection validates), the `ETag` of a record, a problem document, and the
 * {@link ClaimcardError} for a status the endpoint did not expect. A body is read whole by
 * the transport first, so every function here is synchronous.
 *
 * @module
 */
import type * as v from "valibot";
import { check, ProblemDetails } from "../schema/index.ts";
import { problemKind, problemRetryAfter } from "../shared/problems.ts";
import type { Connection } from "./connection.ts";
import { ClaimcardError } from "./errors.ts";
import { type Answer, type Call, label, send } from "./transport.ts";

/** How many schema errors a message lists before it says how many more there are. */
const SHOWN_ERRORS = 5;

/** How many characters of an unexpected body a message quotes. */
const SNIPPET_CHARS = 200;

/**
 * Parses a success body as JSON, checked against `schema` when `conn.validate` is on.
 * Throws kind `invalid-response` for a body that is not JSON or does not match.
 *
 * @example
 * const list = readJson(conn, call, answer, ClaimList, "ClaimList");
 */
export function readJson<S extends v.GenericSchema>(
  conn: Connection,
  call: Call,
  { res, text }: Answer,
  schema: S,
  name: string,
): v.InferOutput<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ClaimcardError(
      "invalid-response",
      `${label(call)}: ${res.status} with a body that is not JSON: ${snippet(text)}`,
      { status: res.status, cause: err },
    );
  }
  if (!conn.validate) return json as v.InferOutput<S>;
  const checked = check(schema, json);
  if (checked.ok) return checked.value;
  const more = checked.errors.length - SHOWN_ERRORS;
  const shown = checked.errors.slice(0, SHOWN_ERRORS).join("; ") + (more > 0 ? ` (+${more} more)` : "");
  throw new ClaimcardError("invalid-response", `${label(call)}: the response is not a valid ${name}: ${shown}`, {
    status: res.status,
  });
}

/**
 * Sends `call` and reads its 200 answer as `schema`; any other status throws
 * {@link unexpectedStatus}. What most endpoints do.
 *
 * @example
 * return sendForJson(conn, { method: "GET", path: "/v1/lookup", query: { url } }, signal, LookupResult, "LookupResult");
 */
export async function sendForJson<S extends v.GenericSchema>(
  conn: Connection,
  call: Call,
  signal: AbortSignal | undefined,
  schema: S,
  name: string,
): Promise<v.InferOutput<S>> {
  const answer = await send(conn, call, signal);
  if (answer.res.status !== 200) throw unexpectedStatus(call, answer);
  return readJson(conn, call, answer, schema, name);
}

/**
 * The ETag of a record response; the API always sends one, so its absence is an invalid response.
 *
 * @example
 * const etag = etagOf(call, answer.res);
 */
export function etagOf(call: Call, res: Response): string {
  const etag = res.headers.get("ETag");
  if (etag === null)
    throw new ClaimcardError("invalid-response", `${label(call)}: ${res.status} without an ETag header`, {
      status: res.status,
    });
  return etag;
}

/**
 * The problem document in a body, if it is one.
 *
 * @example
 * parseProblem('{"type":"about:blank","title":"Oops","status":502,"detail":"…"}')?.status; // 502
 */
export function parseProblem(text: string): ProblemDetails | null {
  try {
    const json: unknown = JSON.parse(text);
    return check(ProblemDetails, json).ok ? (json as ProblemDetails) : null;
  } catch {
    return null;
  }
}

/**
 * Tells whether an answer is the API's own 404 for an unknown claim id (and not, say, the
 * 404 of a `baseUrl` that is not claimcard).
 *
 * @example
 * if (isClaimNotFound(answer)) return null;
 */
export function isClaimNotFound({ res, text }: Answer): boolean {
  return res.status === 404 && problemKind(parseProblem(text)?.type ?? "") === "claim-not-found";
}

/**
 * The ClaimcardError of kind `problem` for a status the endpoint does not expect, with
 * the body's problem document, or one synthesized from the status for another body (a
 * proxy's HTML 502).
 *
 * @example
 * if (answer.res.status !== 200) throw unexpectedStatus(call, answer);
 */
export function unexpectedStatus(call: Call, { res, text }: Answer): ClaimcardError {
  const problem = parseProblem(text) ?? {
    type: "about:blank",
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    detail: text.trim() ? snippet(text) : `${label(call)} answered ${res.status} with no body.`,
  };
  const kind = problemKind(problem.type);
  const retryAfter = retryAfterOf(res.headers.get("Retry-After")) ?? (kind ? problemRetryAfter(kind) : undefined);
  return new ClaimcardError("problem", `${label(call)}: ${res.status} ${problem.title}: ${problem.detail}`, {
    status: res.status,
    problem,
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });
}

/**
 * A `Retry-After` header in seconds from now: delay-seconds, or an HTTP date (RFC 9110).
 *
 * @example
 * retryAfterOf("60"); // 60
 * retryAfterOf(null); // undefined
 */
export function retryAfterOf(header: string | null): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** The start of a body, on one line, for messages. */
function snippet(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > SNIPPET_CHARS ? `${line.slice(0, SNIPPET_CHARS)}…` : line;
}
