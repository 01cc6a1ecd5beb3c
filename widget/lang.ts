/**
 * The widget's language, from the page.
 *
 * @module
 */
import type { UiLang } from "../schema/index.ts";
import { toUiLang } from "../shared/i18n.ts";

/**
 * Picks the UI language: the element's own `lang`, else the closest ancestor's or the
 * page's `<html lang>`, else English. `fr-CA` counts as French.
 *
 * @example
 * uiLang(element); // "fr" on a page with <html lang="fr-FR">
 */
export function uiLang(el: Element): UiLang {
  return toUiLang(el.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang);
}
