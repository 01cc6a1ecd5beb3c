/**
 * Server-rendered pages of a claim: `GET /embed/:id` (the iframe target, frameable by
 * any site) and `GET /claims/:id` (the shareable page, with oEmbed discovery and JSON-LD).
 * Both work without JavaScript.
 *
 * @module
 */
import { Hono, type Context } from "hono";
import { secureHeaders } from "hono/secure-headers";
import * as v from "valibot";
import { Lang, type Claim, type UiLang } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import { publicOrigin } from "../origin.ts";
import { claimPage, embedPage, resizeScriptHash } from "../render/page.ts";
import { validate } from "../validate.ts";
import { publicCache } from "../edge-cache.ts";
import { claimTier, idParam, requireClaim } from "./claims.ts";

const langQuery = validate("query", v.object({ lang: v.optional(Lang) }));

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

/** The shareable page: styles inline, the JSON-LD is data, no script runs. */
const sharePageHeaders = secureHeaders({
  xFrameOptions: "SAMEORIGIN",
  referrerPolicy: "strict-origin-when-cross-origin",
  contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], imgSrc: ["data:"], baseUri: ["'none'"], formAction: ["'none'"], frameAncestors: ["'self'"] },
});

/** The language asked for, else the reader's preferred one between fr and en. */
function pickLang(c: Context, asked: UiLang | undefined): UiLang {
  if (asked) return asked;
  const prefs = (c.req.header("Accept-Language") ?? "").toLowerCase();
  const fr = prefs.indexOf("fr");
  const en = prefs.indexOf("en");
  return fr >= 0 && (en < 0 || fr < en) ? "fr" : "en";
}

async function load(c: Context<AppEnv>, id: string): Promise<Claim> {
  return JSON.parse((await requireClaim(c, id)).json) as Claim;
}

/**
 * @example
 * app.route("/", embed);
 */
export const embed = new Hono<AppEnv>()
  .get("/embed/:id", embedHeaders, publicCache(claimTier), idParam, langQuery, async (c) => {
    const claim = await load(c, c.req.valid("param").id);
    const lang = c.req.valid("query").lang ?? "en";
    c.header("Content-Security-Policy", await embedCsp());
    return c.html(embedPage(claim, lang, publicOrigin(c)));
  })
  .get("/claims/:id", sharePageHeaders, idParam, langQuery, async (c) => {
    const claim = await load(c, c.req.valid("param").id);
    const lang = pickLang(c, c.req.valid("query").lang);
    c.header("Vary", "Accept-Language");
    c.header("Cache-Control", "public, max-age=60");
    return c.html(claimPage(claim, lang, publicOrigin(c)));
  })
  // The oEmbed endpoint (and the WordPress plugin's provider) take a claim URL with a
  // trailing slash too: it leads to the page, not to a 404.
  .get("/claims/:id/", sharePageHeaders, idParam, (c) => c.redirect(`/claims/${c.req.valid("param").id}${new URL(c.req.url).search}`, 301));
