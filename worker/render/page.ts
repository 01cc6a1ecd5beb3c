/**
 * The HTML documents of a claim: the iframe embed (the card alone, which tells its
 * parent its height by postMessage), and the claim page (`/claims/:id`), the record as a
 * fact-checking site would publish it: a header with the product's name and a language
 * switch; the incident; every accusation and denial in full, with its sources (each one
 * checked, or labelled unverified); consequences; corrections; related records as links;
 * how to read it; and when it last changed and what changed (the record's history when
 * the desk passes one, else its last change). Nothing is cut and nothing is said twice;
 * the page never links to itself. It has print and narrow-screen layouts, oEmbed
 * discovery, Open Graph tags and ClaimReview JSON-LD, and runs no script.
 *
 * @module
 */
import { html, raw } from "hono/html";
import type { Claim, HistoryEntry, Source, Statement, UiLang } from "../../schema/index.ts";
import { entityName, safeHref, timeline } from "../../shared/card-model.ts";
import { EMBED_PADDING_PX, MEASURE_MESSAGE, RESIZE_MESSAGE } from "../../shared/embed-protocol.ts";
import { formatDate, STRINGS, type Strings } from "../../shared/i18n.ts";
import type { RelatedRecord } from "../middleware/related.ts";
import { CARD_CSS, renderCard } from "./card.ts";
import { claimReview } from "./jsonld.ts";
import { PAGE_STRINGS, type PageStrings } from "./page-strings.ts";

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
 * c.html(embedPage(claim, "fr", origin, related));
 */
