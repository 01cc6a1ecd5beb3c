/**
 * Auto mode: reads the page's article, asks the API which claims it is about, and puts a
 * card after the paragraph that speaks of each (text-quote anchoring, as annotation
 * tools do). A card is not inserted where the reader is looking: if its paragraph is on
 * screen, the card goes after the first paragraph below the fold, where the reader will
 * meet it, so that nothing on screen moves. Only when the whole article is on screen does
 * the card go at its end. Nothing here ever throws into the page.
 *
 * @module
 */
import type { Match, TextQuote } from "../schema/index.ts";
import { MATCH_LIMIT, MATCH_MAX_CHARS, MATCH_TIMEOUT_MS } from "../shared/constants.ts";
import { apiBase, requestMatches } from "./api.ts";
import type { ClaimCard } from "./claim-card.ts";

/** What auto mode reads from `<script data-auto="…" data-api="…" data-limit="…">`. */
export interface AutoOptions {
  /** CSS selector of the article; default `article`, then `main`. */
  selector?: string | null;
  api?: string | null;
  lang?: string | null;
  limit?: number;
  timeout?: number;
}

const BLOCKS = "p, li, blockquote, h2, h3, h4, h5, h6, figure, pre, table";
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

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
    const root =
      (opts.selector && document.querySelector(opts.selector)) ||
      document.querySelector("article") ||
      document.querySelector("main");
    if (!root) return [];
    const text = articleText(root); // the API reads the first 30,000 characters
    if (text.length < 40) return [];
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const title = squash(document.querySelector("h1")?.textContent ?? document.title).slice(0, 1000) || undefined;
    const base = apiBase(opts.api);
    const { matches } = await requestMatches(
      base,
      {
        text: text.slice(0, MATCH_MAX_CHARS),
        ...(title ? { title } : {}),
        ...(canonical || /^https?:/.test(location.href) ? { url: canonical || location.href } : {}),
        limit: opts.limit ?? MATCH_LIMIT.default,
      },
      { timeout: opts.timeout ?? MATCH_TIMEOUT_MS },
    );
    return matches.map((m) => place(root, m, base, opts.lang));
  } catch {
    return [];
  }
}

/** The article's text, without the cards already in it. */
function articleText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll("claim-card, script, style, noscript, iframe, template")) el.remove();
  return (copy.textContent ?? "")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}

function place(root: Element, m: Match, base: string, lang?: string | null): ClaimCard {
  const card = document.createElement("claim-card") as ClaimCard;
  card.setAttribute("claim", m.id);
  card.data = m.claim;
  card.api = base;
  card.dataset.claimcardAuto = String(m.score);
  if (lang) card.setAttribute("lang", lang);
  const after = belowTheFold(root, anchorBlock(root, m.anchor));
  if (after) after.after(card);
  else root.append(card);
  return card;
}

/** The block element whose text holds the quote, or null. */
function anchorBlock(root: Element, anchor: TextQuote | null): Element | null {
  if (!anchor) return null;
  const exact = squash(anchor.exact);
  const head = exact.slice(0, 60);
  let best: Element | null = null;
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.closest("claim-card")) continue;
    const text = squash(el.textContent ?? "");
    if (text.includes(exact)) return el;
    if (!best && head.length >= 20 && text.includes(head)) best = el;
  }
  return best;
}

/**
 * Where a card can go without moving what the reader sees: after `block` if it starts
 * below the fold, else after the first block of the article, in document order from
 * `block` on, that starts below the fold. Null means the end of the article (all of it
 * is on screen, or above).
 */
function belowTheFold(root: Element, block: Element | null): Element | null {
  const fold = window.innerHeight;
  const blocks = [...root.querySelectorAll(BLOCKS)].filter(
    (el) => !el.closest("claim-card") && !el.parentElement?.closest(BLOCKS),
  );
  const from = block ? blocks.findIndex((el) => el === block || el.contains(block) || block.contains(el)) : 0;
  for (const el of blocks.slice(Math.max(0, from))) if (el.getBoundingClientRect().top >= fold) return el;
  return null;
}

/** Reads auto mode's options from the `<script … data-auto>` that loaded the widget, if any. */
export function autoOptionsFromScript(scriptUrl: string): AutoOptions | null {
  for (const s of document.querySelectorAll<HTMLScriptElement>("script[data-auto]")) {
    if (s.src && new URL(s.src, document.baseURI).href === scriptUrl) {
      const limit = Number(s.dataset.limit);
      return {
        selector: s.dataset.auto || null,
        api: s.dataset.api ?? null,
        lang: s.dataset.lang ?? null,
        ...(limit > 0 ? { limit: Math.min(limit, 10) } : {}),
      };
    }
  }
  return null;
}
