/**
 * The typed client of the claimcard API, for Node scripts and for other Workers (pass a
 * service binding's `fetch`). Every type comes from `schema/`; with `validate: true`,
 * every response is also checked against the same Valibot schemas the Worker uses.
 *
 * @example
 * import { createClient, ClaimcardError } from "claimcard/client";
 * const claimcard = createClient({ baseUrl: "https://claimcard.example.org" });
 * const hit = await claimcard.getClaim("dnc-hack-2016");
 * if (hit) console.log(hit.claim.incident.title.en, hit.etag);
 *
 * @module
 */
import type * as v from "valibot";
import {
  Claim,
  ClaimList,
  type ClaimSummary,
  check,
  type ListQuery,
  LookupResult,
  type MatchRequest,
  MatchResult,
  OEmbed,
  type OEmbedQuery,
  ProblemDetails,
} from "../schema/index.ts";
import { FETCH_TIMEOUT_MS } from "../shared/constants.ts";
import { PROBLEMS, problemType } from "../shared/problems.ts";
import { ClaimcardError } from "./errors.ts";

export type {
  Claim,
  ClaimList,
  ClaimSummary,
  ListQuery,
  LookupResult,
  Match,
  MatchRequest,
  MatchResult,
  OEmbed,
  ProblemDetails,
} from "../schema/index.ts";
export { ClaimcardError, type ClaimcardErrorKind, isClaimcardError } from "./errors.ts";

/**
 * How long a call may take, from sending the request to reading the whole body.
 *
 * @example
 * createClient({ baseUrl, timeoutMs: DEFAULT_TIMEOUT_MS * 2 });
 */
export const DEFAULT_TIMEOUT_MS = FETCH_TIMEOUT_MS;

/** The `type` of the problem the API answers for an unknown claim id. */
const CLAIM_NOT_FOUND = problemType("claim-not-found");

/**
 * Options of {@link createClient}.
 *
 * @example
 * const options: ClaimcardClientOptions = { baseUrl: "http://127.0.0.1:8787", timeoutMs: 2000, validate: true };
 */
export interface ClaimcardClientOptions {
  /** The API origin, optionally with a path prefix: `https://claimcard.example.org`. */
  baseUrl: string;
  /** The `fetch` to call; default `globalThis.fetch`. In a Worker, a service binding's (bound) `fetch`. */
  fetch?: typeof fetch;
  /** Per-call time limit in milliseconds, body included; default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** The admin bearer token. Sent only by `putClaim` and `deleteClaim`. */
  token?: string;
  /** Extra headers sent with every request (e.g. `User-Agent`). */
  headers?: Record<string, string>;
  /** Check every response with the schemas of `schema/`; a mismatch throws kind `"invalid-response"`. Default false. */
  validate?: boolean;
}

/**
 * What every method accepts last: a signal to cancel the call. A caller's abort rejects
 * with the signal's reason (an `AbortError` `DOMException` by default), never a
 * {@link ClaimcardError}.
 *
 * @example
 * await client.listClaims({}, { signal: AbortSignal.timeout(1000) });
 */
export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * `listClaims` filters: the `GET /v1/claims` query parameters, each optional; numbers
 * may be given as numbers (`limit: 2`) or as their query-string form (`limit: "2"`).
 *
 * @example
 * const query: ListClaimsQuery = { accused: "APT28", lang: "fr", limit: 10 };
 */
export type ListClaimsQuery = { [K in keyof ListQuery]?: ListQuery[K] | v.InferInput<typeof ListQuery>[K] };

/**
 * `oembed` options: the size and language parameters of `GET /v1/oembed`.
 *
 * @example
 * await client.oembed(pageUrl, { maxwidth: 480, lang: "fr" });
 */
export type OEmbedOptions = Pick<v.InferOutput<typeof OEmbedQuery>, "maxwidth" | "maxheight" | "lang">;

/**
 * A claim record and its `ETag` (to revalidate with `ifNoneMatch`, or to replace with `ifMatch`).
 *
 * @example
 * const { claim, etag }: ClaimWithEtag = (await client.getClaim("dnc-hack-2016"))!;
 */
export type ClaimWithEtag = { claim: Claim; etag: string };

/**
 * The answer to a `getClaim` with `ifNoneMatch` when the record has not changed (304).
 *
 * @example
 * const r = await client.getClaim(id, { ifNoneMatch: etag });
 * if (r && "notModified" in r) return cached;
 */
export type NotModified = { notModified: true };

/**
 * What `putClaim` answers: the stored record (with the version and `updatedAt` the
 * Worker set), its new `ETag`, and whether it was created (201) or replaced (200).
 *
 * @example
 * const { claim, etag, created }: PutClaimResult = await admin.putClaim(draft, { ifNoneMatch: "*" });
 */
export type PutClaimResult = ClaimWithEtag & { created: boolean };

