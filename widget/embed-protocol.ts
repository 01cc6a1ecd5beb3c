/**
 * The contract between claimcard's iframe embed (`/embed/:id`) and the pages that frame
 * it: the class the iframe carries, and the message it posts to its parent when its
 * height changes (`{ type, id, height }`). Shared by the Worker, which renders both, and
 * `widget.js`, which applies the message.
 *
 * @module
 */

/** The class of claimcard iframes (oEmbed, WordPress). */
export const EMBED_CLASS = "claimcard-embed";

/** The `type` of the resize message. */
export const RESIZE_MESSAGE = "claimcard:resize";
