/**
 * The HTML documents around a server-rendered card: the iframe embed, which resizes
 * itself to its parent by postMessage, and the shareable page, with oEmbed discovery,
 * Open Graph and JSON-LD.
 *
 * @module
 */
import { html, raw } from "hono/html";
import type { Claim, UiLang } from "../../schema/index.ts";
import { EMBED_PADDING_PX, MEASURE_MESSAGE, RESIZE_MESSAGE } from "../../shared/embed-protocol.ts";
import { STRINGS } from "../../shared/i18n.ts";
import { CARD_CSS, renderCard } from "./card.ts";
import { claimReview } from "./jsonld.ts";

/**
 * The iframe's script: tells the parent page its height whenever it changes (the reader
 * opens the timeline), and again when the parent asks (`widget.js` may start after the
 * first message). It reads nothing from the parent, and accepts no other message.
 */
const RESIZE_SCRIPT = `(() => {
  const id = document.documentElement.dataset.claim;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    window.parent.postMessage({ type: ${JSON.stringify(RESIZE_MESSAGE)}, id, height }, "*");
  };
  new ResizeObserver(send).observe(document.documentElement);
  addEventListener("message", (e) => {
    if (e.source !== window.parent || !e.data || e.data.type !== ${JSON.stringify(MEASURE_MESSAGE)}) return;
    last = 0;
    send();
  });
  send();
})();`;

let scriptHash: string | undefined;

/** The CSP source of the resize script: its SHA-256, computed once. */
export async function resizeScriptHash(): Promise<string> {
  if (!scriptHash) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(RESIZE_SCRIPT));
    scriptHash = `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
  }
  return scriptHash;
}

/**
 * The iframe target: the card alone, on a transparent background.
 *
 * @example
 * c.html(await embedPage(claim, "fr", origin));
 */
export function embedPage(c: Claim, lang: UiLang, origin: string) {
  return html`<!doctype html>
<html lang="${lang}" data-claim="${c.id}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${c.incident.title[lang]} · claimcard</title>
<link rel="canonical" href="${origin}/claims/${c.id}?lang=${lang}">
<style>html,body{margin:0;background:transparent}body{padding:${EMBED_PADDING_PX}px}${raw(CARD_CSS)}.claimcard{max-inline-size:none}</style>
</head>
<body>
${renderCard(c, lang, { record: `${origin}/claims/${c.id}?lang=${lang}` })}
<script>${raw(RESIZE_SCRIPT)}</script>
</body>
</html>`;
}

/**
 * The shareable page of a claim: the card with its timeline open, oEmbed discovery (so
 * that WordPress and Ghost embed a pasted link), Open Graph, and ClaimReview JSON-LD.
 *
 * @example
 * c.html(await claimPage(claim, "en", origin));
 */
export function claimPage(c: Claim, lang: UiLang, origin: string) {
  const url = `${origin}/claims/${c.id}`;
  const oembed = `${origin}/v1/oembed?url=${encodeURIComponent(url)}&format=json&lang=${lang}`;
  const jsonld = JSON.stringify(claimReview(c, origin, lang)).replace(/</g, "\\u003c");
  const other: UiLang = lang === "fr" ? "en" : "fr";
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${c.incident.title[lang]} · claimcard</title>
<meta name="description" content="${c.incident.summary[lang]}">
<link rel="canonical" href="${url}?lang=${lang}">
<link rel="alternate" hreflang="${other}" href="${url}?lang=${other}">
<link rel="alternate" type="application/json+oembed" href="${oembed}" title="${c.incident.title[lang]}">
<link rel="alternate" type="application/json" href="${origin}/v1/claims/${c.id}">
<meta property="og:type" content="article">
<meta property="og:title" content="${c.incident.title[lang]}">
<meta property="og:description" content="${c.incident.summary[lang]}">
<meta property="og:url" content="${url}">
<meta property="og:site_name" content="claimcard">
<script type="application/ld+json">${raw(jsonld)}</script>
<style>body{margin:0;padding:1.5rem;font-family:system-ui,sans-serif;background:light-dark(#f6f8fa,#0d1117);color-scheme:light dark}main{max-inline-size:46rem;margin:auto}nav{font-size:.9rem;margin-block-end:1rem}${raw(CARD_CSS)}</style>
</head>
<body>
<main>
<nav><a href="${url}?lang=${other}" hreflang="${other}" lang="${other}">${other === "fr" ? "Version française" : "English version"}</a> · <a href="${origin}/v1/claims/${c.id}">JSON</a></nav>
${renderCard(c, lang, { record: `${origin}/v1/claims/${c.id}`, open: true })}
<p>${STRINGS[lang].neutral}</p>
</main>
</body>
</html>`;
}
