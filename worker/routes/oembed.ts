/**
 * `GET /v1/oembed`: an oEmbed 1.0 provider (https://oembed.com). Given the URL of a
 * claim page (`{origin}/claims/{id}`), it answers a `rich` embed whose `html` is an
 * iframe of `/embed/{id}`, sized to the card and within `maxwidth`/`maxheight`. The
 * iframe uses only attributes WordPress's oEmbed filter keeps.
 *
 * @module
 */
import { Hono } from "hono";
import { OEmbedQuery, Slug, type Claim, type OEmbed, type UiLang } from "../../schema/index.ts";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { publicOrigin } from "../origin.ts";
import { Problem } from "../problem.ts";
import { validate } from "../validate.ts";
import { requireClaim } from "./claims.ts";
import { html } from "hono/html";
import { EMBED_CLASS } from "../../widget/embed-protocol.ts";
import { toUiLang } from "../../widget/i18n.ts";
import { publicCache } from "../edge-cache.ts";

/** The card's natural width, and its compact height (24em at 15px, border and padding included). */
export const CARD_WIDTH = 600;
export const CARD_HEIGHT = 370;
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
export const oembed = new Hono<AppEnv>().get("/", publicCache(), validate("query", OEmbedQuery), async (c) => {
  const q = c.req.valid("query");
  const format = q.format ?? "json";
  if (format !== "json") throw new Problem(501, "format-not-implemented", "Format not implemented", `Only format=json is provided (got "${format}").`);
  const origin = publicOrigin(c);
  const target = new URL(q.url);
  const id = claimId(target, [new URL(origin).host, new URL(c.req.url).host].map((h) => h.toLowerCase()));
  if (!id) throw new Problem(404, "not-a-claim-url", "Not a claim URL", `Only ${origin}/claims/{id} URLs can be embedded.`);
  const claim = JSON.parse((await requireClaim(c, id)).json) as Claim;
  const lang: UiLang = q.lang ?? toUiLang(target.searchParams.get("lang"));
  const width = Math.min(CARD_WIDTH, q.maxwidth ?? CARD_WIDTH);
  const height = Math.min(CARD_HEIGHT, q.maxheight ?? CARD_HEIGHT);
  const title = claim.incident.title[lang];
  const src = `${origin}/embed/${id}?lang=${lang}`;
  const body: OEmbed = {
    version: "1.0",
    type: "rich",
    title,
    provider_name: "claimcard",
    provider_url: origin,
    cache_age: CACHE_AGE,
    html: String(html`<iframe src="${src}" width="${width}" height="${height}" frameborder="0" title="${`claimcard: ${title}`}" class="${EMBED_CLASS}"></iframe>`),
    width,
    height,
  };
  return c.json(body);
});
