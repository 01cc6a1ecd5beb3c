/**
 * The contract between claimcard's iframe embed (`/embed/:id`) and the pages that frame
 * it: the class the iframe carries, the message it posts to its parent when its height
 * changes (`{ type, id, height }`), and the one its parent may send to ask for it again.
 * Shared by the Worker, which renders both, and `widget.js`, which applies the message.
 *
 * @module
 */
import { CARD_SIZE } from "./constants.ts";

/** The class of claimcard iframes (oEmbed, WordPress). */
export const EMBED_CLASS = "claimcard-embed";

/** The embed page's padding around the card, in CSS pixels (room for the focus ring). */
export const EMBED_PADDING_PX = 2;

/**
 * The iframe's size before the embed reports its own height: the compact card and the
 * page's padding. (A function, so that bundles that do not use it drop it.)
 *
 * @example
 * embedFrameSize(); // { width: 600, height: 364 }
 */
export function embedFrameSize(): { width: number; height: number } {
  return { width: CARD_SIZE.width, height: CARD_SIZE.height + 2 * EMBED_PADDING_PX };
}

/** The `type` of the resize message. */
export const RESIZE_MESSAGE = "claimcard:resize";

/**
 * The `type` of the one message the embed accepts, from its parent only: post your height
 * again. `widget.js` sends it when it starts, to the iframes that may have posted their
 * height before anyone listened.
 */
export const MEASURE_MESSAGE = "claimcard:measure";
