/**
 * Case and accent folding, shared by entity-name filters and the text matcher.
 *
 * @module
 */

/**
 * Lowercases, strips accents and ligatures, and reduces everything that is not a letter
 * or a digit to single spaces.
 *
 * @example
 * fold("  Fédération de RUSSIE — l'œil "); // "federation de russie l oeil"
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
