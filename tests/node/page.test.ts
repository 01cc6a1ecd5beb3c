/**
 * The claim page (`/claims/:id`) in Chromium: a readable full-width page with a header
 * and a language switch; every statement whole with its sources, consequences,
 * corrections and related records; nothing cut, nothing twice, no link to itself; fr/en
 * by `?lang` and `Accept-Language`; print and phone layouts; axe-core clean in both
 * languages and themes; oEmbed discovery, Open Graph and JSON-LD kept.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { untilServed, useBrowserAndHost } from "./host.ts";

const base = inject("baseUrl");
const token = inject("adminToken");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const env = useBrowserAndHost();

async function open(
  path: string,
  {
    width = 1280,
    height = 900,
    colorScheme = "light" as "light" | "dark",
    locale = "en-US",
    /** axe-core is injected as a script, which the page's CSP (no script at all) forbids. */
    bypassCSP = false,
  } = {},
) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme, locale, bypassCSP });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const res = await page.goto(`${base}${path}`);
  expect(res!.status()).toBe(200);
  return { page, errors, close: () => context.close() };
}

/** Text elements whose text runs past their box sideways, and text held to fewer lines than it has. */
function cut(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("h1,h2,h3,p,li,dt,dd,a,span,strong,time,blockquote")]
      .filter((e) => e.checkVisibility() && getComputedStyle(e).display !== "inline")
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
      .map((e) => `${e.localName}.${e.className} ${e.textContent!.slice(0, 40)}`),
  );
}

