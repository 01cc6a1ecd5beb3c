/**
 * The typed client of the claimcard API, for Node scripts, browsers and other Workers
 * (pass a service binding's `fetch`). Every type comes from `schema/`; with
 * `validate: true`, every response is also checked against the same Valibot schemas the
 * Worker uses.
 *
 * The pieces, each in its own module: `connection.ts` (options checked once),
 * `transport.ts` (send, time limit, network errors), `response.ts` (reading answers),
 * `public-endpoints.ts` and `admin-endpoints.ts` (one function per endpoint). This module
 * binds the endpoints to one connection and is the package's only entry.
 *
 * @example
 * import { createClient, ClaimcardError } from "claimcard/client";
 * const claimcard = createClient({ baseUrl: "https://claimcard.example.org" });
 * const hit = await claimcard.getClaim("dnc-hack-2016");
 * if (hit) console.log(hit.claim.incident.title.en, hit.etag);
 *
 * @module
 */
import { deleteClaim, putClaim } from "./admin-endpoints.ts";
import { connect } from "./connection.ts";
import { allClaims, getClaim, listClaims, lookup, match, oembed } from "./public-endpoints.ts";
import type { ClaimcardClient, ClaimcardClientOptions, RequestOptions } from "./types.ts";

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
export { DEFAULT_TIMEOUT_MS } from "./connection.ts";
export { ClaimcardError, type ClaimcardErrorKind, isClaimcardError } from "./errors.ts";
export type {
  ClaimcardClient,
  ClaimcardClientOptions,
  ClaimWithEtag,
  ListClaimsQuery,
  NotModified,
  OEmbedOptions,
  PutClaimResult,
  RequestOptions,
} from "./types.ts";

/**
 * Creates a client of the claimcard API at `baseUrl`. Throws a `TypeError` for a
 * `baseUrl` that is not an absolute http(s) URL or a `timeoutMs` that is not positive.
 * Its methods are plain functions: they may be passed around detached from the client.
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
  const conn = connect(options);
  return {
    // One implementation answers every overload of `getClaim`: the overloads only narrow
    // its result (no `ifNoneMatch`, no `notModified`).
    getClaim: ((id: string, opts?: RequestOptions & { ifNoneMatch?: string }) =>
      getClaim(conn, id, opts)) as ClaimcardClient["getClaim"],
    listClaims: (query, opts) => listClaims(conn, query, opts),
    allClaims: (query, opts) => allClaims(conn, query, opts),
    lookup: (url, opts) => lookup(conn, url, opts),
    match: (request, opts) => match(conn, request, opts),
    oembed: (url, opts) => oembed(conn, url, opts),
    putClaim: (claim, opts) => putClaim(conn, claim, opts),
    deleteClaim: (id, opts) => deleteClaim(conn, id, opts),
  };
}
