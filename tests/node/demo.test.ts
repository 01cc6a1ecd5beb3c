import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch } from "../../lib/browser.ts";
import { CARD_SIZE } from "../../shared/constants.ts";

const base = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("npm start: the demo page", () => {
  it("serves the French seed article with a card beside it", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Malgré les cyberattaques");
    expect(html).toMatch(/<claim-card claim="dnc-hack-2016"/);
    // The page is static HTML: its reservation is a copy of CARD_SIZE's height, checked here.
    const cards = html.match(/<claim-card [^>]*>/g) ?? [];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card).toContain(`style="display:block;min-height:${CARD_SIZE.height}px"`);
  });

  it("shows, in a real browser, a card setting the main accusation against the main denial", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    const card = page.locator('claim-card[claim="dnc-hack-2016"]');
    await card.locator("[part~=title]").waitFor({ timeout: 10_000 });
    expect(await card.locator("[part~=title]").innerText()).toContain("Piratage du Comité national démocrate");
    const sides = await card
      .locator("[part~=side]")
      .evaluateAll((els) => els.map((e) => e.querySelector("[part~=who] strong")?.textContent));
    expect(sides).toEqual(["Département de la Justice des États-Unis", "Russie"]);
    expect(await card.locator("[part~=accused]").innerText()).toContain("Russie");
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(["/widget.js", "/widget-auto.js"])("serves %s as a cross-origin loadable module", async (path) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  });
});
