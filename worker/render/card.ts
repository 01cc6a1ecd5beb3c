/**
 * The card as server-rendered HTML, for the iframe embed (`/embed/:id`) and the
 * shareable page (`/claims/:id`): the same content, markup parts and stylesheet as the
 * `<claim-card>` widget, working without JavaScript (the timeline opens with a native
 * `<details>`). Every value is escaped by Hono's `html` template; only http(s) links are
 * rendered.
 *
 * @module
 */
import { html } from "hono/html";
import type { Claim, UiLang } from "../../schema/index.ts";
import { cardFacts, type EventFacts, timelineFacts } from "../../shared/card-model.ts";
import { STRINGS } from "../../shared/i18n.ts";
import { styles } from "../../shared/styles.ts";

/**
 * The widget's stylesheet, turned from shadow-DOM `:host` rules into rules on the
 * `.claimcard` element, plus what the server markup adds (`<details>` as the toggle).
 */
export const CARD_CSS = `${styles.cssText.replace(/:host\(([^)]*)\)/g, ".claimcard$1").replace(/:host/g, ".claimcard")}
.claimcard:has(details[open]) { block-size: auto }
details > summary { list-style: none; cursor: pointer; display: inline-block; font-weight: 600; color: var(--_accent); border: 1px solid var(--_line); border-radius: .4em; padding: .2em .7em }
details > summary::-webkit-details-marker { display: none }
details[open] > summary { margin-block-end: .6em }
details:not([open]) > [part~=timeline] { display: none }
.claimcard h1 { margin: 0 }
.claimcard h2 { font-size: 1em; margin: 0 0 .4em }`;

type Rendered = ReturnType<typeof html>;

/**
 * Renders the card of a claim in a language.
 *
 * @example
 * c.html(await renderCard(claim, "fr", { record: "https://claims.example.org/claims/dnc-hack-2016" }));
 */
export function renderCard(
  c: Claim,
  lang: UiLang,
  { record, open = false }: { record: string; open?: boolean },
): Rendered {
  const t = STRINGS[lang];
  const f = cardFacts(c, lang);
  return html`<article class="claimcard" part="card" lang="${lang}" aria-labelledby="title">
  <p part="kicker" class="one">${t.kicker}</p>
  <h1 id="title" part="title" class="clamp">${f.title}</h1>
  <p part="meta" class="one"><span part="status">${f.status}</span> · ${f.dates.map((d, i) => html`${i ? " – " : ""}<time datetime="${d.iso}">${d.text}</time>`)}</p>
  <p part="summary" class="clamp">${f.summary}</p>
  <dl part="parties">${f.parties.map(([label, names]) => html`<div><dt>${label}</dt><dd class="one">${names}</dd></div>`)}</dl>
  <details${open ? html` open` : ""}>
    <summary part="toggle">${t.more}</summary>
    <section id="timeline" part="timeline" aria-labelledby="tl">
      <h2 id="tl">${t.timeline}</h2>
      <ol>${timelineFacts(c, lang).map(renderEvent)}</ol>
      <p part="footer">${t.neutral}</p>
    </section>
  </details>
  <p part="footer" class="one">${t.updated} <time datetime="${f.updated.iso}">${f.updated.text}</time> · <a part="link" href="${record}" target="_blank" rel="noopener">${t.record}</a></p>
</article>`;
}

function renderEvent(e: EventFacts): Rendered {
  return html`<li part="event ${e.kind}">
  <time datetime="${e.date.iso}">${e.date.text}</time>
  <p><strong>${e.who}</strong>${e.speaker} <span class="tag">${e.tag}</span></p>
  <p>${e.summary}</p>
  ${e.quote ? html`<blockquote part="quote" lang="${e.quote.lang}">${e.quote.text}</blockquote>${e.quote.translation ? html`<p part="translation">${e.quote.translation}</p>` : ""}` : ""}
  <ul part="sources">${e.sources.map((s) => html`<li>${s.href ? html`<a part="source" href="${s.href}" target="_blank" rel="noopener noreferrer">${s.label}</a>` : s.label}</li>`)}</ul>
</li>`;
}
