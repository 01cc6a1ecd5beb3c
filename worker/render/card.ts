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
import type { Claim, Source, UiLang } from "../../schema/index.ts";
import { STRINGS, formatDate, type Strings } from "../../widget/i18n.ts";
import { styles } from "../../widget/styles.ts";
import { entityName, partyNames, safeHref, timeline, type TimelineEvent } from "../../widget/timeline.ts";

/**
 * The widget's stylesheet, turned from shadow-DOM `:host` rules into rules on the
 * `.claimcard` element, plus what the server markup adds (`<details>` as the toggle).
 */
export const CARD_CSS = `${styles.cssText
  .replace(/:host\(([^)]*)\)/g, ".claimcard$1")
  .replace(/:host/g, ".claimcard")}
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
export function renderCard(c: Claim, lang: UiLang, { record, open = false }: { record: string; open?: boolean }): Rendered {
  const t = STRINGS[lang];
  const denied = c.denials?.length
    ? partyNames(c, c.denials, lang)
    : `${t.noDenial}${c.noDenialOnRecord ? ` (${t.asOf} ${formatDate(c.noDenialOnRecord.asOf, lang)})` : ""}`;
  return html`<article class="claimcard" part="card" lang="${lang}" aria-labelledby="title">
  <p part="kicker" class="one">${t.kicker}</p>
  <h1 id="title" part="title" class="clamp">${c.incident.title[lang]}</h1>
  <p part="meta" class="one"><span part="status">${t.status[c.status]}</span> · <time datetime="${c.incident.date}">${formatDate(c.incident.date, lang)}</time>${c.incident.endDate ? html` – <time datetime="${c.incident.endDate}">${formatDate(c.incident.endDate, lang)}</time>` : ""}</p>
  <p part="summary" class="clamp">${c.incident.summary[lang]}</p>
  <dl part="parties">
    <div><dt>${t.accused}</dt><dd class="one">${c.accused.map((id) => entityName(c, id, lang)).join(", ")}</dd></div>
    <div><dt>${t.accusers}</dt><dd class="one">${partyNames(c, c.accusations, lang)}</dd></div>
    <div><dt>${t.denials}</dt><dd class="one">${denied}</dd></div>
  </dl>
  <details${open ? html` open` : ""}>
    <summary part="toggle">${t.more}</summary>
    <section id="timeline" part="timeline" aria-labelledby="tl">
      <h2 id="tl">${t.timeline}</h2>
      <ol>${timeline(c).map((e) => renderEvent(c, e, lang, t))}</ol>
      <p part="footer">${t.neutral}</p>
    </section>
  </details>
  <p part="footer" class="one">${t.updated} <time datetime="${c.updatedAt}">${formatDate(c.updatedAt.slice(0, 10), lang)}</time> · <a part="link" href="${record}" target="_blank" rel="noopener">${t.record}</a></p>
</article>`;
}

function renderEvent(c: Claim, e: TimelineEvent, lang: UiLang, t: Strings): Rendered {
  const s = e.kind === "consequence" ? undefined : e.item;
  const tag = e.kind === "consequence" ? t.consequence[e.item.kind] : `${e.kind === "accusation" ? t.accuses : t.denies} · ${t.basis[e.item.basis]}`;
  const q = s?.quote;
  return html`<li part="event ${e.kind}">
  <time datetime="${e.date}">${formatDate(e.date, lang)}</time>
  <p><strong>${entityName(c, e.by, lang)}</strong>${s?.speaker ? `, ${s.speaker.name} (${s.speaker.role[lang]})` : ""} <span class="tag">${tag}</span></p>
  <p>${e.item.summary[lang]}</p>
  ${q ? html`<blockquote part="quote" lang="${q.lang}">${q.lang === "fr" ? `« ${q.text} »` : `“${q.text}”`}</blockquote>${q.lang !== lang && q.translation[lang] ? html`<p part="translation">${t.translation} : ${q.translation[lang]}</p>` : ""}` : ""}
  <ul part="sources">${e.item.sources.map((src) => renderSource(src, t))}</ul>
</li>`;
}

function renderSource(s: Source, t: Strings): Rendered {
  const href = safeHref(s.url);
  const label = `${t.source} : ${s.publisher}`;
  return html`<li>${href ? html`<a part="source" href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>` : label}</li>`;
}
