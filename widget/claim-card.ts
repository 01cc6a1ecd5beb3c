/**
 * `<claim-card>`: the accusation, who makes it and on what basis, and who denies it,
 * beside a news article.
 *
 * @module
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import type { Claim, Localized, UiLang } from "../schema/index.ts";
import { cardFacts, timelineFacts } from "../shared/card-model.ts";
import { FETCH_TIMEOUT_MS } from "../shared/constants.ts";
import { STRINGS, type Strings } from "../shared/i18n.ts";
import { styles } from "../shared/styles.ts";
import { apiBase, fetchClaim } from "./api.ts";
import { autoEmbed } from "./auto-start.ts";
import { uiLang } from "./lang.ts";

type LoadState = "idle" | "loading" | "ready" | "missing" | "error";

/** Titles of related records, by API base and id, fetched once per page when a card opens. */
const relatedTitles = new Map<string, Promise<Localized | undefined>>();

/**
 * A fact-check card for one attribution claim: who accuses, who denies, at a glance.
 *
 * The compact card sets the main accusation against the main denial, in the same form
 * (who, when, on what basis, one sentence or a short quote), or says that no public
 * denial is on record; a button with the counts of what else is on record opens the
 * dated timeline, with every source (an unverified one is labelled so) and links to
 * related records. It fetches the record lazily, when the card comes near the viewport,
 * and reserves its height meanwhile (`CARD_SIZE.height`: 450 px at the default font
 * size), so that the page does not shift. Before the script has run, the element cannot
 * style itself: the embed snippet reserves the same space inline
 * (`style="display:block;min-height:450px"`), and the card takes it over when it starts.
 * A failed, slow or unknown record shows a small note, or nothing with `quiet`; the card
 * never throws into the page. Record text is rendered as text, and only http(s) links
 * are ever rendered. In auto mode (`<claim-card auto selector=".story">`, or `data-auto`
 * on the script tag) it reads the page's article and inserts a card after the paragraph
 * that speaks of each claim on record (see `auto.ts`).
 *
 * Theming: the custom properties and parts below are the whole contract; the two sides
 * of the face-off share the parts `side` and `statement`, so that a publisher styles
 * them alike.
 *
 * @example
 * <script type="module" src="https://claims.example.org/widget.js"></script>
 * <claim-card claim="dnc-hack-2016" style="display:block;min-height:450px"></claim-card>
 *
 * @tagname claim-card
 * @summary A fact-check card: the main accusation and the main denial of a cyberattack attribution, and their timeline.
 *
 * @attr claim - The id of the record to show.
 * @attr api - The API base URL. Default: the origin `widget.js` was loaded from.
 * @attr lang - `fr` or `en`. Default: the closest `lang` attribute, then `<html lang>`.
 * @attr expanded - Show the timeline (the toggle button switches it).
 * @attr quiet - Show nothing, rather than a small note, when the record cannot be shown.
 * @attr eager - Fetch at once, instead of when the card comes within 400 px of the viewport.
 * @attr timeout - Milliseconds before a fetch is given up (default 5000).
 * @attr theme - `light` or `dark`. Default: `prefers-color-scheme`.
 * @attr state - Reflected, read-only: `idle`, `loading`, `ready`, `missing` or `error`.
 * @attr auto - Run auto mode from here and stay hidden (with `selector`, the article's CSS selector).
 *
 * @event claimcard-load - The record is shown. Bubbles, composed; `detail: { id }`.
 * @event claimcard-error - The record could not be shown (unknown, error, timeout). Bubbles, composed; `detail: { id }`.
 *
 * @cssproperty --claim-card-bg - Background colour.
 * @cssproperty --claim-card-fg - Text colour.
 * @cssproperty --claim-card-muted - Colour of secondary text (dates, labels).
 * @cssproperty --claim-card-border - Colour of borders and rules.
 * @cssproperty --claim-card-accent - Colour of links, the toggle and the card's edge.
 * @cssproperty --claim-card-focus - Colour of the focus ring.
 * @cssproperty --claim-card-font - Font family.
 * @cssproperty --claim-card-font-size - Font size (default 15px); the reserved height follows it.
 * @cssproperty --claim-card-radius - Corner radius.
 * @cssproperty --claim-card-max-width - Widest the card grows (default 42em).
 * @cssproperty --claim-card-height - The compact card's reserved height (default 30em).
 *
 * @csspart card - The card's box.
 * @csspart skeleton - The placeholder shown while the record loads.
 * @csspart kicker - The line above the title.
 * @csspart title - The incident's title.
 * @csspart meta - The status and the incident's dates.
 * @csspart status - The attribution status (a neutral label, never a verdict).
 * @csspart accused - Who is accused.
 * @csspart faceoff - The main accusation and the main denial, side by side.
 * @csspart side - One side of the face-off; also `accusation` or `denial`.
 * @csspart who - Who made the statement, when, on what basis.
 * @csspart statement - A side's short quote or sentence.
 * @csspart toggle - The button that opens the timeline (it shows the counts).
 * @csspart link - The link to the full record page.
 * @csspart timeline - The expanded part.
 * @csspart event - One timeline event; also `accusation`, `denial` or `consequence`.
 * @csspart quote - A quote in its original language.
 * @csspart translation - The translation of a quote.
 * @csspart sources - The list of an event's sources.
 * @csspart source - One source's link.
 * @csspart unverified - The label of a source that could not be checked.
 * @csspart related - The list of links to related records.
 * @csspart footer - The neutrality note and the date of the last update.
 * @csspart note - The small note shown when the record cannot be shown.
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
    state: { reflect: true },
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
    this.timeout = FETCH_TIMEOUT_MS;
    this.state = "idle";
  }

  #observer: IntersectionObserver | undefined;
  #abort: AbortController | undefined;
  #titles = new Map<string, Localized>();

  override connectedCallback(): void {
    super.connectedCallback();
    // The embed snippet reserves the card's space before this script runs, with
    // style="display:block;min-height:450px"; from now on the card's own styles hold it.
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
    if (this.expanded && this.data) this.#loadRelated(this.data);
  }

  /** Waits for the card to near the viewport, then loads the record. */
  #watch(): void {
    this.#observer?.disconnect();
    this.#abort?.abort();
    if (this.data || !this.claim) return;
    if (this.eager || typeof IntersectionObserver === "undefined") return void this.#load();
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        void this.#load();
      },
      { rootMargin: "400px" },
    );
    this.#observer.observe(this);
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.state = "loading";
    try {
      const id = this.claim;
      const claim = await fetchClaim(apiBase(this.api), id, {
        timeout: this.timeout > 0 ? this.timeout : FETCH_TIMEOUT_MS,
        signal: abort.signal,
      });
      if (abort.signal.aborted || id !== this.claim) return;
      this.data = claim ?? undefined;
      this.state = claim ? "ready" : "missing";
    } catch {
      if (abort.signal.aborted) return;
      this.state = "error";
    }
    await this.updateComplete;
    this.dispatchEvent(
      new CustomEvent(this.state === "ready" ? "claimcard-load" : "claimcard-error", {
        bubbles: true,
        composed: true,
        detail: { id: this.claim },
      }),
    );
  }

  /** Fetches the titles of the related records once the timeline opens, for their links (the id until then). */
  #loadRelated(c: Claim): void {
    const base = apiBase(this.api);
    for (const id of c.related ?? []) {
      const key = `${base} ${id}`;
      if (!relatedTitles.has(key))
        relatedTitles.set(
          key,
          fetchClaim(base, id, { timeout: FETCH_TIMEOUT_MS }).then(
            (r) => r?.incident.title,
            () => undefined,
          ),
        );
      void relatedTitles.get(key)!.then((title) => {
        if (title && !this.#titles.has(id)) {
          this.#titles.set(id, title);
          this.requestUpdate();
        }
      });
    }
  }

  override render(): TemplateResult | typeof nothing {
    const lang = uiLang(this);
    const t = STRINGS[lang];
    const note = (text: string) => (this.quiet ? nothing : html`<p part="note" role="status">${text}</p>`);
    if (this.data && this.state === "ready") {
      try {
        return this.#card(this.data, lang, t);
      } catch {
        // A malformed record: show the error note, and say so in the state attribute.
        queueMicrotask(() => (this.state = "error"));
        return note(t.error);
      }
    }
    if (this.state === "error" || this.state === "missing")
      return note(this.state === "missing" ? t.notFound : t.error);
    return html`<div part="card skeleton" aria-busy="true"><span class="sr">${t.loading}</span><i></i><i></i><i></i></div>`;
  }

  #card(c: Claim, lang: UiLang, t: Strings): TemplateResult {
    const f = cardFacts(c, lang);
    const base = apiBase(this.api);
    const page = (id: string) => `${base}/claims/${encodeURIComponent(id)}?lang=${lang}`;
    return html`<article part="card" aria-labelledby="title" lang=${lang}>
  <p part="kicker">${t.kicker}</p>
  <h2 id="title" part="title">${f.title}</h2>
  <p part="meta"><span part="status">${f.status}</span> · ${f.dates.map((d, i) => html`${i ? " – " : ""}<time datetime=${d.iso}>${d.text}</time>`)}</p>
  <p part="accused">${t.accused}${t.colon}${f.accused}</p>
  <div part="faceoff">${f.sides.map(
    (s) => html`<section part="side ${s.kind}">
    <h3 class="label">${s.label}</h3>
    ${s.date ? html`<p part="who"><strong>${s.who}</strong> · <time datetime=${s.date.iso}>${s.date.text}</time> · ${s.basis}</p>` : nothing}
    <p part="statement" class=${s.date ? "clamp" : "none"}>${s.text}</p>
  </section>`,
  )}</div>
  <button part="toggle" aria-expanded=${this.expanded ? "true" : "false"} aria-controls="timeline" @click=${this.#toggle}>${f.counts || t.timeline}</button>
  <section id="timeline" part="timeline" aria-labelledby="tl" ?hidden=${!this.expanded}>
    ${
      this.expanded
        ? html`<h3 id="tl">${t.timeline}</h3>
    <ol>${timelineFacts(c, lang).map(
      (e) => html`<li part="event ${e.kind}">
  <time datetime=${e.date.iso}>${e.date.text}</time>
  <p><strong>${e.who}</strong>${e.speaker} <span class="tag">${e.tag}</span></p>
  <p>${e.summary}</p>
  ${e.quote ? html`<blockquote part="quote" lang=${e.quote.lang}>${e.quote.text}</blockquote>${e.quote.translation ? html`<p part="translation">${e.quote.translation}</p>` : nothing}` : nothing}
  <ul part="sources">${e.sources.map((s) => html`<li>${s.href ? html`<a part="source" href=${s.href} target="_blank" rel="noopener noreferrer">${s.label}</a>` : s.label}${s.unverified ? html` <span part="unverified">${t.unverified}</span>` : nothing}</li>`)}</ul>
</li>`,
    )}</ol>
    ${
      c.related?.length
        ? html`<h3>${t.related}</h3>
    <ul part="related">${c.related.map((id) => html`<li><a href=${page(id)} target="_blank" rel="noopener">${this.#titles.get(id)?.[lang] ?? id}</a></li>`)}</ul>`
        : nothing
    }
    <p part="footer">${t.neutral}</p>`
        : nothing
    }
  </section>
  <p part="footer">${t.updated} <time datetime=${f.updated.iso}>${f.updated.text}</time> · <a part="link" href=${page(c.id)} target="_blank" rel="noopener">${t.record}</a></p>
</article>`;
  }

  #toggle = (): void => {
    this.expanded = !this.expanded;
  };
}
