/**
 * Article URL normalization: every spelling of one article's address finds the claims
 * an editor linked to it, and addresses of different pages stay different.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeArticleUrl } from "./article-url.ts";

const ARTICLE = "https://example.org/2016/06/dnc-hack?id=42";

describe("normalizeArticleUrl", () => {
  it("gives the documented example its documented form", () => {
    expect(normalizeArticleUrl("HTTP://WWW.Example.org/News/a/?utm_source=x&b=2&a=1#top")).toBe(
      "https://example.org/News/a?a=1&b=2",
    );
  });

  it.each([
    "https://example.org/2016/06/dnc-hack?id=42",
    "http://example.org/2016/06/dnc-hack?id=42",
    "https://www.example.org/2016/06/dnc-hack?id=42",
    "https://EXAMPLE.org/2016/06/dnc-hack?id=42",
    "https://example.org./2016/06/dnc-hack?id=42",
    "https://example.org:443/2016/06/dnc-hack?id=42",
    "http://example.org:80/2016/06/dnc-hack?id=42",
    "https://example.org/2016/06/dnc-hack/?id=42",
    "https://example.org//2016//06/dnc-hack?id=42",
    "https://example.org/2016/06/dnc-hack?id=42#comments",
    "https://example.org/2016/06/dnc-hack?utm_source=twitter&utm_medium=social&id=42",
    "https://example.org/2016/06/dnc-hack?id=42&fbclid=IwAR0abc&gclid=xyz&xtor=RSS-1&at_medium=feed&ref=home",
    "  https://example.org/2016/06/dnc-hack?id=42\n",
  ])("reads %j as the same article", (spelling) => {
    expect(normalizeArticleUrl(spelling)).toBe(ARTICLE);
  });

  it("keeps apart what names another page: path case, another port, another parameter value", () => {
    const forms = [
      ARTICLE,
      "https://example.org/2016/06/DNC-hack?id=42",
      "https://example.org:8443/2016/06/dnc-hack?id=42",
      "https://example.org/2016/06/dnc-hack?id=43",
      "https://example.org/2016/06/dnc-hack",
      "https://news.example.org/2016/06/dnc-hack?id=42",
    ].map(normalizeArticleUrl);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it("sorts the parameters that remain, values of a repeated one included", () => {
    expect(normalizeArticleUrl("https://example.org/a?z=1&a=2&a=1&m=")).toBe("https://example.org/a?a=1&a=2&m=&z=1");
    expect(normalizeArticleUrl("https://example.org/?utm_campaign=x")).toBe("https://example.org");
  });

  it.each([
    "javascript:alert(1)",
    "ftp://example.org/a",
    "mailto:a@example.org",
    "/2016/06/dnc-hack",
    "example.org/a",
    "",
  ])("answers null for %j, which is no article address", (input) => {
    expect(normalizeArticleUrl(input)).toBeNull();
  });

  it("is stable: a normalized URL normalizes to itself", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const once = normalizeArticleUrl(url);
        expect(once).not.toBeNull();
        expect(normalizeArticleUrl(once!)).toBe(once);
      }),
    );
  });
});
