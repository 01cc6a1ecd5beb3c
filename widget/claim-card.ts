/**
 * `<claim-card>`: the accusation, who makes it and on what basis, and who denies it,
 * beside a news article.
 *
 * @module
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import type { Claim, Source, UiLang } from "../schema/index.ts";
import { apiBase, fetchClaim } from "./api.ts";
import { autoEmbed } from "./auto.ts";
import { STRINGS, formatDate, type Strings } from "./i18n.ts";
import { uiLang } from "./lang.ts";
import { styles } from "./styles.ts";
import { entityName, partyNames, safeHref, timeline, type TimelineEvent } from "./timeline.ts";

type LoadState = "idle" | "loading" | "ready" | "missing" | "error";

/**
 * A fact-check card for one attribution claim.
 *
 * It fetches the record lazily, when the card comes near the viewport, and reserves its
 * height meanwhile (`--claim-card-height`, 360 px at the default font size), so that the
 * page does not shift. Before the script has run, the element cannot style itself: the
 * embed snippet reserves the same space inline (`style="display:block;min-height:360px"`),
 * and the card takes it over when it starts. A failed, slow (`timeout`) or
 * unknown record shows a small note, or nothing with `quiet`; the card never throws into
 * the page. Record text is rendered as text, and only http(s) links are ever rendered.
 *
 * @example
 * <script type="module" src="https://claims.example.org/widget.js"></script>
 * <claim-card claim="dnc-hack-2016"></claim-card>
 *
 * In auto mode (`<claim-card auto selector=".story">`, or `data-auto` on the script tag)
 * it reads the page's article and inserts a card beside each paragraph that speaks of a
 * claim on record (see `auto.ts`).
 *
 * Attributes: `claim` (record id), `api` (API base; default: the script's origin),
 * `lang` (`fr`|`en`; default: the page's `<html lang>`), `expanded` (show the timeline),
 * `quiet` (show nothing on error), `eager` (fetch at once), `timeout` (ms, default 5000),
 * `theme` (`light`|`dark`; default: `prefers-color-scheme`).
 *
 * Events: `claimcard-load` and `claimcard-error`, both `composed`, with the id in `detail`.
 *
 * CSS custom properties: `--claim-card-bg`, `--claim-card-fg`, `--claim-card-muted`,
 * `--claim-card-border`, `--claim-card-accent`, `--claim-card-focus`, `--claim-card-font`,
 * `--claim-card-font-size`, `--claim-card-radius`, `--claim-card-max-width`, and
 * `--claim-card-height` (the reserved height of the compact card).
 *
 * Parts: `card`, `skeleton`, `kicker`, `title`, `meta`, `status`, `summary`, `parties`,
 * `toggle`, `link`, `timeline`, `event` (with `accusation`, `denial` or `consequence`),
 * `quote`, `translation`, `sources`, `source`, `footer`, `note`.
 */
export class ClaimCard extends LitElement {
  static override styles = styles;

  /**
   * Reactive properties, declared without decorators so that the bundle needs no
   * decorator runtime (it must stay under 12 KB gzip, Lit included).
   */
  static override properties = {
    claim: {},
    api: {},
    langAttr: { attribute: "lang" },
    expanded: { type: Boolean, reflect: true },
    quiet: { type: Boolean, reflect: true },
    eager: { type: Boolean },
    timeout: { type: Number },
    data: { attribute: false },
    state: { state: true },
  };

  /** The id of the record to show. */
  declare claim: string;
  /** The API base URL. Default: the origin `widget.js` was loaded from. */
  declare api: string;
  /** Mirrors the `lang` attribute, so that changing it re-renders. */
  declare langAttr: string | null;
  /** Whether the timeline is shown. */
  declare expanded: boolean;
  /** Show nothing, rather than a note, when the record cannot be shown. */
  declare quiet: boolean;
  /** Fetch at once instead of when the card nears the viewport. */
  declare eager: boolean;
  /** Milliseconds before a fetch is given up. */
  declare timeout: number;
  /** The record itself, when the page already has it (auto mode passes the match's record). */
  declare data: Claim | undefined;
  /** Where loading stands, reflected as the `state` attribute for styling. */
  declare state: LoadState;

  constructor() {
    super();
    this.claim = "";
    this.api = "";
    this.langAttr = null;
    this.expanded = false;
    this.quiet = false;
    this.eager = false;
    this.timeout = 5000;
    this.state = "idle";
  }

