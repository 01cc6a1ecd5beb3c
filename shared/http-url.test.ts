/**
 * The one http(s) check, which decides what the card and the server pages may ever link
 * to: only absolute http: and https: URLs with a host.
 */
import { describe, expect, it } from "vitest";
import { isHttpUrl } from "./http-url.ts";

describe("isHttpUrl", () => {
  it.each([
    "https://www.justice.gov/opa/pr/grand-jury-indicts-12-russian-intelligence-officers",
    "http://example.org",
    "HTTPS://EXAMPLE.ORG/A?b=1#c",
    "http://127.0.0.1:8787/claims/dnc-hack-2016",
    "https://xn--lemonde-9za.fr/",
  ])("accepts %s", (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.domain)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/file",
    "file:///etc/passwd",
    "mailto:desk@example.org",
    "//example.org/protocol-relative",
    "/claims/dnc-hack-2016",
    "example.org",
    "https://",
    "",
  ])("refuses %j", (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});
