/**
 * `GET /claims/:id`: the claim page (the whole record, readable and printable), with
 * oEmbed discovery, Open Graph tags and ClaimReview JSON-LD, in the reader's language
 * (`?lang`, else `Accept-Language`). It works without JavaScript.
 *
 * @module
 */
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { PAGE_CACHE_CONTROL } from "../../shared/constants.ts";
import type { AppEnv } from "../env.ts";
import { idParam, loadClaim } from "../middleware/claim-id.ts";
import { langQuery, pickLang } from "../middleware/lang.ts";
import { relatedRecords } from "../middleware/related.ts";
import { operation, response } from "../openapi/describe.ts";
import { publicOrigin } from "../origin.ts";
import { claimPage } from "../render/page.ts";

/** The shareable page: styles inline, the JSON-LD is data, no script runs. */
const sharePageHeaders = secureHeaders({
  xFrameOptions: "SAMEORIGIN",
  referrerPolicy: "strict-origin-when-cross-origin",
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'unsafe-inline'"],
    imgSrc: ["data:"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'self'"],
  },
});

/**
 * @example
 * app.route("/", claimPageRoute);
 */
export const claimPageRoute = new Hono<AppEnv>()
  .get(
    "/claims/:id",
    operation({
      operationId: "getClaimPage",
      access: "public",
      tags: ["embeds"],
      summary: "The shareable page of a claim, with oEmbed discovery, Open Graph and ClaimReview JSON-LD",
      description: "In `lang`, else the reader's `Accept-Language` (fr or en).",
      problems: ["invalid-param", "invalid-query", "claim-not-found", "unavailable"],
      responses: {
        200: response("The page", { "text/html": "text" }),
      },
    }),
    sharePageHeaders,
    idParam,
    langQuery,
    async (c) => {
      const claim = await loadClaim(c, c.req.valid("param").id);
      const lang = pickLang(c, c.req.valid("query").lang);
      c.header("Vary", "Accept-Language");
      c.header("Cache-Control", PAGE_CACHE_CONTROL);
      const [related, history] = await Promise.all([relatedRecords(c, claim), c.var.store.history(claim.id)]);
      return c.html(claimPage(claim, lang, publicOrigin(c), { related, ...(history ? { history } : {}) }));
    },
  )
  // The oEmbed endpoint (and the WordPress plugin's provider) take a claim URL with a
  // trailing slash too: it leads to the page, not to a 404. Not an operation of its own.
  .get(
    "/claims/:id/",
    operation({ operationId: "redirectClaimPage", access: "public", hide: true, responses: {} }),
    sharePageHeaders,
    idParam,
    (c) => c.redirect(`/claims/${c.req.valid("param").id}${new URL(c.req.url).search}`, 301),
  );