  #observer: IntersectionObserver | undefined;
  #abort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // The embed snippet reserves the card's space before this script runs, with
    // style="display:block;min-height:360px"; from now on the card's own styles hold it.
    this.style.removeProperty("display");
    this.style.removeProperty("min-height");
    if (this.hasAttribute("auto")) {
      this.hidden = true;
      this.removeAttribute("auto");
      void autoEmbed({ selector: this.getAttribute("selector"), api: this.api, lang: this.getAttribute("lang") });
    } else if (this.hasUpdated) this.#watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("claim") && this.data && this.data.id !== this.claim) this.data = undefined;
    if (changed.has("data") && this.data) this.state = "ready";
    else if (changed.has("claim") || changed.has("api")) this.#watch();
  }

  protected override updated(): void {
    this.setAttribute("state", this.state);
  }

  /** Waits for the card to near the viewport, then loads the record. */
  #watch(): void {
    this.#observer?.disconnect();
    if (this.data || !this.claim) return;
    if (this.eager || typeof IntersectionObserver === "undefined") return void this.#load();
    this.#observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.#observer?.disconnect();
      void this.#load();
    }, { rootMargin: "400px" });
    this.#observer.observe(this);
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.state = "loading";
    try {
      const claim = await fetchClaim(apiBase(this.api), this.claim, { timeout: this.timeout, signal: abort.signal });
      if (abort.signal.aborted) return;
      this.data = claim ?? undefined;
      this.state = claim ? "ready" : "missing";
    } catch {
      if (abort.signal.aborted) return;
      this.state = "error";
    }
    await this.updateComplete;
    this.dispatchEvent(new CustomEvent(this.state === "ready" ? "claimcard-load" : "claimcard-error", { composed: true, detail: { id: this.claim } }));
  }

  override render(): TemplateResult | typeof nothing {
    const lang = uiLang(this);
    const t = STRINGS[lang];
    if (this.data && this.state === "ready") {
      try {
        return this.#card(this.data, lang, t);
      } catch {
        this.state = "error";
      }
    }
    if (this.state === "error" || this.state === "missing") {
      return this.quiet ? nothing : html`<p part="note" role="status">${this.state === "missing" ? t.notFound : t.error}</p>`;
    }
    return html`<div part="card skeleton" aria-busy="true"><span class="sr">${t.loading}</span><i></i><i></i><i></i></div>`;
  }

  #card(c: Claim, lang: UiLang, t: Strings): TemplateResult {
    const record = `${apiBase(this.api)}/claims/${encodeURIComponent(c.id)}`;
    const denied = c.denials?.length
      ? partyNames(c, c.denials, lang)
      : `${t.noDenial}${c.noDenialOnRecord ? ` (${t.asOf} ${formatDate(c.noDenialOnRecord.asOf, lang)})` : ""}`;
    return html`<article part="card" aria-labelledby="title" lang=${lang}>
  <p part="kicker" class="one">${t.kicker}</p>
  <h2 id="title" part="title" class="clamp">${c.incident.title[lang]}</h2>
  <p part="meta" class="one"><span part="status">${t.status[c.status] ?? c.status}</span> · <time datetime=${c.incident.date}>${formatDate(c.incident.date, lang)}</time>${c.incident.endDate ? html` – <time datetime=${c.incident.endDate}>${formatDate(c.incident.endDate, lang)}</time>` : nothing}</p>
  <p part="summary" class="clamp">${c.incident.summary[lang]}</p>
  <dl part="parties">
    <div><dt>${t.accused}</dt><dd class="one">${c.accused.map((id) => entityName(c, id, lang)).join(", ")}</dd></div>
    <div><dt>${t.accusers}</dt><dd class="one">${partyNames(c, c.accusations, lang)}</dd></div>
    <div><dt>${t.denials}</dt><dd class="one">${denied}</dd></div>
  </dl>
  <div class="row">
    <button part="toggle" aria-expanded=${this.expanded ? "true" : "false"} aria-controls="timeline" @click=${this.#toggle}>${this.expanded ? t.less : t.more}</button>
    <a part="link" class="one" href=${record} target="_blank" rel="noopener">${t.record}</a>
  </div>
  <section id="timeline" part="timeline" aria-labelledby="tl" ?hidden=${!this.expanded}>
    ${this.expanded ? html`<h3 id="tl">${t.timeline}</h3>
    <ol>${timeline(c).map((e) => this.#event(c, e, lang, t))}</ol>
    <p part="footer">${t.neutral}</p>` : nothing}
  </section>
  <p part="footer" class="one">${t.updated} <time datetime=${c.updatedAt}>${formatDate(c.updatedAt.slice(0, 10), lang)}</time></p>
</article>`;
  }

  #event(c: Claim, e: TimelineEvent, lang: UiLang, t: Strings): TemplateResult {
    const who = entityName(c, e.by, lang);
    const s = e.kind === "consequence" ? undefined : e.item;
    const tag = e.kind === "consequence" ? t.consequence[e.item.kind] : `${e.kind === "accusation" ? t.accuses : t.denies} · ${t.basis[e.item.basis] ?? e.item.basis}`;
    const q = s?.quote;
    return html`<li part="event ${e.kind}">
  <time datetime=${e.date}>${formatDate(e.date, lang)}</time>
  <p><strong>${who}</strong>${s?.speaker ? `, ${s.speaker.name} (${s.speaker.role[lang]})` : ""} <span class="tag">${tag}</span></p>
  <p>${e.item.summary[lang]}</p>
  ${q ? html`<blockquote part="quote" lang=${q.lang}>${q.lang === "fr" ? `« ${q.text} »` : `“${q.text}”`}</blockquote>
  ${q.lang !== lang && q.translation[lang] ? html`<p part="translation">${t.translation} : ${q.translation[lang]}</p>` : nothing}` : nothing}
  <ul part="sources">${e.item.sources.map((src) => this.#source(src, t))}</ul>
</li>`;
  }

  #source(s: Source, t: Strings): TemplateResult {
    const href = safeHref(s.url);
    const label = `${t.source} : ${s.publisher}`;
    return html`<li>${href ? html`<a part="source" href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label}</li>`;
  }

  #toggle = (): void => {
    this.expanded = !this.expanded;
  };
}
