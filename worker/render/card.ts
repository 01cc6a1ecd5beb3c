/**
 * The card as server-rendered HTML, for the iframe embed (`/embed/:id`): the same
 * content, markup parts and stylesheet as the `<claim-card>` widget (the face-off, the
 * counts, the timeline, the related records), working without JavaScript (the timeline
 * opens with a native `<details>`). Every value is escaped by Hono's `html` template;
 * only http(s) links are rendered.
 *
 * @module
 */
import { html } from "hono/html";
import type { Claim, UiLang } from "../../schema/index.ts";
import { cardFacts, type EventFacts, type SideFacts, timelineFacts } from "../../shared/card-model.ts";
import { STRINGS, type Strings } from "../../shared/i18n.ts";
import { styles } from "../../shared/styles.ts";
import type { RelatedRecord } from "../middleware/related.ts";

/**
 * The widget's stylesheet, turned from shadow-DOM `:host` rules into rules on the
 * `.claimcard` element, plus what the server markup adds (`<details>` as the toggle).
 */
export const CARD_CSS = `${styles.cssText.replace(/:host\(([^)]*)\)/g, ".claimcard$1").replace(/:host/g, ".claimcard")}
.claimcard:has(details[open]) { block-size: auto }
.claimcard:has(details[open]) [part~=card] { overflow: visible }
details > summary { list-style: none; cursor: pointer; display: inline-block; font-weight: 600; color: var(--_accent); border: 1px solid var(--_line); border-radius: .4em; padding: .2em .7em }
details > summary::-webkit-details-marker { display: none }
details[open] > summary { margin-block-end: .6em }
details:not([open]) > [part~=timeline] { display: none }
.claimcard h1 { margin: 0 }`;

type Rendered = ReturnType<typeof html>;

/**
 * Renders the card of a claim in a language. `record` is the full record page's URL;
 * `related` the related records to link to, with their titles.
 *
 * @example
 * c.html(renderCard(claim, "fr", { origin: "https://claims.example.org", related: [] }));
 */
export function renderCard(
  c: Claim,
  lang: UiLang,
  { origin, related = [], open = false }: { origin: string; related?: RelatedRecord[]; open?: boolean },
): Rendered {
  const t = STRINGS[lang];
  const f = cardFacts(c, lang);
  const page = (id: string) => `${origin}/claims/${encodeURIComponent(id)}?lang=${lang}`;
  return html`<div class="claimcard"><article part="card" lang="${lang}" aria-labelledby="title">
  <p part="kicker">${t.kicker}</p>
  <h1 id="title" part="title">${f.title}</h1>
  <p part="meta"><span part="status">${f.status}</span> · ${f.dates.map((d, i) => html`${i ? " – " : ""}<time datetime="${d.iso}">${d.text}</time>`)}</p>
  <p part="accused">${t.accused}${t.colon}${f.accused}</p>
  <div part="faceoff">${f.sides.map(renderSide)}</div>
  <details${open ? html` open` : ""}>
    <summary part="toggle">${f.counts || t.timeline}</summary>
    <section id="timeline" part="timeline" aria-labelledby="tl">
      <h2 id="tl">${t.timeline}</h2>
      <ol>${timelineFacts(c, lang).map((e) => renderEvent(e, t))}</ol>
      ${related.length ? html`<h2>${t.related}</h2><ul part="related">${related.map((r) => html`<li><a href="${page(r.id)}" target="_blank" rel="noopener">${r.title[lang]}</a></li>`)}</ul>` : ""}
      <p part="footer">${t.neutral}</p>
    </section>
  </details>
  <p part="footer">${t.updated} <time datetime="${f.updated.iso}">${f.updated.text}</time> · <a part="link" href="${page(c.id)}" target="_blank" rel="noopener">${t.record}</a></p>
</article></div>`;
}

function renderSide(s: SideFacts): Rendered {
  return html`<section part="side ${s.kind}">
    <h2 class="label">${s.label}</h2>
    ${s.date ? html`<p part="who"><strong>${s.who}</strong> · <time datetime="${s.date.iso}">${s.date.text}</time> · ${s.basis}</p>` : ""}
    <p part="statement" class="${s.date ? "clamp" : "none"}">${s.text}</p>
  </section>`;
}

function renderEvent(e: EventFacts, t: Strings): Rendered {
  return html`<li part="event ${e.kind}">
  <time datetime="${e.date.iso}">${e.date.text}</time>
  <p><strong>${e.who}</strong>${e.speaker} <span class="tag">${e.tag}</span></p>
  <p>${e.summary}</p>
  ${e.quote ? html`<blockquote part="quote" lang="${e.quote.lang}">${e.quote.text}</blockquote>${e.quote.translation ? html`<p part="translation">${e.quote.translation}</p>` : ""}` : ""}
  <ul part="sources">${e.sources.map((s) => html`<li>${s.href ? html`<a part="source" href="${s.href}" target="_blank" rel="noopener noreferrer">${s.label}</a>` : s.label}${s.unverified ? html` <span part="unverified">${t.unverified}</span>` : ""}</li>`)}</ul>
</li>`;
}
