/**
 * `GET /openapi.json`: the OpenAPI 3.1 document. Every schema in it is generated from
 * the Valibot schemas in `schema/` (with `@valibot/to-json-schema`), so the document
 * cannot drift from what the Worker validates; only the list of operations is written
 * here.
 *
 * @module
 */
import { toJsonSchema, toJsonSchemaDefs } from "@valibot/to-json-schema";
import { Hono } from "hono";
import type * as v from "valibot";
import * as schema from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import { publicOrigin } from "../origin.ts";
import { apiHeaders } from "../middleware/security.ts";

type Json = Record<string, unknown>;

const CONFIG = { target: "draft-2020-12", errorMode: "ignore" } as const;

/** The component schemas, generated from `schema/`. */
const DEFINITIONS = {
  Claim: schema.Claim,
  ClaimInput: schema.ClaimInput,
  Entity: schema.Entity,
  Source: schema.Source,
  Statement: schema.Statement,
  Consequence: schema.Consequence,
  Localized: schema.Localized,
  ClaimSummary: schema.ClaimSummary,
  ClaimList: schema.ClaimList,
  LookupResult: schema.LookupResult,
  MatchRequest: schema.MatchRequest,
  Match: schema.Match,
  MatchResult: schema.MatchResult,
  TextQuote: schema.TextQuote,
  OEmbed: schema.OEmbed,
  Problem: schema.ProblemDetails,
};

/** Rewrites JSON-Schema `$defs` references into OpenAPI component references. */
function componentRefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as T;
}

/** The query parameters of a strict-object query schema, each with its generated schema. */
function queryParameters(query: v.StrictObjectSchema<v.ObjectEntries, never>, required: string[] = []): Json[] {
  return Object.entries(query.entries).map(([name, entry]) => ({
    name,
    in: "query",
    required: required.includes(name),
    schema: toJsonSchema(entry as v.GenericSchema, CONFIG),
  }));
}

