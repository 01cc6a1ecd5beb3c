/**
 * `GET /v1/oembed`: an oEmbed 1.0 provider (https://oembed.com). Given the URL of a
 * claim page (`{origin}/claims/{id}`), it answers a `rich` embed whose `html` is an
 * iframe of `/embed/{id}`, sized to the card and within `maxwidth`/`maxheight`. The
 * iframe uses only attributes WordPress's oEmbed filter keeps.
 *
 * @module
 */
import { Hono } from "hono";
import { html } from "hono/html";
import * as v from "valibot";
import { OEmbed, OEmbedQuery, Slug, type UiLang } from "../../schema/index.ts";
import { EMBED_CLASS, embedFrameSize } from "../../shared/embed-protocol.ts";
import { toUiLang } from "../../shared/i18n.ts";
import type { AppEnv } from "../env.ts";
import { loadClaim } from "../middleware/claim-id.ts";
import { cacheKey, publicCache, type Validated } from "../middleware/edge-cache.ts";
import { validate } from "../middleware/validate.ts";
import { json, operation } from "../openapi/describe.ts";
import { publicOrigin } from "../origin.ts";
import { Problem } from "../problem.ts";

/** How long a consumer may cache an embed. */
const CACHE_AGE = 3600;

/** The claim id of one of our claim or embed URLs, or null for any other URL. */
function claimId(url: URL, hosts: readonly string[]): string | null {
  if (!hosts.includes(url.host.toLowerCase())) return null;
  const m = /^\/(?:claims|embed)\/([^/]+)\/?$/.exec(url.pathname);
  return m && v.is(Slug, m[1]) ? m[1]! : null;
}

/**
 * @example
 * app.route("/v1/oembed", oembed);
 */
export const oembed = new Hono<AppEnv>().get(
  "/",
  operation({
    operationId: "oembed",
    access: "public",
    tags: ["embeds"],
    summary: "oEmbed 1.0 provider",
    description:
      "For a claim page URL (`{origin}/claims/{id}`), a `rich` embed whose HTML is an iframe of `/embed/{id}`. Other parameters (WordPress's `dnt`) are ignored.",
    problems: ["invalid-query", "not-a-claim-url", "claim-not-found", "format-not-implemented", "unavailable"],
    responses: {
      200: json(OEmbed, "The embed"),
    },
  }),
  validate("query", OEmbedQuery),
  publicCache(undefined, (c: Validated<object, v.InferOutput<typeof OEmbedQuery>>, origin) => {
    const q = c.req.valid("query");
    return cacheKey(origin, "/v1/oembed", { ...q, url: new URL(q.url).href });
  }),
  async (c) => {
    const q = c.req.valid("query");
    const format = q.format ?? "json";
    if (format !== "json")
      throw new Problem("format-not-implemented", `Only format=json is provided (got "${format}").`);
    const origin = publicOrigin(c);
    const target = new URL(q.url);
    const id = claimId(
      target,
      [new URL(origin).host, new URL(c.req.url).host].map((h) => h.toLowerCase()),
    );
    if (!id) throw new Problem("not-a-claim-url", `Only ${origin}/claims/{id} URLs can be embedded.`);
    const claim = await loadClaim(c, id);
    const lang: UiLang = q.lang ?? toUiLang(target.searchParams.get("lang"));
    const frame = embedFrameSize();
    const width = Math.min(frame.width, q.maxwidth ?? frame.width);
    const height = Math.min(frame.height, q.maxheight ?? frame.height);
    const title = claim.incident.title[lang];
    const src = `${origin}/embed/${id}?lang=${lang}`;
    const body: OEmbed = {
      version: "1.0",
      type: "rich",
      title,
      provider_name: "claimcard",
      provider_url: origin,
      cache_age: CACHE_AGE,
      html: String(
        html`<iframe src="${src}" width="${width}" height="${height}" frameborder="0" title="${`claimcard: ${title}`}" class="${EMBED_CLASS}"></iframe>`,
      ),
      width,
      height,
    };
    return c.json(body);
  },
);
