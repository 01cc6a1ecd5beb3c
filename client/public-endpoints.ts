/**
 * The public endpoints, one function each: what to send, and which answers mean what.
 * Each takes the {@link Connection} first; `createClient` binds them to one. They need
 * no token, and every one of them may be called from a browser or another Worker.
 *
 * @module
 */
import {
  Claim,
  ClaimList,
  type ClaimSummary,
  LookupResult,
  type MatchRequest,
  MatchResult,
  OEmbed,
} from "../schema/index.ts";
import type { Connection } from "./connection.ts";
import { ClaimcardError } from "./errors.ts";
import { etagOf, isClaimNotFound, readJson, sendForJson, unexpectedStatus } from "./response.ts";
import { type Call, send } from "./transport.ts";
import type { ClaimWithEtag, ListClaimsQuery, NotModified, OEmbedOptions, RequestOptions } from "./types.ts";

/**
 * `GET /v1/claims/:id`: the record and its ETag; `null` for an unknown id; `{ notModified: true }`
 * when `ifNoneMatch` still holds (304).
 *
 * @example
 * const hit = await getClaim(conn, "dnc-hack-2016", { ifNoneMatch: cached?.etag });
 */
export async function getClaim(
  conn: Connection,
  id: string,
  options?: RequestOptions & { ifNoneMatch?: string | undefined },
): Promise<ClaimWithEtag | NotModified | null> {
  const call: Call = {
    method: "GET",
    path: `/v1/claims/${encodeURIComponent(id)}`,
    headers: options?.ifNoneMatch === undefined ? {} : { "If-None-Match": options.ifNoneMatch },
  };
  const answer = await send(conn, call, options?.signal);
  if (answer.res.status === 304 && options?.ifNoneMatch !== undefined) return { notModified: true };
  if (isClaimNotFound(answer)) return null;
  if (answer.res.status !== 200) throw unexpectedStatus(call, answer);
  return { claim: readJson(conn, call, answer, Claim, "Claim"), etag: etagOf(call, answer.res) };
}

/**
 * `GET /v1/claims`: one page of summaries, newest incident first, and the next page's cursor.
 *
 * @example
 * const { items, cursor } = await listClaims(conn, { accused: "APT28", limit: 10 });
 */
export function listClaims(
  conn: Connection,
  query: ListClaimsQuery = {},
  options?: RequestOptions,
): Promise<ClaimList> {
  return sendForJson(
    conn,
    { method: "GET", path: "/v1/claims", query: { ...query } },
    options?.signal,
    ClaimList,
    "ClaimList",
  );
}

/**
 * Every summary matching `query`, following `cursor` from page to page (one request, with
 * its own timeout, per page). Refuses to loop on an API that hands back the cursor it was given.
 *
 * @example
 * for await (const item of allClaims(conn, { topic: "hack-and-leak" })) console.log(item.id);
 */
export async function* allClaims(
  conn: Connection,
  query: ListClaimsQuery = {},
  options?: RequestOptions,
): AsyncGenerator<ClaimSummary, void, undefined> {
  let cursor = query.cursor;
  do {
    const page = await listClaims(conn, { ...query, cursor }, options);
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

/**
 * `GET /v1/lookup`: the claims an editor linked to this article URL (any spelling of it).
 *
 * @example
 * const { claims } = await lookup(conn, "https://www.example.org/article?utm_source=x");
 */
export function lookup(conn: Connection, url: string, options?: RequestOptions): Promise<LookupResult> {
  return sendForJson(
    conn,
    { method: "GET", path: "/v1/lookup", query: { url } },
    options?.signal,
    LookupResult,
    "LookupResult",
  );
}

/**
 * `POST /v1/match`: the claims an article's text is about; `{ matches: [] }` for an unrelated one.
 *
 * @example
 * const { matches } = await match(conn, { text: article, lang: "fr" });
 */
export function match(conn: Connection, request: MatchRequest, options?: RequestOptions): Promise<MatchResult> {
  return sendForJson(
    conn,
    { method: "POST", path: "/v1/match", json: request },
    options?.signal,
    MatchResult,
    "MatchResult",
  );
}

/**
 * `GET /v1/oembed`: the oEmbed `rich` embed of a claim page URL.
 *
 * @example
 * const { html } = await oembed(conn, "https://claimcard.example.org/claims/dnc-hack-2016", { maxwidth: 480 });
 */
export function oembed(conn: Connection, url: string, options: OEmbedOptions & RequestOptions = {}): Promise<OEmbed> {
  const { maxwidth, maxheight, lang, signal } = options;
  const query = { url, format: "json", maxwidth, maxheight, lang };
  return sendForJson(conn, { method: "GET", path: "/v1/oembed", query }, signal, OEmbed, "OEmbed");
}
