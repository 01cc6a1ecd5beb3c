/**
 * Auto mode: reads the page's article, asks the API which claims it is about, and puts
 * each card after the paragraph that carries the evidence (the match's text-quote
 * anchor, as annotation tools do). A publisher lends it their page, so it is cautious:
 *
 * - **The article** is the `data-auto` selector's element; without one, the schema.org
 *   `articleBody` (`[itemprop=articleBody]`), else the `<article>` with the most
 *   paragraph text (a homepage's teasers lose to the story), else `<main>`. When there is
 *   none, or it holds too little text, the console says why and nothing happens.
 * - **What is read and sent** is the visible text of its body blocks, one block per line
 *   (never glued: "russe\nLes"), without boxes (asides, figures, promos, newsletters,
 *   "Read more", paywalls) and without hidden or clipped text (a paywall's hidden
 *   paragraphs stay on the page). The page's own URL goes without its query and
 *   fragment (preview tokens stay home), or as its canonical link; the title is the
 *   article's `<h1>`, else `og:title`, never a logo. The POST is a CORS-simple request
 *   (a JSON body sent as text/plain): no preflight round trip.
 * - **A card goes only after a body paragraph**: visible, not clipped, not in a box, not
 *   a heading, a subheading in bold, or a link line ("RELATED: …"). Each card gets its
 *   own place, best match first; a record related to one already placed gets no card of
 *   its own (the card links to it).
 * - **Nothing the reader looks at moves**: a card goes only where the paragraph ends
 *   below the bottom of the window (the anchor's paragraph, or the first free one after
 *   it); a card with no such place is not inserted. The card brings its own margin and
 *   text alignment.
 *
 * Nothing here ever throws into the page.
 *
 * @module
 */
import type { Claim, Match, TextQuote } from "../schema/index.ts";
import { MATCH_LIMIT, MATCH_MAX_CHARS, MATCH_TIMEOUT_MS } from "../shared/constants.ts";
import { toUiLang } from "../shared/i18n.ts";
import { apiBase, requestMatches } from "./api.ts";
import type { ClaimCard } from "./claim-card.ts";

/** What auto mode reads from `<script data-auto="…" data-api="…" data-limit="…">`. */
export interface AutoOptions {
  /** CSS selector of the article; default: found by the heuristic above. */
  selector?: string | null;
  api?: string | null;
  lang?: string | null;
  limit?: number;
  timeout?: number;
}

/** The blocks whose text is the article's text. */
const BLOCKS = "p,li,h2,h3,h4,h5,h6,blockquote";
/** Boxes: what is in them is not the article's own text, and no card goes there. */
const BOXES =
  "aside,figure,nav,header,footer,form,table,details,dialog,[role=complementary],[role=note],[role=dialog],[role=navigation],[aria-hidden=true]";
/** Class names and ids of boxes that publishers mark up as plain divs. */
const BOX_NAMES =
  /paywall|subscri|abonn|newsletter|promo|related|read-?more|lire-?aussi|teaser|sponsor|share|social|signup|callout|caption|byline|credit|(^|[-_ ])ads?($|[-_ ])|advert/i;
/** The least text a body paragraph holds, and the least an article does. */
const MIN_PARAGRAPH = 60;
const MIN_ARTICLE = 200;

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const warn = (why: string) => console.warn(`claimcard auto mode: ${why}`);

/**
 * Finds the article, matches it, and inserts the cards. Resolves with the cards
 * inserted (none when the article is about nothing on record, or on any error).
 *
 * @example
 * import { autoEmbed } from "https://claims.example.org/widget.js";
 * await autoEmbed({ selector: ".story-body" });
 */
export async function autoEmbed(opts: AutoOptions = {}): Promise<ClaimCard[]> {
  try {
    const root = findArticle(opts.selector);
    if (!root) return [];
    const blocks = readable(root, BLOCKS);
    const text = blocks.map((el) => squash(el.textContent ?? "")).join("\n");
    if (text.length < MIN_ARTICLE) {
      warn(`${describe(root)} has too little visible text to match`);
      return [];
    }
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const url = /^https?:/.test(canonical ?? "")
      ? canonical
      : /^https?:/.test(location.href)
        ? location.origin + location.pathname
        : "";
    const title = squash(
      root.querySelector("h1")?.textContent ||
        document.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content ||
        document.title,
    ).slice(0, 1000);
    const lang = document.documentElement.lang;
    const base = apiBase(opts.api);
    const { matches } = await requestMatches(
      base,
      {
        text: text.slice(0, MATCH_MAX_CHARS),
        ...(title ? { title } : {}),
        ...(url ? { url } : {}),
        ...(/^(fr|en)\b/i.test(lang) ? { lang: toUiLang(lang) } : {}),
        limit: opts.limit ?? MATCH_LIMIT.default,
      },
      { timeout: opts.timeout ?? MATCH_TIMEOUT_MS },
    );
    const slots = readable(root, "p").filter(bodyParagraph);
    const used = new Set<Element>();
    const placed: Claim[] = [];
    const cards: ClaimCard[] = [];
    for (const m of [...matches].sort((a, b) => b.score - a.score)) {
      if (placed.some((c) => c.related?.includes(m.id) || m.claim.related?.includes(c.id))) continue;
      const at = place(slots, used, m.anchor, blocks);
      if (!at) {
        warn(`no place below the fold for ${m.id}`);
        continue;
      }
      used.add(at);
      placed.push(m.claim);
      cards.push(insertCard(at, m, base, opts.lang));
    }
    return cards;
  } catch {
    return [];
  }
}

