/**
 * `<claim-card>`: the accusation, who makes it and on what basis, and who denies it,
 * beside a news article.
 *
 * @module
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import type { Claim, UiLang } from "../schema/index.ts";
import { cardFacts, timelineFacts } from "../shared/card-model.ts";
import { FETCH_TIMEOUT_MS } from "../shared/constants.ts";
import { STRINGS, type Strings } from "../shared/i18n.ts";
import { styles } from "../shared/styles.ts";
import { apiBase, fetchClaim } from "./api.ts";
import { autoEmbed } from "./auto.ts";
import { uiLang } from "./lang.ts";

type LoadState = "idle" | "loading" | "ready" | "missing" | "error";

/**
 * A fact-check card for one attribution claim.
 *
 * It fetches the record lazily, when the card comes near the viewport, and reserves its
 * height meanwhile (`--claim-card-height`, `CARD_SIZE.height`: 360 px at the default font size), so that the
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
 * `quiet` (show nothing on error), `eager` (fetch at once), `timeout` (ms, default `FETCH_TIMEOUT_MS`: 5000),
 * `theme` (`light`|`dark`; default: `prefers-color-scheme`).
 *
 * Events: `claimcard-load` and `claimcard-error`, bubbling and `composed`, with the id in `detail`.
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
    const record = `${apiBase(this.api)}/claims/${encodeURIComponent(c.id)}`;
    return html`<article part="card" aria-labelledby="title" lang=${lang}>
  <p part="kicker" class="one">${t.kicker}</p>
  <h2 id="title" part="title" class="clamp">${f.title}</h2>
  <p part="meta" class="one"><span part="status">${f.status}</span> · ${f.dates.map((d, i) => html`${i ? " – " : ""}<time datetime=${d.iso}>${d.text}</time>`)}</p>
  <p part="summary" class="clamp">${f.summary}</p>
  <dl part="parties">${f.parties.map(([label, names]) => html`<div><dt>${label}</dt><dd class="one">${names}</dd></div>`)}</dl>
  <div class="row">
    <button part="toggle" aria-expanded=${this.expanded ? "true" : "false"} aria-controls="timeline" @click=${this.#toggle}>${t.more}</button>
    <a part="link" class="one" href=${record} target="_blank" rel="noopener">${t.record}</a>
  </div>
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
  <ul part="sources">${e.sources.map((s) => html`<li>${s.href ? html`<a part="source" href=${s.href} target="_blank" rel="noopener noreferrer">${s.label}</a>` : s.label}</li>`)}</ul>
</li>`,
    )}</ol>
    <p part="footer">${t.neutral}</p>`
        : nothing
    }
  </section>
  <p part="footer" class="one">${t.updated} <time datetime=${f.updated.iso}>${f.updated.text}</time></p>
</article>`;
  }

  #toggle = (): void => {
    this.expanded = !this.expanded;
  };
}
