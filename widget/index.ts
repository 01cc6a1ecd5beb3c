/**
 * `widget.js`: defines `<claim-card>` once, however many times the script is loaded;
 * runs auto mode when the script tag asks for it (`data-auto`; auto mode itself is
 * `widget-auto.js`, imported then, see `auto-start.ts`); and lets claimcard
 * iframes (`/embed/:id`, as oEmbed inserts them) take the height they ask for.
 *
 * @example
 * <script type="module" src="https://claims.example.org/widget.js"></script>
 * <claim-card claim="dnc-hack-2016"></claim-card>
 *
 * @example
 * <script type="module" src="https://claims.example.org/widget.js" data-auto=".story"></script>
 *
 * @module
 */

import { EMBED_CLASS, MEASURE_MESSAGE, RESIZE_MESSAGE } from "../shared/embed-protocol.ts";
import { SCRIPT_ORIGIN } from "./api.ts";
import { autoEmbed, autoOptionsFromScript } from "./auto-start.ts";
import { ClaimCard } from "./claim-card.ts";

if (!customElements.get("claim-card")) customElements.define("claim-card", ClaimCard);

const auto = autoOptionsFromScript(import.meta.url);
if (auto) void autoEmbed(auto);

/**
 * Resizes each claimcard iframe to the height its own page reports (`claimcard:resize`).
 * The height goes in the attribute and in the inline style, and `max-height` is lifted:
 * themes size iframes too (Twenty Twenty-One's responsive-embeds.js sets an inline
 * `max-height` from the iframe's first ratio, which would clip the opened timeline).
 */
addEventListener("message", (e: MessageEvent) => {
  const d = e.data as { type?: unknown; height?: unknown } | null;
  if (d?.type !== RESIZE_MESSAGE || typeof d.height !== "number" || !(d.height > 0 && d.height < 10_000)) return;
  // Only the API's own pages (the origin widget.js came from) may ask: a srcdoc or
  // about:blank frame has the host page's origin, and so passes the src check below.
  if (e.origin !== SCRIPT_ORIGIN) return;
  for (const f of document.querySelectorAll<HTMLIFrameElement>(`iframe.${EMBED_CLASS}`)) {
    if (f.contentWindow !== e.source || new URL(f.src, document.baseURI).origin !== e.origin) continue;
    const height = Math.ceil(d.height);
    f.height = String(height);
    f.style.setProperty("height", `${height}px`, "important");
    f.style.setProperty("max-height", "none", "important");
  }
});

/**
 * Asks the claimcard iframes already on the page for their height: one that loaded before
 * this script ran has posted it to no one. Only the API's own frames are asked, as only
 * they may resize. (One still loading gets nothing, as the message is addressed to the
 * embed's origin, and posts its height once loaded.)
 */
for (const f of document.querySelectorAll<HTMLIFrameElement>(`iframe.${EMBED_CLASS}`)) {
  const origin = new URL(f.src, document.baseURI).origin;
  if (origin === SCRIPT_ORIGIN) f.contentWindow?.postMessage({ type: MEASURE_MESSAGE }, origin);
}

export { autoEmbed, ClaimCard, SCRIPT_ORIGIN };