/** The article: the selector's element, else `articleBody`, else the `<article>` with the most paragraph text, else `<main>`. */
function findArticle(selector?: string | null): Element | null {
  if (selector) {
    const el = document.querySelector(selector);
    if (!el) warn(`no element matches ${selector}`);
    return el;
  }
  const paragraphText = (el: Element) => readable(el, "p").reduce((n, p) => n + (p.textContent ?? "").length, 0);
  const best = [...document.querySelectorAll("article")].reduce<[Element | null, number]>(
    (best, a) => {
      const n = paragraphText(a);
      return n > best[1] ? [a, n] : best;
    },
    [null, 0],
  )[0];
  const root = document.querySelector("[itemprop~=articleBody]") ?? best ?? document.querySelector("main");
  if (!root)
    warn("no [itemprop=articleBody], <article> or <main> on the page: set data-auto to the article's selector");
  return root;
}

const describe = (el: Element) => `<${el.localName}${el.id ? `#${el.id}` : ""}>`;

/**
 * The elements under `root` matching `selector` that a reader can see: rendered, not in
 * a box, and not cut off by a clipping ancestor (a paywall with a max-height), outermost
 * only (a paragraph inside a list item counts once).
 */
function readable(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => {
    const outer = el.parentElement?.closest(selector);
    return (
      !(outer && root.contains(outer)) &&
      !el.closest("claim-card") &&
      visible(el) &&
      !boxed(el, root) &&
      !clipped(el, root)
    );
  });
}

/** Rendered and not made invisible. */
function visible(el: Element): boolean {
  return el.checkVisibility
    ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    : el.getClientRects().length > 0;
}

/** Inside a box between `el` and `root`. */
function boxed(el: Element, root: Element): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    if (e.matches(BOXES) || BOX_NAMES.test(`${e.id} ${e.getAttribute("class") ?? ""}`)) return true;
  }
  return false;
}

/** Cut off, even in part, by an ancestor that clips what overflows it. */
function clipped(el: Element, root: Element): boolean {
  const box = el.getBoundingClientRect();
  for (let e = el.parentElement; e && e !== root.parentElement; e = e.parentElement) {
    if (getComputedStyle(e).overflowY === "visible" || e.scrollHeight <= e.clientHeight + 1) continue;
    const clip = e.getBoundingClientRect();
    if (box.bottom > clip.bottom + 1 || box.top < clip.top - 1) return true;
  }
  return false;
}

/** A body paragraph: long enough, not a subheading in bold, not a line of links ("RELATED: …"). */
function bodyParagraph(p: Element): boolean {
  const text = squash(p.textContent ?? "");
  const linked = [...p.querySelectorAll("a")].reduce((n, a) => n + squash(a.textContent ?? "").length, 0);
  const bold = [...p.querySelectorAll("b,strong")].reduce((n, b) => n + squash(b.textContent ?? "").length, 0);
  return (
    !p.closest("li,blockquote") &&
    text.length >= MIN_PARAGRAPH &&
    linked < text.length / 2 &&
    bold < text.length * 0.8 &&
    !/^[\p{Lu}\s’'-]{3,}\s?:/u.test(text)
  );
}

/**
 * Where the card goes: the first free body paragraph, from the one that holds the
 * anchor on, whose end is below the bottom of the window (so that what the reader sees
 * does not move). Without an anchor, from the article's start.
 */
function place(slots: Element[], used: Set<Element>, anchor: TextQuote | null, blocks: Element[]): Element | null {
  const exact = anchor ? squash(anchor.exact) : "";
  const holds = (part: string) => blocks.find((el) => squash(el.textContent ?? "").includes(part));
  // A quote that runs over two blocks (a heading without a full stop, then its text) is found by its start.
  const block = exact ? (holds(exact) ?? holds(exact.slice(0, 40))) : undefined;
  const from = block
    ? slots.findIndex((p) => p === block || block.contains(p) || !!(block.compareDocumentPosition(p) & 4))
    : 0;
  if (from < 0) return null;
  return slots.slice(from).find((p) => !used.has(p) && p.getBoundingClientRect().bottom >= innerHeight) ?? null;
}

function insertCard(after: Element, m: Match, base: string, lang?: string | null): ClaimCard {
  const card = document.createElement("claim-card") as ClaimCard;
  card.setAttribute("claim", m.id);
  card.data = m.claim;
  card.api = base;
  card.dataset.claimcardAuto = String(m.score);
  if (lang) card.setAttribute("lang", lang);
  after.after(card);
  return card;
}
