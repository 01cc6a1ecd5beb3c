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

import { EMBED_CLASS, RESIZE_MESSAGE } from "../shared/embed-protocol.ts";
import { SCRIPT_ORIGIN } from "./api.ts";
import { autoEmbed, autoOptionsFromScript } from "./auto-start.ts";
import { ClaimCard } from "./claim-card.ts";

if (!customElements.get("claim-card")) customElements.define("claim-card", ClaimCard);

const auto = autoOptionsFromScript(import.meta.url);
if (auto) void autoEmbed(auto);

/** Resizes each claimcard iframe to the height its own page reports (`claimcard:resize`). */
addEventListener("message", (e: MessageEvent) => {
  const d = e.data as { type?: unknown; height?: unknown } | null;
  if (d?.type !== RESIZE_MESSAGE || typeof d.height !== "number" || !(d.height > 0 && d.height < 10_000)) return;
  for (const f of document.querySelectorAll<HTMLIFrameElement>(`iframe.${EMBED_CLASS}`)) {
    if (f.contentWindow === e.source && new URL(f.src, document.baseURI).origin === e.origin)
      f.height = String(Math.ceil(d.height));
  }
});

export { autoEmbed, ClaimCard, SCRIPT_ORIGIN };
