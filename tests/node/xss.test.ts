/**
 * An XSS corpus in every kind of record field, stored through the real admin API, then
 * rendered by the widget, the iframe embed and the shareable page in Chromium: no
 * script runs, no dialog opens, no `javascript:` link exists, and the payload reads as
 * text.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { hostPage, untilServed, useBrowserAndHost } from "./host.ts";

const base = inject("baseUrl");
const token = inject("adminToken");
const env = useBrowserAndHost();

/** Payloads from the usual XSS cheat sheets, each trying to set window.__xss. */
const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1">`,
  `<svg onload=window.__xss=1>`,
  `"><script>window.__xss=1</script>`,
  `'><img src=x onerror=window.__xss=1>`,
  `</textarea></title></style><script>window.__xss=1</script>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<a href="javascript:window.__xss=1">click</a>`,
  `<details open ontoggle=window.__xss=1>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `\${window.__xss=1}`,
  `<!--<img src="--><img src=x onerror=window.__xss=1//">`,
  `</script><script>window.__xss=1</script>`,
];
const ID = "xss-corpus-2026";

beforeAll(async () => {
  const record = await (await fetch(`${base}/v1/claims/trump-campaign-iran-2024`)).json();
  const text = (i: number) => ({ fr: PAYLOADS[i % PAYLOADS.length]!, en: PAYLOADS[(i + 1) % PAYLOADS.length]! });
  record.id = ID;
  record.urls = [];
  // Related records link both ways: a copied list would give the seed records a link to this one.
  record.related = [];
  // Kept from matching the articles of the auto-mode tests on the same server.
  record.keywords = { fr: [], en: [] };
  record.incident.title = text(0);
  record.incident.summary = { fr: PAYLOADS.join(" "), en: PAYLOADS.join(" ") };
  record.incident.targets = PAYLOADS.map((_, i) => text(i));
  // biome-ignore lint/suspicious/noExplicitAny: a record as JSON, filled with payloads field by field
  record.accusations.forEach((a: Record<string, any>, i: number) => {
    a.summary = text(i + 2);
    a.speaker = { name: PAYLOADS[(i + 3) % PAYLOADS.length], role: text(i + 4) };
    a.quote = { text: PAYLOADS[(i + 5) % PAYLOADS.length], lang: "ru", translation: text(i + 6) };
    a.sources[0].check = { result: "confirmed", on: "2026-11-29", method: "stored-copy", quote: true };
    a.sources[0].publisher = PAYLOADS[(i + 7) % PAYLOADS.length];
    a.sources[0].title = PAYLOADS[(i + 8) % PAYLOADS.length];
  });
  for (const d of record.denials) d.summary = text(9);
  for (const c of record.consequences ?? []) c.summary = text(10);
  const res = await fetch(`${base}/v1/claims/${ID}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(record),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  await untilServed(base, ID);
});

async function watch(page: Page): Promise<string[]> {
  const alarms: string[] = [];
  page.on("dialog", (d) => {
    alarms.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => alarms.push(`pageerror: ${e.message}`));
  return alarms;
}

async function assertInert(page: Page, alarms: string[]): Promise<void> {
  await page.waitForTimeout(500);
  const xss = await page
    .evaluate(() => {
      const w = window as unknown as { __xss?: unknown };
      return (
        w.__xss ??
        [...document.querySelectorAll("iframe")]
          .map((f) => (f.contentWindow as unknown as { __xss?: unknown } | null)?.__xss)
          .find((x) => x !== undefined)
      );
    })
    .catch(() => undefined);
  expect(xss).toBeUndefined();
  expect(alarms).toEqual([]);
}

describe("an XSS corpus in every record field renders inert", () => {
  it("in the widget", async () => {
    const page = await env.browser.newPage();
    const alarms = await watch(page);
    await page.goto(
      env.host.page(
        "/xss-widget.html",
        hostPage("fr", `<claim-card claim="${ID}" expanded></claim-card>`, `${base}/widget.js`),
      ),
    );
    const card = page.locator(`claim-card[claim="${ID}"]`);
    await card.locator("[part~=title]").waitFor();
    expect(await card.locator("[part~=title]").innerText()).toBe(PAYLOADS[0]);
    const danger = await card.evaluate((el) => ({
      elements: el.shadowRoot!.querySelectorAll(
        "script, img, svg, iframe, math, details[ontoggle], [onerror], [onload]",
      ).length,
      links: [...el.shadowRoot!.querySelectorAll("a")]
        .map((a) => a.getAttribute("href"))
        .filter((h) => !/^https?:\/\//.test(h ?? "")),
    }));
    expect(danger).toEqual({ elements: 0, links: [] });
    await assertInert(page, alarms);
    await page.close();
  });

  it("in the iframe embed, framed by another site", async () => {
    const page = await env.browser.newPage();
    const alarms = await watch(page);
    await page.goto(
      env.host.page(
        "/xss-embed.html",
        `<!doctype html><html><body><iframe class="claimcard-embed" src="${base}/embed/${ID}?lang=fr" width="600" height="400"></iframe></body></html>`,
      ),
    );
    const frame = page.frameLocator("iframe");
    await frame.locator("[part~=title]").waitFor();
    expect(await frame.locator("[part~=title]").innerText()).toBe(PAYLOADS[0]);
    await frame.locator("summary").click();
    const danger = await frame.locator("body").evaluate((b) => ({
      scripts: b.querySelectorAll("script").length,
      elements: b.querySelectorAll("img, svg, iframe, math, [onerror], [onload], [ontoggle]").length,
      links: [...b.querySelectorAll("a")]
        .map((a) => a.getAttribute("href"))
        .filter((h) => !/^https?:\/\//.test(h ?? "")),
    }));
    expect(danger).toEqual({ scripts: 1, elements: 0, links: [] });
    await assertInert(page, alarms);
    await page.close();
  });

  it("in the shareable page and its JSON-LD", async () => {
    const page = await env.browser.newPage();
    const alarms = await watch(page);
    await page.goto(`${base}/claims/${ID}?lang=en`);
    await page.locator("h1").waitFor();
    expect(await page.locator("h1").innerText()).toBe(PAYLOADS[1]);
    expect(await page.locator("script:not([type='application/ld+json'])").count()).toBe(0);
    const ld = JSON.parse((await page.locator("script[type='application/ld+json']").textContent())!);
    expect(ld.claimReviewed).toBe(PAYLOADS[1]);
    expect(await page.title()).toContain(PAYLOADS[1]);
    await assertInert(page, alarms);
    await page.close();
  });
});