export function embedPage(c: Claim, lang: UiLang, origin: string, related: RelatedRecord[] = []) {
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
${renderCard(c, lang, { origin, related })}
<script>${raw(RESIZE_SCRIPT)}</script>
</body>
</html>`;
}

/** What the claim page shows besides the record. */
export interface PageExtras {
  /** The related records, with their titles, for links. */
  related?: RelatedRecord[];
  /** The record's version history (the writer publishes it), any order; without it the page shows the last change. */
  history?: HistoryEntry[];
}

type Rendered = ReturnType<typeof html>;

/** The page's own stylesheet: a readable column, a narrow-screen layout and a print layout. */
const PAGE_CSS = `
:root { color-scheme: light dark; --bg: light-dark(#f6f8fa, #0d1117); --paper: light-dark(#fff, #161b22); --fg: light-dark(#1f2328, #e6edf3); --muted: light-dark(#59636e, #9da7b3); --line: light-dark(#d1d9e0, #3d444d); --accent: light-dark(#2c5d8f, #8fb8e3) }
* { box-sizing: border-box }
body { margin: 0; background: var(--bg); color: var(--fg); font: 400 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: break-word }
a { color: var(--accent) }
:focus-visible { outline: 2px solid light-dark(#1f6feb, #58a6ff); outline-offset: 2px }
.skip { position: absolute; inset-inline-start: -999px }
.skip:focus { inset-inline-start: 1rem; inset-block-start: .5rem; background: var(--paper); padding: .3rem .6rem }
.site { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem 1.5rem; padding: .8rem max(1.5rem, calc((100% - 50rem) / 2)); background: var(--paper); border-block-end: 1px solid var(--line) }
.brand { font-weight: 700; letter-spacing: .02em; color: var(--fg); text-decoration: none; font-size: 1.15rem }
.site ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0 }
.site [aria-current] { font-weight: 600 }
main { max-inline-size: 50rem; margin: 0 auto; padding: 2rem 1.5rem 3rem }
.kicker, .meta, .who, .sources, .note, footer { color: var(--muted); font-size: .9rem }
.kicker { text-transform: uppercase; letter-spacing: .05em; font-weight: 600; margin: 0 }
h1 { font-size: 2rem; line-height: 1.2; margin: .3rem 0 .6rem }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; padding-block-start: .6rem; border-block-start: 1px solid var(--line) }
.status { font-weight: 600; color: var(--fg); border: 1px solid var(--line); border-radius: 1em; padding: 0 .55em }
.lead { font-size: 1.12rem }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 1rem 0 }
dl.facts dt { font-weight: 600 }
dl.facts dd { margin: 0 }
ol.statements { list-style: none; margin: 0; padding: 0; display: grid; gap: 1.2rem }
.statement { background: var(--paper); border: 1px solid var(--line); border-inline-start: 4px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem }
.statement p { margin: .3rem 0 }
.who strong { color: var(--fg); font-size: 1rem }
blockquote { margin: .6rem 0; padding-inline-start: .9rem; border-inline-start: 3px solid var(--line); font-style: italic }
.translation { color: var(--muted) }
.sources { padding-inline-start: 1.1rem; margin: .5rem 0 0 }
.unverified { color: var(--fg); border: 1px dashed var(--muted); border-radius: .3em; padding: 0 .35em }
.note { margin: 0 }
footer { border-block-start: 1px solid var(--line); margin-block-start: 2.5rem; padding-block-start: 1rem }
@media (max-width: 40rem) {
  body { font-size: 1rem }
  main { padding: 1.2rem 1rem 2rem }
  h1 { font-size: 1.55rem }
  dl.facts { grid-template-columns: 1fr }
  dl.facts dd { margin-block-end: .4rem }
  .statement { padding: .8rem .9rem }
}
@media print {
  :root { color-scheme: light }
  body { background: #fff; color: #000; font-size: 11pt }
  .site ul, .skip, footer .embed { display: none }
  .site { padding: 0 0 .5rem; border: 0 }
  main { max-inline-size: none; padding: 0 }
  .statement { break-inside: avoid; border: 1px solid #999; border-inline-start-width: 3px }
  h2 { break-after: avoid }
  .sources a::after { content: " <" attr(href) ">"; font-size: .85em; color: #333 }
}`;

/**
 * The claim page.
 *
 * @example
 * c.html(claimPage(claim, "en", origin, { related, history }));
 */
export function claimPage(c: Claim, lang: UiLang, origin: string, { related = [], history }: PageExtras = {}) {
  const t = STRINGS[lang];
  const p = PAGE_STRINGS[lang];
  const url = `${origin}/claims/${c.id}`;
  const oembed = `${origin}/v1/oembed?url=${encodeURIComponent(url)}&format=json&lang=${lang}`;
  const jsonld = JSON.stringify(claimReview(c, origin, lang)).replace(/</g, "\\u003c");
  const other: UiLang = lang === "fr" ? "en" : "fr";
  const date = (iso: string) => html`<time datetime="${iso}">${formatDate(iso.slice(0, 10), lang)}</time>`;
  const names = (ids: readonly string[]) => ids.map((id) => entityName(c, id, lang)).join(", ");
  const events = timeline(c);
  const statements = (kind: "accusation" | "denial") =>
    events.flatMap((e) => (e.kind === kind ? [renderStatement(c, e.item, kind, lang, t, p)] : []));
  const consequences = events.flatMap((e) => (e.kind === "consequence" ? [e] : []));
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${c.incident.title[lang]} · claimcard</title>
<meta name="description" content="${c.incident.summary[lang]}">
<link rel="canonical" href="${url}?lang=${lang}">
<link rel="alternate" hreflang="${lang}" href="${url}?lang=${lang}">
<link rel="alternate" hreflang="${other}" href="${url}?lang=${other}">
<link rel="alternate" type="application/json+oembed" href="${oembed}" title="${c.incident.title[lang]}">
<link rel="alternate" type="application/json" href="${origin}/v1/claims/${c.id}">
<meta property="og:type" content="article">
<meta property="og:title" content="${c.incident.title[lang]}">
<meta property="og:description" content="${c.incident.summary[lang]}">
<meta property="og:url" content="${url}?lang=${lang}">
<meta property="og:site_name" content="claimcard">
<meta property="og:locale" content="${lang === "fr" ? "fr_FR" : "en_US"}">
<meta property="og:locale:alternate" content="${other === "fr" ? "fr_FR" : "en_US"}">
<meta property="article:modified_time" content="${c.updatedAt}">
<script type="application/ld+json">${raw(jsonld)}</script>
<style>${raw(PAGE_CSS)}</style>
</head>
<body>
<a class="skip" href="#record">${p.skip}</a>
<header class="site">
  <a class="brand" href="${origin}/">claimcard</a>
  <nav aria-label="${p.language}"><ul>
    <li><span aria-current="page" lang="${lang}">${p.langName[lang]}</span></li>
    <li><a href="${url}?lang=${other}" hreflang="${other}" lang="${other}">${p.langName[other]}</a></li>
  </ul></nav>
</header>
<main id="record">
<article aria-labelledby="title">
  <p class="kicker">${t.kicker}</p>
  <h1 id="title">${c.incident.title[lang]}</h1>
  <p class="meta"><span class="status">${t.status[c.status]}</span> · ${date(c.incident.date)}${c.incident.endDate ? html` – ${date(c.incident.endDate)}` : ""} · ${t.updated} ${date(c.updatedAt)}</p>
  <p class="lead">${c.incident.summary[lang]}</p>
  <dl class="facts">
    <dt>${t.accused}</dt><dd>${names(c.accused)}</dd>
    <dt>${p.targets}</dt><dd>${c.incident.targets.map((x) => x[lang]).join(" · ")}</dd>
  </dl>
  <section aria-labelledby="accusations"><h2 id="accusations">${p.accusations} (${c.accusations.length})</h2>
    <ol class="statements">${statements("accusation")}</ol>
  </section>
  <section aria-labelledby="denials"><h2 id="denials">${p.denials} (${c.denials?.length ?? 0})</h2>
    ${
      c.denials?.length
        ? html`<ol class="statements">${statements("denial")}</ol>`
        : html`<p>${t.noDenial}${c.noDenialOnRecord ? html` (${t.asOf} ${date(c.noDenialOnRecord.asOf)})` : ""}.</p>`
    }
  </section>
  ${
    consequences.length
      ? html`<section aria-labelledby="consequences"><h2 id="consequences">${p.consequences} (${consequences.length})</h2>
    <ol class="statements">${consequences.map(
      (e) => html`<li class="statement">
      <p class="who"><strong>${entityName(c, e.by, lang)}</strong> · ${date(e.date)} · ${t.consequence[e.item.kind]}</p>
      <p>${e.item.summary[lang]}</p>
      ${renderSources(e.item.sources, lang, t, p)}
    </li>`,
    )}</ol></section>`
      : ""
  }
  ${
    c.corrections?.length
      ? html`<section aria-labelledby="corrections"><h2 id="corrections">${p.corrections}</h2>
    <p class="note">${p.correctionsLead}</p>
    <ol class="statements">${c.corrections.map((x) => html`<li class="statement"><p>${x.text[lang]}</p>${renderSources(x.sources, lang, t, p)}</li>`)}</ol></section>`
      : ""
  }
  ${
    related.length
      ? html`<section aria-labelledby="related"><h2 id="related">${t.related}</h2>
    <ul>${related.map((r) => html`<li><a href="${origin}/claims/${r.id}?lang=${lang}">${r.title[lang]}</a></li>`)}</ul></section>`
      : ""
  }
  <section aria-labelledby="how"><h2 id="how">${p.howTo}</h2>
    ${p.howToText.map((x) => html`<p>${x}</p>`)}
    <p>${p.statusLead}</p>
    <ul>${(Object.keys(p.statusText) as Array<keyof PageStrings["statusText"]>).map((s) => html`<li${s === c.status ? html` aria-current="true"` : ""}><strong>${t.status[s]}</strong>${t.colon}${p.statusText[s]}</li>`)}</ul>
  </section>
  <section aria-labelledby="updates"><h2 id="updates">${p.updates}</h2>
    ${renderHistory(c, lang, p, history)}
  </section>
</article>
<footer>
  <p>${t.neutral}</p>
  <p><a href="${origin}/v1/claims/${c.id}" type="application/json">${p.json}</a></p>
  <p class="embed">${p.embed}</p>
</footer>
</main>
</body>
</html>`;
}

/** One accusation or denial in full: who (and the speaker), when, on what basis, whom it accuses, what was said, the sources. */
function renderStatement(
  c: Claim,
  s: Statement & { accuses?: string[] },
  kind: "accusation" | "denial",
  lang: UiLang,
  t: Strings,
  p: PageStrings,
): Rendered {
  const q = s.quote;
  const translation = q && q.lang !== lang ? q.translation[lang] : undefined;
  return html`<li class="statement ${kind}">
      <p class="who"><strong>${entityName(c, s.by, lang)}</strong>${s.speaker ? `, ${s.speaker.name} (${s.speaker.role[lang]})` : ""} · <time datetime="${s.date}">${formatDate(s.date, lang)}</time> · ${kind === "accusation" ? t.accuses : t.denies} · ${t.basis[s.basis]}</p>
      ${s.accuses ? html`<p><strong>${p.accuses}${t.colon}</strong>${s.accuses.map((id) => entityName(c, id, lang)).join(", ")}</p>` : ""}
      <p>${s.summary[lang]}</p>
      ${q ? html`<blockquote lang="${q.lang}">${q.lang === "fr" ? `« ${q.text} »` : `“${q.text}”`}</blockquote>${translation ? html`<p class="translation">${t.translation}${t.colon}${translation}</p>` : ""}` : ""}
      ${renderSources(s.sources, lang, t, p)}
    </li>`;
}

/** Sources: publisher, title, date, link; checked on a date, or labelled unverified with the reason. */
function renderSources(sources: readonly Source[], lang: UiLang, t: Strings, p: PageStrings): Rendered {
  return html`<ul class="sources">${sources.map((src) => {
    const href = safeHref(src.url);
    const label = `${src.publisher}${src.title ? ` — ${src.title}` : ""}`;
    const confirmed = src.check?.result === "confirmed";
    return html`<li>${href ? html`<a href="${href}" rel="noopener noreferrer" hreflang="${src.lang}">${label}</a>` : label} · ${formatDate(src.date, lang)} · ${
      confirmed
        ? `${p.checked} ${formatDate(src.check.on, lang)}`
        : html`<span class="unverified">${t.unverified}</span>${src.check?.note ? ` (${src.check.note})` : ""}`
    }</li>`;
  })}</ul>`;
}

/** The record's history, newest first, or its last change while there is none. */
function renderHistory(c: Claim, lang: UiLang, p: PageStrings, history: HistoryEntry[] | undefined): Rendered {
  const day = (iso: string) => formatDate(iso.slice(0, 10), lang);
  if (!history?.length) return html`<p>${p.lastChange(c.version, day(c.updatedAt))} ${p.noHistory}</p>`;
  const entries = [...history].sort((a, b) => b.version - a.version);
  return html`<ol class="history" reversed>${entries.map(
    (h) =>
      html`<li><strong>${p.version} ${h.version}</strong> · <time datetime="${h.updatedAt}">${day(h.updatedAt)}</time> · ${h.editor}${STRINGS[lang].colon}${h.note}</li>`,
  )}</ol>`;
}
