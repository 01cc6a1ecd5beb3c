/**
 * What `widget.js` itself knows of auto mode: whether the script tag asks for it, and a
 * loader. Auto mode (reading the article, placing cards: `auto.ts`) is its own module,
 * `widget-auto.js`, fetched only by the pages that use it, so that the card alone stays
 * within its budget (12 KB gzip with Lit) on the pages that place cards themselves.
 *
 * @module
 */
import { MATCH_LIMIT } from "../shared/constants.ts";
import type { AutoOptions } from "./auto.ts";
import type { ClaimCard } from "./claim-card.ts";

export type { AutoOptions };

/**
 * Loads auto mode and runs it: finds the article, matches it, inserts the cards.
 * Resolves with the cards inserted (none on any error, a failed load included).
 *
 * @example
 * import { autoEmbed } from "https://claims.example.org/widget.js";
 * await autoEmbed({ selector: ".story-body" });
 */
export function autoEmbed(opts: AutoOptions = {}): Promise<ClaimCard[]> {
  return import("./auto.ts").then(
    (auto) => auto.autoEmbed(opts),
    () => [],
  );
}

/**
 * Reads auto mode's options from the `<script … data-auto>` that loaded the widget, if any.
 *
 * @example
 * const opts = autoOptionsFromScript(import.meta.url); // { selector: ".story", … } or null
 */
export function autoOptionsFromScript(scriptUrl: string): AutoOptions | null {
  for (const s of document.querySelectorAll<HTMLScriptElement>("script[data-auto]")) {
    if (s.src && new URL(s.src, document.baseURI).href === scriptUrl) {
      const limit = Number(s.dataset.limit);
      return {
        selector: s.dataset.auto || null,
        api: s.dataset.api ?? null,
        lang: s.dataset.lang ?? null,
        ...(limit > 0 ? { limit: Math.min(limit, MATCH_LIMIT.max) } : {}),
      };
    }
  }
  return null;
}