const ref = (name: keyof typeof DEFINITIONS) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, name: keyof typeof DEFINITIONS) => ({ description, content: { "application/json": { schema: ref(name) } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const idParameter = { name: "id", in: "path", required: true, schema: toJsonSchema(schema.Slug, CONFIG) };
const ifMatch = { name: "If-Match", in: "header", required: false, schema: { type: "string" }, description: "The ETag of the version being replaced or deleted. Required when the claim exists; `*` is refused." };
const ifNoneMatch = { name: "If-None-Match", in: "header", required: false, schema: { type: "string" } };
const langParameter = { name: "lang", in: "query", required: false, schema: toJsonSchema(schema.Lang, CONFIG) };
const unavailable = problem("A KV read failed or timed out: retry after Retry-After seconds");
const html = (description: string) => ({ description, content: { "text/html": { schema: { type: "string" } } } });

/** Builds the OpenAPI document. */
export function openApiDocument(origin: string): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "claimcard API",
      version: "1",
      summary: "Who accuses whom of which cyberattack, on what basis, and who denies it.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: origin }],
    paths: {
      "/healthz": { get: { summary: "Liveness", responses: { 200: { description: "Up" } } } },
      "/v1/claims": {
        get: {
          summary: "List claims, filtered and paged",
          description: "`accused` and `accuser` take an entity id, name or alias (APT28 finds the GRU unit). `since` filters on the incident date, `updatedSince` on the last update. `lang` picks the language of titles and summaries (default en). Pass the returned `cursor` to get the next page.",
          parameters: queryParameters(schema.ListQuery as never),
          responses: { 200: json("A page of claim summaries", "ClaimList"), 400: problem("Bad query") },
        },
      },
      "/v1/claims/{id}": {
        get: {
          summary: "One claim record",
          parameters: [idParameter, ifNoneMatch, { name: "format", in: "query", required: false, schema: { enum: ["json", "jsonld"] }, description: "`jsonld`: the schema.org ClaimReview of the claim." }, langParameter],
          responses: {
            200: { description: "The record, with an ETag; or, with format=jsonld, its ClaimReview", content: { "application/json": { schema: ref("Claim") }, "application/ld+json": { schema: { type: "object" } } } },
            304: { description: "Not modified (If-None-Match)" },
            400: problem("Malformed id"),
            404: problem("Unknown id"),
            503: unavailable,
          },
        },
        put: {
          summary: "Create or replace a claim (admin)",
          security: [{ admin: [] }],
          parameters: [idParameter, ifMatch, { ...ifNoneMatch, description: "`*`: create only, refuse to replace." }],
          requestBody: { required: true, content: { "application/json": { schema: ref("ClaimInput") } } },
          responses: {
            200: json("Replaced; the new version, with its ETag", "Claim"),
            201: json("Created", "Claim"),
            400: problem("Invalid record"),
            401: problem("Missing or wrong token"),
            412: problem("If-Match does not hold: the record changed"),
            413: problem("Body too large"),
            415: problem("Body is not JSON"),
            428: problem("If-Match is required to replace an existing record"),
          },
        },
        delete: {
          summary: "Delete a claim (admin)",
          security: [{ admin: [] }],
          parameters: [idParameter, ifMatch],
          responses: { 204: { description: "Deleted" }, 401: problem("Missing or wrong token"), 404: problem("Unknown id"), 412: problem("Stale If-Match"), 428: problem("If-Match is required") },
        },
      },
      "/v1/lookup": {
        get: {
          summary: "Claims linked to an article URL",
          description: "The URL is normalized: scheme, host case, `www.`, trailing slash, fragment and tracking parameters do not matter.",
          parameters: queryParameters(schema.LookupQuery as never, ["url"]),
          responses: { 200: json("The normalized URL and its claims (possibly none)", "LookupResult"), 400: problem("Bad URL") },
        },
      },
      "/v1/match": {
        post: {
          summary: "Claims an article is about",
          description: "French or English text; entity aliases count. An unrelated article gets no match. Each match quotes the sentence that carries the most evidence, as a W3C text-quote selector.",
          requestBody: { required: true, content: { "application/json": { schema: ref("MatchRequest") } } },
          responses: { 200: json("The relevant claims, best first", "MatchResult"), 400: problem("Invalid body"), 413: problem("Body too large"), 415: problem("Body is not JSON"), 429: problem("Too many matches from this client in the last minute"), 503: unavailable },
        },
      },
      "/v1/oembed": {
        get: {
          summary: "oEmbed 1.0 provider",
          description: "For a claim page URL (`{origin}/claims/{id}`), a `rich` embed whose HTML is an iframe of `/embed/{id}`. Other parameters (WordPress's `dnt`) are ignored.",
          parameters: queryParameters(schema.OEmbedQuery as never, ["url"]),
          responses: { 200: json("The embed", "OEmbed"), 400: problem("Bad query"), 404: problem("Not a claim URL of this service, or unknown claim"), 501: problem("format other than json"), 503: unavailable },
        },
      },
      "/embed/{id}": { get: { summary: "The card as a self-contained page, frameable by any site", parameters: [idParameter, langParameter], responses: { 200: html("The card; it posts claimcard:resize messages to its parent"), 404: problem("Unknown id") } } },
      "/claims/{id}": { get: { summary: "The shareable page of a claim, with oEmbed discovery and ClaimReview JSON-LD", parameters: [idParameter, langParameter], responses: { 200: html("The page"), 404: problem("Unknown id") } } },
      "/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3.1" } } } },
      "/widget.js": { get: { summary: "The <claim-card> web component", responses: { 200: { description: "An ES module" } } } },
    },
    components: {
      schemas: componentRefs(toJsonSchemaDefs(DEFINITIONS, CONFIG)),
      securitySchemes: { admin: { type: "http", scheme: "bearer", description: "The ADMIN_TOKEN secret." } },
    },
  };
}

let cached: { origin: string; body: string } | undefined;

/**
 * @example
 * app.route("/", openapi);
 */
export const openapi = new Hono<AppEnv>().get("/openapi.json", apiHeaders, (c) => {
  const origin = publicOrigin(c);
  if (cached?.origin !== origin) cached = { origin, body: JSON.stringify(openApiDocument(origin)) };
  return c.body(cached.body, 200, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "public, max-age=3600",
    "Access-Control-Allow-Origin": "*",
  });
});
