/**
 * The client's public types: its options, what each method accepts and answers, and the
 * {@link ClaimcardClient} interface itself. Record and API shapes are not written here:
 * they are inferred from `schema/`, the same Valibot schemas the Worker validates with.
 *
 * @module
 */
import type * as v from "valibot";
import type {
  Claim,
  ClaimList,
  ClaimSummary,
  ListQuery,
  LookupResult,
  MatchRequest,
  MatchResult,
  OEmbed,
  OEmbedQuery,
} from "../schema/index.ts";

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
