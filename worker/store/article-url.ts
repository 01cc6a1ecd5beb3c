/**
 * Article URL normalization, so that the many spellings of one article's address find
 * the same claims.
 *
 * @module
 */

/** Query parameters that track a visit and never change what the page is. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|ocid|smid|s_cid|cmpid|xtor|at_.*|_ga|_gl|ref|ref_src|ref_url|spm)$/i;

/**
 * Normalizes an article URL: http and https are one, the host's case and a leading
 * `www.` do not matter, nor do default ports, fragments, trailing slashes, tracking
 * parameters or the order of the other parameters. Returns `null` for anything that
 * is not an absolute http(s) URL.
 *
 * @example
 * normalizeArticleUrl("HTTP://WWW.Example.org/News/a/?utm_source=x&b=2&a=1#top");
 * // "https://example.org/News/a?a=1&b=2"
 */
export function normalizeArticleUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname) return null;
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\./, "")
    .replace(/\.$/, "");
  const port = url.port && url.port !== "80" && url.port !== "443" ? `:${url.port}` : "";
  const path = url.pathname.replace(/\/{2,}/g, "/").replace(/\/+$/, "") || "";
  const params = [...url.searchParams]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  return `https://${host}${port}${path}${query}`;
}
