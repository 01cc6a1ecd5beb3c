/**
 * Security headers, set on purpose per kind of route. Hono's `secureHeaders()` defaults
 * (`Cross-Origin-Resource-Policy: same-origin`, `X-Frame-Options: SAMEORIGIN`) would break
 * a cross-site `<script src>` of the widget and an iframe of the embed page, so each
 * preset says what it allows and why.
 *
 * @module
 */
import { secureHeaders } from "hono/secure-headers";

/**
 * Public JSON: readable cross-origin (the data is public and CORS-open), never rendered
 * as a document, never framed. Applied to all of `/v1/*` without overwriting, so that a
 * route's own preset (admin) wins.
 *
 * @example
 * app.use("/v1/*", apiHeaders);
 */
export const apiHeaders = secureHeaders({
  overwrite: false,
  crossOriginResourcePolicy: "cross-origin",
  crossOriginOpenerPolicy: false,
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  // Headers for documents and old browsers say nothing about a JSON answer: left out,
  // since every public read carries them.
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * `widget.js`: loaded by `<script src>` from any publisher's page.
 *
 * @example
 * app.get("/widget.js", scriptHeaders, handler);
 */
export const scriptHeaders = secureHeaders({
  crossOriginResourcePolicy: "cross-origin",
  crossOriginOpenerPolicy: false,
  xFrameOptions: false,
  referrerPolicy: "no-referrer",
});

/**
 * Pages of our own (the demo, the shareable claim page): same-origin framing only, scripts
 * and styles from this origin. Inline styles are allowed for the page's own stylesheet.
 *
 * @example
 * app.get("/", pageHeaders, handler);
 */
export const pageHeaders = secureHeaders({
  xFrameOptions: "SAMEORIGIN",
  referrerPolicy: "strict-origin-when-cross-origin",
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'self'"],
  },
});

/**
 * Admin writes: same-origin only, never cached, never framed.
 *
 * @example
 * app.put("/v1/claims/:id", adminHeaders, handler);
 */
export const adminHeaders = secureHeaders({
  crossOriginResourcePolicy: "same-origin",
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
});
