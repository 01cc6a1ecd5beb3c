/**
 * The reader's language on server-rendered pages: `?lang=fr|en`, else the first of fr and
 * en in `Accept-Language`.
 *
 * @module
 */
import type { Context } from "hono";
import * as v from "valibot";
import { Lang, type UiLang } from "../../schema/index.ts";
import { validate } from "./validate.ts";

/** The optional `?lang=` of a page: fr or en, else 400. */
export const langQuery = validate("query", v.object({ lang: v.optional(Lang) }));

/**
 * The language asked for, else the reader's preferred one between fr and en.
 *
 * @example
 * pickLang(c, c.req.valid("query").lang); // "fr" for Accept-Language: fr-FR,fr;q=0.9
 */
export function pickLang(c: Context, asked: UiLang | undefined): UiLang {
  if (asked) return asked;
  const prefs = (c.req.header("Accept-Language") ?? "").toLowerCase();
  const fr = prefs.indexOf("fr");
  const en = prefs.indexOf("en");
  return fr >= 0 && (en < 0 || fr < en) ? "fr" : "en";
}
