/**
 * The numbers of claimcard's API contract, in one place and with no dependency, so that
 * the Worker, the widget, the typed client and the tests all import the same value
 * (the widget cannot afford Valibot, so these cannot live in `schema/`).
 *
 * @module
 */

/** The languages the widget and the records are written in. */
export const UI_LANGS = ["fr", "en"] as const;

/** A language the card can be shown in. */
export type UiLang = (typeof UI_LANGS)[number];

/**
 * `POST /v1/match`: the most of an article's text that is read. An article says what it is
 * about early; about 4,500 words are matched in about 5 ms of CPU (`npm run bench`), so no
 * request can run past the CPU limit. The widget sends no more than this.
 */
export const MATCH_MAX_CHARS = 30_000;

/** `POST /v1/match`: the largest body accepted (a long article is ~60 KB of text). */
export const MATCH_MAX_BYTES = 262_144; // 256 KiB

/** `POST /v1/match`: the largest `text` accepted, in characters (only {@link MATCH_MAX_CHARS} are read). */
export const MATCH_TEXT_MAX_CHARS = 200_000;

/** `POST /v1/match` `limit`: how many cards at most, by default and at the most. */
export const MATCH_LIMIT = { default: 3, max: 10 } as const;

/** `GET /v1/claims` `limit`: items per page, by default and at the most. */
export const LIST_LIMIT = { default: 20, max: 100 } as const;

/** `PUT /v1/claims/:id`: the largest record accepted, in bytes. */
export const CLAIM_MAX_BYTES = 524_288; // 512 KiB

/** How long the widget and the client wait for one API answer before giving up. */
export const FETCH_TIMEOUT_MS = 5000;

/** How long auto mode waits for `POST /v1/match` (a longer text, a costlier answer). */
export const MATCH_TIMEOUT_MS = 8000;

/**
 * The compact card's size in CSS pixels at the default font size, borders included: the
 * height the widget reserves before it renders (so nothing moves), the iframe size oEmbed
 * and WordPress give the embed, and the README's inline reservation.
 */
export const CARD_SIZE = { width: 600, height: 450 } as const;

/** The card's default font size in CSS pixels; its reserved height scales with it (30em). */
export const CARD_FONT_SIZE_PX = 15;

/** How long a KV read may be served from Cloudflare's edge cache, in seconds. */
export const KV_CACHE_TTL_S = 60;

/**
 * The `Cache-Control` of every public read: browsers and CDNs may reuse it for a minute,
 * and serve it stale for one more while they revalidate. (A plain literal, so that
 * bundlers drop it where it is unused.)
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=60";

/**
 * The `Cache-Control` of the HTML pages (a record's page, the demo pages): the same
 * minute as {@link PUBLIC_CACHE_CONTROL}, with no stale copy served while revalidating.
 */
export const PAGE_CACHE_CONTROL = "public, max-age=60";
