/**
 * The shapes of the HTTP API beyond the record itself: query parameters, request bodies
 * and responses. The worker validates with them, `/openapi.json` is generated from them,
 * and the typed client infers its types from them.
 *
 * @module
 */
import * as v from "valibot";
import { LIST_LIMIT, MATCH_LIMIT, MATCH_TEXT_MAX_CHARS } from "../shared/constants.ts";
import { Claim, STATUSES } from "./claim.ts";
import { HttpUrl, IsoDate, Slug, UI_LANGS, unknownOrWrongType } from "./primitives.ts";

/** A claim record, as the OpenAPI document names it (the same schema, with its component name). */
export const ClaimDocument = v.pipe(Claim, v.metadata({ ref: "Claim" }));

/** A language the API can answer in. */
export const Lang = v.picklist(UI_LANGS, `must be one of ${UI_LANGS.join(", ")}`);

/** A query-string integer in a range, e.g. `limit=20`. */
function intParam(min: number, max: number) {
  return v.pipe(
    v.string(),
    v.regex(/^\d{1,6}$/, `must be an integer from ${min} to ${max}`),
    v.transform(Number),
    v.minValue(min, `must be an integer from ${min} to ${max}`),
    v.maxValue(max, `must be an integer from ${min} to ${max}`),
  );
}

/** A filter value: an entity id, name or alias (`russia`, `APT28`, `Fancy Bear`). */
const EntityFilter = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty("must not be empty"),
  v.maxLength(100, "must be at most 100 characters"),
);

/**
 * `GET /v1/claims` query parameters. All optional; unknown ones are refused so that a
 * typo (`acused=`) is an error, not a silently unfiltered list.
 */
export const ListQuery = v.strictObject(
  {
    accused: v.optional(EntityFilter),
    accuser: v.optional(EntityFilter),
    topic: v.optional(Slug),
    lang: v.optional(Lang),
    since: v.optional(IsoDate),
    updatedSince: v.optional(v.pipe(v.string(), v.isoTimestamp("must be an ISO timestamp"))),
    status: v.optional(v.picklist(STATUSES, `must be one of ${STATUSES.join(", ")}`)),
    limit: v.optional(intParam(1, LIST_LIMIT.max)),
    cursor: v.optional(
      v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,400}$/, "must be a cursor returned by a previous page")),
    ),
  },
  unknownOrWrongType("a query string", "query parameter"),
);
export type ListQuery = v.InferOutput<typeof ListQuery>;

/** One claim in a list: enough to show a headline and link to the record. */
export const ClaimSummary = v.pipe(
  v.object({
    id: Slug,
    version: v.number(),
    updatedAt: v.string(),
    status: v.picklist(STATUSES),
    date: IsoDate,
    lang: Lang,
    title: v.string(),
    summary: v.string(),
    accused: v.array(Slug),
    accusers: v.array(Slug),
    topics: v.array(Slug),
    href: v.string(),
  }),
  v.metadata({ ref: "ClaimSummary" }),
);
export type ClaimSummary = v.InferOutput<typeof ClaimSummary>;

/** `GET /v1/claims` response: a page of summaries and the cursor of the next page, if any. */
export const ClaimList = v.pipe(
  v.object({ items: v.array(ClaimSummary), cursor: v.nullable(v.string()) }),
  v.metadata({ ref: "ClaimList" }),
);
export type ClaimList = v.InferOutput<typeof ClaimList>;

/** `GET /v1/lookup` query. */
export const LookupQuery = v.strictObject(
  { url: v.pipe(v.string("is required"), HttpUrl) },
  unknownOrWrongType("a query string", "query parameter"),
);

/** `GET /v1/lookup` response: the normalized URL and the claims linked to it. */
export const LookupResult = v.pipe(
  v.object({ url: v.string(), claims: v.array(ClaimDocument) }),
  v.metadata({ ref: "LookupResult" }),
);
export type LookupResult = v.InferOutput<typeof LookupResult>;

/** `POST /v1/match` body. */
export const MatchRequest = v.strictObject(
  {
    text: v.pipe(
      v.string("must be a string"),
      v.nonEmpty("must not be empty"),
      v.maxLength(MATCH_TEXT_MAX_CHARS, `must be at most ${MATCH_TEXT_MAX_CHARS} characters`),
    ),
    lang: v.optional(Lang),
    url: v.optional(HttpUrl),
    title: v.optional(v.pipe(v.string("must be a string"), v.maxLength(1000, "must be at most 1000 characters"))),
    limit: v.optional(
      v.pipe(
        v.number("must be a number"),
        v.integer("must be an integer"),
        v.minValue(1, `must be from 1 to ${MATCH_LIMIT.max}`),
        v.maxValue(MATCH_LIMIT.max, `must be from 1 to ${MATCH_LIMIT.max}`),
      ),
    ),
  },
  unknownOrWrongType("a JSON object"),
);
export type MatchRequest = v.InferOutput<typeof MatchRequest>;

/** Where in the article a match was found: a W3C text-quote selector on its best sentence. */
export const TextQuote = v.pipe(
  v.object({ exact: v.string(), prefix: v.string(), suffix: v.string() }),
  v.metadata({ ref: "TextQuote" }),
);
export type TextQuote = v.InferOutput<typeof TextQuote>;

/**
 * One relevant claim, its score (0–1, higher is closer), where it was found, and the ids
 * of related records the article also speaks of without evidence of their own (one card
 * per incident: show this card and link to those, never a card for each).
 */
export const Match = v.pipe(
  v.object({
    id: Slug,
    score: v.number(),
    anchor: v.nullable(TextQuote),
    related: v.array(Slug),
    claim: ClaimDocument,
  }),
  v.metadata({ ref: "Match" }),
);
export type Match = v.InferOutput<typeof Match>;

/** `POST /v1/match` response. An unrelated article gets `{ matches: [] }`. */
export const MatchResult = v.pipe(v.object({ matches: v.array(Match) }), v.metadata({ ref: "MatchResult" }));
export type MatchResult = v.InferOutput<typeof MatchResult>;

/** An RFC 9457 problem document: every error the API returns. */
export const ProblemDetails = v.object({
  type: v.string(),
  title: v.string(),
  status: v.number(),
  detail: v.string(),
  errors: v.optional(v.array(v.string())),
});
export type ProblemDetails = v.InferOutput<typeof ProblemDetails>;

/**
 * `GET /v1/oembed` query. Other parameters are ignored, as oEmbed consumers add their
 * own (WordPress sends `dnt=1`).
 */
export const OEmbedQuery = v.object(
  {
    url: v.pipe(v.string("is required"), HttpUrl),
    format: v.optional(v.string()),
    maxwidth: v.optional(intParam(1, 10_000)),
    maxheight: v.optional(intParam(1, 10_000)),
    lang: v.optional(Lang),
  },
  "must be a query string",
);

/** An oEmbed 1.0 `rich` response. */
export const OEmbed = v.pipe(
  v.object({
    version: v.literal("1.0"),
    type: v.literal("rich"),
    title: v.string(),
    provider_name: v.string(),
    provider_url: v.string(),
    cache_age: v.number(),
    html: v.string(),
    width: v.number(),
    height: v.number(),
  }),
  v.metadata({ ref: "OEmbed" }),
);
export type OEmbed = v.InferOutput<typeof OEmbed>;