/**
 * The claimcard client. Every method is async and takes a trailing `{ signal }`; every
 * failure is a {@link ClaimcardError} (or the caller's own abort reason).
 *
 * @example
 * const client: ClaimcardClient = createClient({ baseUrl });
 * for await (const item of client.allClaims({ accused: "russia" })) console.log(item.id);
 */
export interface ClaimcardClient {
  /**
   * `GET /v1/claims/:id`: the record and its ETag, or null if no claim has this id.
   *
   * @example
   * const hit = await client.getClaim("dnc-hack-2016");
   */
  getClaim(id: string, options?: RequestOptions & { ifNoneMatch?: undefined }): Promise<ClaimWithEtag | null>;
  /**
   * `GET /v1/claims/:id` with `If-None-Match`: `{ notModified: true }` when the ETag still holds (304).
   *
   * @example
   * const r = await client.getClaim("dnc-hack-2016", { ifNoneMatch: etag });
   * if (r && "notModified" in r) { ... }
   */
  getClaim(id: string, options: RequestOptions & { ifNoneMatch: string }): Promise<ClaimWithEtag | NotModified | null>;
  /**
   * `GET /v1/claims/:id`, with an `ifNoneMatch` that may or may not be set.
   *
   * @example
   * const r = await client.getClaim(id, { ifNoneMatch: cached?.etag });
   */
  getClaim(
    id: string,
    options?: RequestOptions & { ifNoneMatch?: string },
  ): Promise<ClaimWithEtag | NotModified | null>;
  /**
   * `GET /v1/claims`: one page of summaries, newest incident first, and the next page's cursor.
   *
   * @example
   * const { items, cursor } = await client.listClaims({ accused: "APT28", lang: "fr", limit: 10 });
   */
  listClaims(query?: ListClaimsQuery, options?: RequestOptions): Promise<ClaimList>;
  /**
   * Every summary matching `query`, following `cursor` from page to page (one request,
   * with its own timeout, per page). Stop iterating to stop fetching.
   *
   * @example
   * for await (const item of client.allClaims({ topic: "hack-and-leak", limit: 50 })) console.log(item.id);
   */
  allClaims(query?: ListClaimsQuery, options?: RequestOptions): AsyncGenerator<ClaimSummary, void, undefined>;
  /**
   * `GET /v1/lookup`: the claims an editor linked to this article URL (any spelling of it).
   *
   * @example
   * const { claims } = await client.lookup("https://www.example.org/article?utm_source=x");
   */
  lookup(url: string, options?: RequestOptions): Promise<LookupResult>;
  /**
   * `POST /v1/match`: the claims an article's text is about; `{ matches: [] }` for an unrelated one.
   *
   * @example
   * const { matches } = await client.match({ text: article, lang: "fr", limit: 3 });
   */
  match(request: MatchRequest, options?: RequestOptions): Promise<MatchResult>;
  /**
   * `GET /v1/oembed`: the oEmbed `rich` embed of a claim page URL.
   *
   * @example
   * const { html } = await client.oembed("https://claimcard.example.org/claims/dnc-hack-2016", { maxwidth: 480 });
   */
  oembed(url: string, options?: OEmbedOptions & RequestOptions): Promise<OEmbed>;
  /**
   * Admin `PUT /v1/claims/:id`: creates (`ifNoneMatch: "*"` to refuse replacing) or
   * replaces (`ifMatch`: the ETag being replaced; 412 if stale, 428 if missing) a record.
   *
   * @example
   * const { etag } = await admin.putClaim({ ...claim, status: "indicted" }, { ifMatch: claimEtag });
   */
  putClaim(claim: Claim, options?: { ifMatch?: string; ifNoneMatch?: "*" } & RequestOptions): Promise<PutClaimResult>;
  /**
   * Admin `DELETE /v1/claims/:id`, guarded by the ETag of the version being deleted.
   *
   * @example
   * await admin.deleteClaim("old-claim", { ifMatch: etag });
   */
  deleteClaim(id: string, options: { ifMatch: string } & RequestOptions): Promise<void>;
}

/** One request to send. */
interface Call {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined | null>;
  headers?: Record<string, string>;
  json?: unknown;
  admin?: boolean;
}

/** An answer, fully read. */
interface Answer {
  res: Response;
  text: string;
}

/**
 * Creates a client of the claimcard API at `baseUrl`. Throws a `TypeError` for a
 * `baseUrl` that is not an absolute http(s) URL or a `timeoutMs` that is not positive.
 *
 * @example
 * // Node script
 * const client = createClient({ baseUrl: "http://127.0.0.1:8787", validate: true });
 * const { items } = await client.listClaims({ accused: "APT28" });
 *
 * @example
 * // Another Worker, through a service binding
 * const client = createClient({ baseUrl: "https://claimcard.internal", fetch: env.CLAIMCARD.fetch.bind(env.CLAIMCARD) });
 */