describe("the claim page", () => {
  it("is a readable full-width page: header with the product's name and a language switch, a main column of 560 px or more", async () => {
    const { page, errors, close } = await open("/claims/dnc-hack-2016?lang=en");
    expect(await page.locator("header .brand").innerText()).toBe("claimcard");
    const nav = page.locator("header nav");
    expect(await nav.getAttribute("aria-label")).toBe("Language");
    expect(await nav.locator("a").getAttribute("href")).toBe(`${base}/claims/dnc-hack-2016?lang=fr`);
    expect(await nav.locator("[aria-current=page]").innerText()).toBe("English");
    const main = await page.locator("main").boundingBox();
    expect(main!.width).toBeGreaterThanOrEqual(560);
    expect(await page.locator("h1").innerText()).toMatch(/Democratic National Committee/);
    expect(errors).toEqual([]);
    await close();
  });

  it("shows every accusation and denial whole, with speaker, date, basis and sources, then consequences, related records, how to read it and its version history", async () => {
    const record = await (await fetch(`${base}/v1/claims/dnc-hack-2016`)).json();
    const { page, close } = await open("/claims/dnc-hack-2016?lang=en");
    const accusations = page.locator("#accusations + ol > li");
    const denials = page.locator("#denials + ol > li");
    expect(await accusations.count()).toBe(record.accusations.length);
    expect(await denials.count()).toBe(record.denials.length);
    const all = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    for (const s of [...record.accusations, ...record.denials]) {
      expect(all).toContain(s.summary.en.replace(/\s+/g, " "));
      for (const src of s.sources)
        expect(await page.locator(`a[href="${new URL(src.url).href}"]`).count()).toBeGreaterThan(0);
    }
    expect(await accusations.first().innerText()).toMatch(
      /Dmitri Alperovitch.*June 2016 · accuses · technical report/s,
    );
    expect(await page.locator("#consequences + ol > li").count()).toBe(record.consequences.length);
    const related = await page.locator("#related + ul a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(related).toEqual(record.related.map((id: string) => `${base}/claims/${id}?lang=en`));
    expect(await page.locator("#how ~ p").first().innerText()).toMatch(/does not rule on it/);
    expect(await page.locator("#how + p + p + p + p + ul li").count()).toBe(4);
    // The version history the writer publishes (npm start loaded the record through it).
    const latest = page.locator("#updates + ol.history > li").first();
    expect(await latest.innerText()).toMatch(new RegExp(`^Version ${record.version} · `));
    expect(await latest.locator("time").getAttribute("datetime")).toBe(record.updatedAt);
    await close();
  });

  it("shows corrections, and the explicit absence of a denial", async () => {
    const { page, close } = await open("/claims/trump-campaign-iran-2024?lang=fr");
    expect(await page.locator("#corrections ~ ol > li").count()).toBeGreaterThan(0);
    await close();
    const none = await open("/claims/midnight-blizzard-microsoft-2024?lang=en");
    expect(await none.page.locator("#denials + p").innerText()).toMatch(
      /^No public denial on record \(as of .+ \d{4}\)\.$/,
    );
    await none.close();
  });

  it("cuts nothing, says nothing twice and never links to itself, at 280 px and 1280 px", async () => {
    for (const width of [312, 1280]) {
      const { page, close } = await open("/claims/gru-opcw-wada-2018?lang=fr", { width });
      expect(await cut(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const text = await page.locator("body").innerText();
      const neutral = "Ce résumé rapporte qui affirme quoi, sans trancher.";
      expect(text.split(neutral).length - 1).toBe(1);
      const hrefs = await page.locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      // The only link to this record is its other language (the skip link stays on the page).
      expect(
        hrefs.filter((h) => new URL(h).pathname === "/claims/gru-opcw-wada-2018" && !h.endsWith("#record")),
      ).toEqual([`${base}/claims/gru-opcw-wada-2018?lang=en`]);
      await close();
    }
  });

  it("speaks the reader's language: ?lang first, then Accept-Language", async () => {
    for (const [path, locale, lang, h2] of [
      ["/claims/dnc-hack-2016", "fr-FR", "fr", "Accusations (3)"],
      ["/claims/dnc-hack-2016", "en-GB", "en", "Accusations (3)"],
      ["/claims/dnc-hack-2016?lang=en", "fr-FR", "en", "Denials (2)"],
      ["/claims/dnc-hack-2016?lang=fr", "en-US", "fr", "Démentis (2)"],
    ] as const) {
      const { page, close } = await open(path, { locale });
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      expect(await page.locator("h2").allInnerTexts()).toContain(h2);
      await close();
    }
  });

  it("keeps oEmbed discovery, Open Graph and ClaimReview JSON-LD, and runs no script", async () => {
    const { page, close } = await open("/claims/dnc-hack-2016?lang=fr");
    const oembed = await page.locator('link[type="application/json+oembed"]').getAttribute("href");
    expect((await fetch(oembed!)).status).toBe(200);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toMatch(
      /Comité national démocrate/,
    );
    expect(await page.locator('meta[property="og:url"]').getAttribute("content")).toBe(
      `${base}/claims/dnc-hack-2016?lang=fr`,
    );
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld["@type"]).toBe("ClaimReview");
    expect(await page.locator("script:not([type='application/ld+json'])").count()).toBe(0);
    await close();
  });

  it("prints cleanly: no language switch, sources with their addresses", async () => {
    const { page, close } = await open("/claims/dnc-hack-2016?lang=en");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header nav").isVisible()).toBe(false);
    const after = await page
      .locator(".sources a")
      .first()
      .evaluate((a) => getComputedStyle(a, "::after").content);
    expect(after).toMatch(/attr\(href\)|https?:/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.length).toBeGreaterThan(10_000);
    await close();
  });

  it("fits a phone: one column, no sideways scroll", async () => {
    const { page, close } = await open("/claims/trump-campaign-iran-2024?lang=fr", { width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const facts = await page
      .locator("dl.facts")
      .evaluate((dl) => getComputedStyle(dl).gridTemplateColumns.split(" ").length);
    expect(facts).toBe(1);
    expect(await cut(page)).toEqual([]);
    await close();
  });

  it.each([
    ["fr", "light"],
    ["fr", "dark"],
    ["en", "light"],
    ["en", "dark"],
  ] as const)("passes axe-core with no violations (%s, %s)", async (lang, colorScheme) => {
    const { page, close } = await open(`/claims/trump-campaign-iran-2024?lang=${lang}`, {
      colorScheme,
      bypassCSP: true,
    });
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
        }
      ).axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await close();
  });

  it("labels an unverified source as unverified, with the reason, and never says it was checked (record changed by the test)", async () => {
    const record = await (await fetch(`${base}/v1/claims/olympic-destroyer-2018`)).json();
    record.id = "unverified-source-page-2026";
    record.related = [];
    record.urls = [];
    // Out of the way of the tests that list or match records on the same server.
    record.topics = ["test-unverified-source"];
    record.keywords = { fr: [], en: [] };
    const source = record.accusations[0].sources[0];
    source.check = { result: "unverified", on: "2026-11-29", note: "no stored copy at this address" };
    const put = await fetch(`${base}/v1/claims/${record.id}`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(record),
    });
    expect(put.status, await put.clone().text()).toBe(201);
    await untilServed(base, record.id);
    for (const lang of ["en", "fr"] as const) {
      const { page, close } = await open(`/claims/${record.id}?lang=${lang}`);
      const item = page.locator(".sources li", { has: page.locator(`a[href="${new URL(source.url).href}"]`) }).first();
      const text = await item.innerText();
      expect(text).toContain(lang === "fr" ? "non vérifiée" : "unverified");
      expect(text).toContain("no stored copy at this address");
      expect(text).not.toMatch(/checked on|vérifiée le/);
      expect(await page.locator(".unverified").count()).toBe(1);
      await close();
    }
    const etag = (await fetch(`${base}/v1/claims/${record.id}`)).headers.get("ETag")!;
    const gone = await fetch(`${base}/v1/claims/${record.id}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${token}`, "If-Match": etag },
    });
    expect(gone.status).toBeLessThan(300);
  });
});
