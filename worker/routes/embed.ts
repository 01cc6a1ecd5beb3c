/**
 * `GET /embed/:id`: the card as a self-contained page, the iframe target of oEmbed and
 * WordPress, frameable by any site. It works without JavaScript.
 *
 * @module
 */
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { UiLang } from "../../shared/constants.ts";
import type { AppEnv } from "../env.ts";
import { claimTier, idParam, loadClaim } from "../middleware/claim-id.ts";
import { claimEmbedKey, publicCache, type Validated } from "../middleware/edge-cache.ts";
import { langQuery } from "../middleware/lang.ts";
import { relatedRecords } from "../middleware/related.ts";
import { operation, response } from "../openapi/describe.ts";
import { publicOrigin } from "../origin.ts";
import { embedPage, resizeScriptHash } from "../render/page.ts";

/**
 * The embed is meant to be framed by any publisher: `frame-ancestors *` (in the CSP the
 * handler sets, with the hash of the only script), and no `X-Frame-Options` (its
 * SAMEORIGIN default would forbid exactly that). Links open outside the frame.
 */
const embedHeaders = secureHeaders({
  xFrameOptions: false,
  crossOriginResourcePolicy: "cross-origin",
  crossOriginOpenerPolicy: false,
  referrerPolicy: "strict-origin-when-cross-origin",
});

async function embedCsp(): Promise<string> {
  return `default-src 'none'; style-src 'unsafe-inline'; script-src ${await resizeScriptHash()}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors *`;
}

/**
 * @example
 * app.route("/", embed);
 */
export const embed = new Hono<AppEnv>().get(
  "/embed/:id",
  operation({
    operationId: "getEmbed",
    access: "public",
    tags: ["embeds"],
    summary: "The card as a self-contained page, frameable by any site",
    problems: ["invalid-param", "invalid-query", "claim-not-found", "unavailable"],
    responses: {
      200: response("The card; it posts claimcard:resize messages to its parent", { "text/html": "text" }),
    },
  }),
  embedHeaders,
  idParam,
  langQuery,
  publicCache(claimTier, (c: Validated<{ id: string }, { lang?: UiLang }>, origin) =>
    claimEmbedKey(origin, c.req.valid("param").id, c.req.valid("query").lang ?? "en"),
  ),
  async (c) => {
    const claim = await loadClaim(c, c.req.valid("param").id);
    const lang = c.req.valid("query").lang ?? "en";
    c.header("Content-Security-Policy", await embedCsp());
    return c.html(embedPage(claim, lang, publicOrigin(c), await relatedRecords(c, claim)));
  },
);