export function createClient(options: ClaimcardClientOptions): ClaimcardClient {
  const base = normalizeBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0))
    throw new TypeError(`claimcard: timeoutMs must be a positive number of milliseconds (got ${timeoutMs})`);
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const { token, validate = false } = options;
  const extraHeaders = options.headers ?? {};

  /** Sends one request and reads its whole body, within the timeout. */
  async function send(call: Call, signal: AbortSignal | undefined): Promise<Answer> {
    const label = `${call.method} ${call.path}`;
    if (call.admin && !token) {
      throw new ClaimcardError(
        "problem",
        `${label}: no admin token: pass { token } to createClient (nothing was sent)`,
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
    const headers = new Headers(extraHeaders);
    headers.set("Accept", "application/json, application/problem+json;q=0.9");
    for (const [name, value] of Object.entries(call.headers ?? {})) headers.set(name, value);
    if (call.admin) headers.set("Authorization", `Bearer ${token}`);
    let body: string | undefined;
    if (call.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(call.json);
    }

    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const res = await doFetch(base + call.path + queryString(call.query), {
        method: call.method,
        headers,
        body,
        signal: combined,
      });
      const text = await res.text();
      return { res, text };
    } catch (err) {
      if (timeout.aborted && combined.reason === timeout.reason) {
        throw new ClaimcardError("timeout", `${label}: no answer within ${timeoutMs} ms`, { cause: err });
      }
      if (signal?.aborted) throw err;
      throw new ClaimcardError("network", `${label}: ${describe(err)}`, { cause: err });
    }
  }

  /** Parses a success body as JSON, checked against `schema` when `validate` is on. */
  function read<S extends v.GenericSchema>(
    schema: S,
    name: string,
    call: Call,
    { res, text }: Answer,
  ): v.InferOutput<S> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new ClaimcardError(
        "invalid-response",
        `${call.method} ${call.path}: ${res.status} with a body that is not JSON: ${snippet(text)}`,
        { status: res.status, cause: err },
      );
    }
    if (!validate) return json as v.InferOutput<S>;
    const checked = check(schema, json);
    if (checked.ok) return checked.value;
    const shown =
      checked.errors.slice(0, 5).join("; ") +
      (checked.errors.length > 5 ? ` (+${checked.errors.length - 5} more)` : "");
    throw new ClaimcardError(
      "invalid-response",
      `${call.method} ${call.path}: the response is not a valid ${name}: ${shown}`,
      { status: res.status },
    );
  }

  /** The ETag of a record response; the API always sends one. */
  function etagOf(call: Call, res: Response): string {
    const etag = res.headers.get("ETag");
    if (etag === null)
      throw new ClaimcardError(
        "invalid-response",
        `${call.method} ${call.path}: ${res.status} without an ETag header`,
        { status: res.status },
      );
    return etag;
  }

  function getClaim(id: string, opts?: RequestOptions & { ifNoneMatch?: undefined }): Promise<ClaimWithEtag | null>;
  function getClaim(
    id: string,
    opts: RequestOptions & { ifNoneMatch: string },
  ): Promise<ClaimWithEtag | NotModified | null>;
  function getClaim(
    id: string,
    opts?: RequestOptions & { ifNoneMatch?: string },
  ): Promise<ClaimWithEtag | NotModified | null>;
  async function getClaim(
    id: string,
    opts?: RequestOptions & { ifNoneMatch?: string },
  ): Promise<ClaimWithEtag | NotModified | null> {
    const call: Call = {
      method: "GET",
      path: `/v1/claims/${encodeURIComponent(id)}`,
      headers: opts?.ifNoneMatch === undefined ? {} : { "If-None-Match": opts.ifNoneMatch },
    };
    const answer = await send(call, opts?.signal);
    const { res } = answer;
    if (res.status === 304 && opts?.ifNoneMatch !== undefined) return { notModified: true };
    if (res.status === 404 && parseProblem(answer.text)?.type === CLAIM_NOT_FOUND) return null;
    if (res.status !== 200) throw failure(call, answer);
    return { claim: read(Claim, "Claim", call, answer), etag: etagOf(call, res) };
  }

  async function listClaims(query: ListClaimsQuery = {}, opts?: RequestOptions): Promise<ClaimList> {
    const call: Call = { method: "GET", path: "/v1/claims", query: { ...query } };
    const answer = await send(call, opts?.signal);
    if (answer.res.status !== 200) throw failure(call, answer);
    return read(ClaimList, "ClaimList", call, answer);
  }

  async function* allClaims(
    query: ListClaimsQuery = {},
    opts?: RequestOptions,
  ): AsyncGenerator<ClaimSummary, void, undefined> {
    let cursor = query.cursor;
    do {
      const page = await listClaims({ ...query, cursor }, opts);
      yield* page.items;
      if (page.cursor !== null && page.cursor === cursor) {
        throw new ClaimcardError(
          "invalid-response",
          `GET /v1/claims: the API returned the cursor it was given (${cursor}); stopping instead of looping`,
          { status: 200 },
        );
      }
      cursor = page.cursor ?? undefined;
    } while (cursor !== undefined);
  }

  async function lookup(url: string, opts?: RequestOptions): Promise<LookupResult> {
    const call: Call = { method: "GET", path: "/v1/lookup", query: { url } };
    const answer = await send(call, opts?.signal);
    if (answer.res.status !== 200) throw failure(call, answer);
    return read(LookupResult, "LookupResult", call, answer);
  }

  async function match(request: MatchRequest, opts?: RequestOptions): Promise<MatchResult> {
    const call: Call = { method: "POST", path: "/v1/match", json: request };
    const answer = await send(call, opts?.signal);
    if (answer.res.status !== 200) throw failure(call, answer);
    return read(MatchResult, "MatchResult", call, answer);
  }

  async function oembed(url: string, opts: OEmbedOptions & RequestOptions = {}): Promise<OEmbed> {
    const call: Call = {
      method: "GET",
      path: "/v1/oembed",
      query: { url, format: "json", maxwidth: opts.maxwidth, maxheight: opts.maxheight, lang: opts.lang },
    };
    const answer = await send(call, opts.signal);
    if (answer.res.status !== 200) throw failure(call, answer);
    return read(OEmbed, "OEmbed", call, answer);
  }

  async function putClaim(
    claim: Claim,
    opts: { ifMatch?: string; ifNoneMatch?: "*" } & RequestOptions = {},
  ): Promise<PutClaimResult> {
    const headers: Record<string, string> = {};
    if (opts.ifMatch !== undefined) headers["If-Match"] = opts.ifMatch;
    if (opts.ifNoneMatch !== undefined) headers["If-None-Match"] = opts.ifNoneMatch;
    const call: Call = {
      method: "PUT",
      path: `/v1/claims/${encodeURIComponent(claim.id)}`,
      headers,
      json: claim,
      admin: true,
    };
    const answer = await send(call, opts.signal);
    const { status } = answer.res;
    if (status !== 200 && status !== 201) throw failure(call, answer);
    return { claim: read(Claim, "Claim", call, answer), etag: etagOf(call, answer.res), created: status === 201 };
  }

  async function deleteClaim(id: string, opts: { ifMatch: string } & RequestOptions): Promise<void> {
    const call: Call = {
      method: "DELETE",
      path: `/v1/claims/${encodeURIComponent(id)}`,
      headers: { "If-Match": opts.ifMatch },
      admin: true,
    };
    const answer = await send(call, opts.signal);
    if (answer.res.status !== 204 && answer.res.status !== 200) throw failure(call, answer);
  }

  return { getClaim, listClaims, allClaims, lookup, match, oembed, putClaim, deleteClaim };
}

