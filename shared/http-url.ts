/**
 * The one http(s) check, with no dependency, so that the widget can use it without
 * bundling Valibot.
 *
 * @module
 */

/**
 * Tells whether a string is an absolute http: or https: URL.
 *
 * @example
 * isHttpUrl("https://example.org/a"); // true
 * isHttpUrl("javascript:alert(1)");   // false
 */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === "http:" || protocol === "https:") && hostname.length > 0;
  } catch {
    return false;
  }
}