/** Checks `baseUrl` and drops its trailing slashes. */
function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`claimcard: baseUrl must be an absolute http(s) URL (got ${JSON.stringify(baseUrl)})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new TypeError(`claimcard: baseUrl must be an http(s) URL (got ${JSON.stringify(baseUrl)})`);
  if (url.search || url.hash)
    throw new TypeError(`claimcard: baseUrl must not have a query or a fragment (got ${JSON.stringify(baseUrl)})`);
  return (url.origin + url.pathname).replace(/\/+$/, "");
}

/** `?a=1&b=2` from the defined values of `query`, or "". */
function queryString(query: Call["query"]): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null) params.set(name, String(value));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The problem document in a body, if it is one. */
function parseProblem(text: string): ProblemDetails | null {
  try {
    const json: unknown = JSON.parse(text);
    return check(ProblemDetails, json).ok ? (json as ProblemDetails) : null;
  } catch {
    return null;
  }
}

/** A ClaimcardError of kind "problem" for an unexpected status, with the body's problem or a synthesized one. */
function failure(call: Call, { res, text }: Answer): ClaimcardError {
  const problem = parseProblem(text) ?? {
    type: "about:blank",
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    detail: text.trim() ? snippet(text) : `${call.method} ${call.path} answered ${res.status} with no body.`,
  };
  return new ClaimcardError(
    "problem",
    `${call.method} ${call.path}: ${res.status} ${problem.title}: ${problem.detail}`,
    { status: res.status, problem },
  );
}

/** The start of a body, on one line, for messages. */
function snippet(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** A readable reason for a failed fetch (Node puts the socket error in `cause`). */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const code = cause && "code" in cause ? ` (${String(cause.code)})` : "";
  return cause ? `${err.message}: ${cause.message}${code}` : err.message;
}
