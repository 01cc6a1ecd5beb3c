import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { CARD_SIZE, LIST_LIMIT } from "../../shared/constants.ts";
import { layoutShifts, watchLayoutShifts } from "./cls.ts";
import { hostPage, untilServed, useBrowserAndHost } from "./host.ts";

const base = inject("baseUrl");
const widget = `${base}/widget.js`;
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** The two-line embed as the README gives it to publishers. */
const README_SNIPPET =
  /```html\n(<script type="module" src="[^"]+\/widget\.js"><\/script>\n<claim-card [^\n]+<\/claim-card>)\n```/.exec(
    readFileSync("README.md", "utf8"),
  )?.[1] ?? "";

const env = useBrowserAndHost();

async function open(
  path: string,
  html: string,
  options: { colorScheme?: "light" | "dark"; width?: number } = {},
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await env.browser.newContext({
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 1000, height: 800 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await watchLayoutShifts(page);
  await page.goto(env.host.page(path, html));
  return { page, context, errors };
}

const card = (page: Page, id = "dnc-hack-2016") => page.locator(`claim-card[claim="${id}"]`);

/** The face-off as the reader sees it without expanding: each side's label, who, date, basis and sentence. */
async function faceoff(
  page: Page,
  id = "dnc-hack-2016",
): Promise<Array<{ label: string; who: string; date: string | null; text: string; visible: boolean }>> {
  await card(page, id).locator("[part~=title]").waitFor({ timeout: 10_000 });
  return card(page, id)
    .locator("[part~=side]")
    .evaluateAll((sides) =>
      sides.map((s) => {
        const text = s.querySelector("[part~=statement]") as HTMLElement;
        return {
          label: s.querySelector(".label")!.textContent!,
          who: s.querySelector("[part~=who]")?.textContent ?? "",
          date: s.querySelector("[part~=who] time")?.getAttribute("datetime") ?? null,
          text: text.innerText,
          visible: text.checkVisibility(),
        };
      }),
    );
}

/** Seed records, as the API serves them. */
async function served(id: string) {
  return (await fetch(`${base}/v1/claims/${id}`)).json();
}

/**
 * Text elements of the card (in its shadow root) or of a page whose text runs past their
 * box sideways: a list or a word cut off.
 */
function cutSideways(root: Document | ShadowRoot): string[] {
  return [...root.querySelectorAll<HTMLElement>("h1,h2,h3,p,li,dd,dt,a,button,span,strong,time,summary")]
    .filter((e) => e.checkVisibility() && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== "inline")
    .map((e) => `${e.localName}[${e.getAttribute("part") ?? e.className}] ${e.scrollWidth}>${e.clientWidth}`);
}

describe("<claim-card> in a real Chromium, from another origin", () => {
  it("works from the README's two-line embed, pasted into a plain HTML page", async () => {
    expect(README_SNIPPET).not.toBe("");
    const plain = `<!doctype html>\n<html lang="en">\n<body>\n${README_SNIPPET.replace("https://claims.example.org", base)}\n</body>\n</html>`;
    const { page, context, errors } = await open("/plain.html", plain);
    const [accusation, denial] = await faceoff(page);
    expect(accusation!.who).toContain("U.S. Department of Justice");
    expect(denial!.who).toContain("Russia");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the face-off without expanding: the main accuser and the main denier, with dates, bases and sentences", async () => {
    const { page, context, errors } = await open(
      "/fr.html",
      hostPage("fr", `<claim-card claim="dnc-hack-2016"></claim-card>`, widget),
    );
    const sides = await faceoff(page);
    expect(await card(page).locator("[part~=title]").innerText()).toMatch(/Piratage du Comité national démocrate/);
    expect(sides.map((s) => s.label)).toEqual(["Accusation", "Démenti"]);
    // The main accusation is the most authoritative: the 2018 indictment, not CrowdStrike's 2016 report.
    expect(sides[0]).toMatchObject({ date: "2018-07-13", visible: true });
    expect(sides[0]!.who).toMatch(/^Département de la Justice des États-Unis · 13 juillet 2018 · acte d’accusation$/);
    expect(sides[0]!.text).toMatch(/^Un grand jury fédéral inculpe douze officiers du GRU/);
    // The main denial is the latest by the accused's side.
    expect(sides[1]).toMatchObject({ date: "2016-07-26", visible: true });
    expect(sides[1]!.who).toMatch(/^Russie · 26 juillet 2016 · déclaration gouvernementale$/);
    expect(sides[1]!.text).toMatch(/porte-parole du Kremlin/);
    expect(await card(page).locator("[part~=timeline]").isVisible()).toBe(false);
    expect(await card(page).locator("[part~=accused]").innerText()).toMatch(/^Mis en cause : .*Russie/);
    expect(await card(page).locator("[part~=toggle]").innerText()).toBe(
      "2 autres accusations, 1 autre démenti, 1 suite",
    );
    expect(await card(page).locator("[part~=status]").innerText()).toBe("Inculpations");
    expect(await card(page).locator("[part~=footer]").last().innerText()).toMatch(/Mis à jour le \d+ \w+ 20\d\d/);
    expect(await card(page).locator("[part~=link]").getAttribute("href")).toBe(`${base}/claims/dnc-hack-2016?lang=fr`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("gives both sides the same weight, type and colour", async () => {
    const { page, context } = await open(
      "/same.html",
      hostPage("en", `<claim-card claim="dnc-hack-2016"></claim-card>`, widget),
    );
    await faceoff(page);
    const looks = await card(page)
      .locator("[part~=side]")
      .evaluateAll((sides) =>
        sides.map((s) =>
          [".label", "[part~=who]", "[part~=who] strong", "[part~=statement]"].map((sel) => {
            const st = getComputedStyle(s.querySelector(sel)!);
            return `${st.fontSize} ${st.fontWeight} ${st.fontStyle} ${st.color} ${getComputedStyle(s).borderTopColor}`;
          }),
        ),
      );
    expect(looks[0]).toEqual(looks[1]);
    await context.close();
  });

  it("renders it in English on an English page, and follows its own lang attribute over the page's", async () => {
    const { page, context } = await open(
      "/en.html",
      hostPage(
        "en",
        `<claim-card claim="dnc-hack-2016"></claim-card><div lang="fr"><claim-card claim="gru-indictment-2018"></claim-card></div>`,
        widget,
      ),
    );
    const sides = await faceoff(page);
    expect(sides.map((s) => s.label)).toEqual(["Accusation", "Denial"]);
    expect(sides[0]!.who).toBe("U.S. Department of Justice · July 13, 2018 · indictment");
    expect(sides[1]!.who).toBe("Russia · July 26, 2016 · government statement");
    expect(await card(page).locator("[part~=toggle]").innerText()).toBe(
      "2 more accusations, 1 more denial, 1 consequence",
    );
    expect(await card(page).locator("[part~=title]").innerText()).toMatch(/Democratic National Committee/);
    const fr = await faceoff(page, "gru-indictment-2018");
    expect(fr.map((s) => s.label)).toEqual(["Accusation", "Démenti"]);
    await card(page).evaluate((el) => el.setAttribute("lang", "fr"));
    await expect.poll(() => card(page).locator(".label").first().innerText()).toMatch(/^accusation$/i);
    await expect.poll(() => card(page).locator(".label").last().innerText()).toMatch(/^démenti$/i);
    await context.close();
  });

  it("shows a dated timeline with each accuser's basis and source, quotes in their language with a translation", async () => {
    const { page, context } = await open(
      "/timeline.html",
      hostPage("fr", `<claim-card claim="dnc-hack-2016"></claim-card>`, widget),
    );
    await card(page).locator("[part~=title]").waitFor();
    const toggle = card(page).locator("[part~=toggle]");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await card(page).locator("[part~=timeline]").isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const events = card(page).locator("[part~=event]");
    expect(await events.count()).toBeGreaterThanOrEqual(4);
    const dates = await events.locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")!));
    const byEnd = (d: string) => d.padEnd(10, "~");
    expect([...dates].sort((a, b) => (byEnd(a) < byEnd(b) ? -1 : byEnd(a) > byEnd(b) ? 1 : 0))).toEqual(dates);
    const kinds = await events.evaluateAll((els) => els.map((e) => e.getAttribute("part")));
    expect(kinds).toEqual(expect.arrayContaining(["event accusation", "event denial", "event consequence"]));
    expect(await events.first().innerText()).toMatch(/accuse · rapport technique/);
    const quote = card(page).locator("[part~=quote]").first();
    expect(await quote.getAttribute("lang")).toBe("en");
    expect(await quote.innerText()).toMatch(/medium level confidence it's GRU/);
    expect(await card(page).locator("[part~=translation]").first().innerText()).toMatch(
      /^Traduction : Pour Fancy Bear/,
    );
    const hrefs = await card(page)
      .locator("a[part~=source]")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    await context.close();
  });

  it("says so explicitly when no denial is on record, in the denial's place", async () => {
    const record = await served("ukraine-ministries-2022");
    delete record.denials;
    record.noDenialOnRecord = { asOf: "2026-11-01" };
    env.host.json("/api-nodenial/v1/claims/ukraine-ministries-2022", record);
    const { page, context } = await open(
      "/nodenial.html",
      hostPage(
        "en",
        `<claim-card claim="ukraine-ministries-2022" api="${env.host.origin}/api-nodenial"></claim-card>`,
        widget,
      ),
    );
    const [, denial] = await faceoff(page, "ukraine-ministries-2022");
    expect(denial).toMatchObject({
      label: "Denial",
      who: "",
      text: "No public denial on record (as of November 1, 2026)",
      visible: true,
    });
    expect(await card(page, "ukraine-ministries-2022").locator("[part~=toggle]").innerText()).toBe(
      "5 more accusations, 2 consequences",
    );
    await context.close();
  });

  it("labels an unverified source as unverified, and never as confirmed (record changed by the test, on a mock API)", async () => {
    const record = await served("dnc-hack-2016");
    const source = record.accusations[0].sources[1];
    source.check = { result: "unverified", on: "2026-11-29", note: "no stored copy at this address" };
    env.host.json("/api-unverified/v1/claims/dnc-hack-2016", record);
    for (const lang of ["en", "fr"] as const) {
      const { page, context } = await open(
        `/unverified-${lang}.html`,
        hostPage(
          lang,
          `<claim-card claim="dnc-hack-2016" api="${env.host.origin}/api-unverified" expanded></claim-card>`,
          widget,
        ),
      );
      await card(page).locator("[part~=event]").first().waitFor();
      const labelled = await card(page)
        .locator("[part~=sources] li")
        .evaluateAll((lis) => lis.map((li) => li.querySelector("[part~=unverified]")?.textContent ?? null));
      expect(labelled.filter((l) => l !== null)).toEqual([lang === "fr" ? "non vérifiée" : "unverified"]);
      const item = card(page).locator("[part~=sources] li", { has: page.locator("[part~=unverified]") });
      expect(await item.innerText()).toContain(source.publisher);
      expect(await card(page).locator("[part~=card]").innerText()).not.toMatch(/confirm|vérifiée le/i);
      await context.close();
    }
  });

  it("links to related records from the timeline, to their pages on the API's origin, with their titles", async () => {
    const { page, context } = await open(
      "/related.html",
      hostPage("en", `<claim-card claim="ukraine-ministries-2022"></claim-card>`, widget),
    );
    await card(page, "ukraine-ministries-2022").locator("[part~=title]").waitFor();
    await card(page, "ukraine-ministries-2022").locator("[part~=toggle]").click();
    const links = card(page, "ukraine-ministries-2022").locator("[part~=related] a");
    await expect.poll(() => links.count()).toBe(2);
    await expect.poll(() => links.first().innerText()).toMatch(/DDoS|bank/i);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual([`${base}/claims/ukraine-banks-ddos-2022?lang=en`, `${base}/claims/viasat-2022?lang=en`]);
    await context.close();
  });

  it.each([280, 360, 480, 580, 1280])(
    "cuts no text sideways at %i px, for every seed record in both languages",
    async (width) => {
      const ids: string[] = (await (await fetch(`${base}/v1/claims?limit=${LIST_LIMIT.max}`)).json()).items.map(
        (i: { id: string }) => i.id,
      );
      expect(ids.length).toBeGreaterThan(20);
      for (const lang of ["fr", "en"] as const) {
        const cards = ids.map((id) => `<claim-card claim="${id}" eager></claim-card>`).join("");
        const { page, context } = await open(`/cut-${width}-${lang}.html`, hostPage(lang, cards, widget), {
          width: width + 32,
        });
        await expect.poll(() => page.locator("claim-card[state=ready]").count(), { timeout: 15_000 }).toBe(ids.length);
        const problems = await page.locator("claim-card").evaluateAll((els, fn) => {
          const cut = new Function(`return ${fn}`)() as (r: ShadowRoot) => string[];
          return els.flatMap((el) => {
            const root = el.shadowRoot!;
            const box = root.querySelector("[part~=card]")!.getBoundingClientRect();
            // Nothing runs past the card's bottom: its reserved height holds what it shows.
            const below = [...root.querySelectorAll<HTMLElement>("[part~=card] > *")]
              .filter((e) => e.checkVisibility() && e.getBoundingClientRect().bottom > box.bottom - 1)
              .map((e) => `below the card: ${e.getAttribute("part") ?? e.className}`);
            // No sentence is held to fewer lines than it has.
            const clamped = [...root.querySelectorAll<HTMLElement>(".clamp")]
              .filter((e) => e.checkVisibility() && e.scrollHeight > e.clientHeight + 1)
              .map((e) => `clamped: ${e.getAttribute("part")}`);
            return [...cut(root), ...below, ...clamped].map((p) => `${el.getAttribute("claim")}: ${p}`);
          });
        }, cutSideways.toString());
        expect(problems).toEqual([]);
        await context.close();
      }
    },
  );

  it("is themable through ::part() and custom properties", async () => {
    const css = `<style>claim-card{--claim-card-accent: rgb(200, 0, 100); --claim-card-font-size: 20px} claim-card::part(title){color: rgb(1, 2, 3)}</style>`;
    const { page, context } = await open(
      "/theme.html",
      hostPage("en", `${css}<claim-card claim="dnc-hack-2016"></claim-card>`, widget),
    );
    const title = card(page).locator("[part~=title]");
    await title.waitFor();
    expect(await title.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(1, 2, 3)");
    expect(
      await card(page)
        .locator("[part~=toggle]")
        .evaluate((el) => getComputedStyle(el).color),
    ).toBe("rgb(200, 0, 100)");
    expect(
      await card(page)
        .locator("[part~=card]")
        .evaluate((el) => getComputedStyle(el).fontSize),
    ).toBe("20px");
    await context.close();
  });

  it("follows dark mode, and a pinned theme", async () => {
    const html = hostPage(
      "en",
      `<claim-card claim="dnc-hack-2016"></claim-card><claim-card claim="gru-indictment-2018" theme="light"></claim-card>`,
      widget,
    );
    const { page, context } = await open("/dark.html", html, { colorScheme: "dark" });
    await card(page).locator("[part~=title]").waitFor();
    await card(page, "gru-indictment-2018").locator("[part~=title]").waitFor();
    const bg = (id: string) =>
      card(page, id)
        .locator("[part~=card]")
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg("dnc-hack-2016")).toBe("rgb(22, 27, 34)");
    expect(await bg("gru-indictment-2018")).toBe("rgb(255, 255, 255)");
    await context.close();
  });

  it.each([
    ["fr", "light"],
    ["fr", "dark"],
    ["en", "light"],
    ["en", "dark"],
  ] as const)("passes axe-core with no violations (%s, %s, compact and expanded)", async (lang, colorScheme) => {
    const { page, context } = await open(
      `/axe-${lang}-${colorScheme}.html`,
      hostPage(
        lang,
        `<main><h1>Article</h1><claim-card claim="dnc-hack-2016"></claim-card><claim-card claim="midnight-blizzard-microsoft-2024"></claim-card></main>`,
        widget,
      ),
      { colorScheme },
    );
    await card(page).locator("[part~=title]").waitFor();
    await card(page, "midnight-blizzard-microsoft-2024").locator("[part~=title]").waitFor();
    await page.addScriptTag({ content: AXE });
    const run = () =>
      page.evaluate(async () => {
        const r = await (
          window as unknown as {
            axe: {
              run: (ctx: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>;
            };
          }
        ).axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
    expect(await run()).toEqual([]);
    await card(page).locator("[part~=toggle]").click();
    await card(page).locator("[part~=related] a").first().waitFor();
    expect(await run()).toEqual([]);
    await context.close();
  });

  it("is operable by keyboard, with a visible focus", async () => {
    const { page, context } = await open(
      "/keys.html",
      hostPage("en", `<claim-card claim="dnc-hack-2016"></claim-card>`, widget),
    );
    await card(page).locator("[part~=title]").waitFor();
    await page.keyboard.press("Tab");
    const focused = () => card(page).evaluate((el) => el.shadowRoot!.activeElement?.getAttribute("part"));
    expect(await focused()).toBe("toggle");
    expect(
      await card(page)
        .locator("[part~=toggle]")
        .evaluate((el) => getComputedStyle(el).outlineStyle),
    ).toBe("solid");
    await page.keyboard.press("Enter");
    expect(await card(page).locator("[part~=toggle]").getAttribute("aria-expanded")).toBe("true");
    expect(await card(page).locator("[part~=timeline]").isVisible()).toBe(true);
    await page.keyboard.press("Space");
    expect(await card(page).locator("[part~=toggle]").getAttribute("aria-expanded")).toBe("false");
    await context.close();
  });

  it("reserves its space with the README's embed snippet: zero layout shift while it loads", async () => {
    const below = Array.from(
      { length: 5 },
      (_, i) => `<p>Paragraphe ${i} sous la fiche, qui ne doit jamais bouger pendant le chargement.</p>`,
    ).join("");
    const snippet = README_SNIPPET.replace(/<script[^>]*><\/script>\n?/, "").replace(
      "dnc-hack-2016",
      'dnc-hack-2016" eager="',
    );
    expect(snippet).toContain(`style="display:block;min-height:${CARD_SIZE.height}px"`);
    const { page, context } = await open(
      "/cls.html",
      hostPage("fr", `<p>Avant la fiche.</p>${snippet}${below}`, widget),
    );
    await card(page).locator("[part~=title]").waitFor();
    await page.waitForTimeout(300);
    const { cls, shifts } = await layoutShifts(page);
    expect(shifts).toEqual([]);
    expect(cls).toBe(0);
    await context.close();
  });

  it("fits 280 px without overflowing", async () => {
    const { page, context } = await open(
      "/narrow.html",
      hostPage("fr", `<claim-card claim="gru-opcw-wada-2018"></claim-card>`, widget),
      { width: 312 },
    );
    await card(page, "gru-opcw-wada-2018").locator("[part~=title]").waitFor();
    const box = await card(page, "gru-opcw-wada-2018").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(280);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(312);
    const overflow = await card(page, "gru-opcw-wada-2018").evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll("*")]
        .filter(
          (e) => !e.closest(".one, .clamp") && e.getBoundingClientRect().right > el.getBoundingClientRect().right + 1,
        )
        .map((e) => e.getAttribute("part") ?? e.nodeName),
    );
    expect(overflow).toEqual([]);
    const inner = card(page, "gru-opcw-wada-2018").locator("[part~=card]");
    expect(await inner.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await context.close();
  });

  it("fetches lazily, only when the card nears the viewport", async () => {
    env.host.json("/api-lazy/v1/claims/dnc-hack-2016", await (await fetch(`${base}/v1/claims/dnc-hack-2016`)).json());
    const { page, context } = await open(
      "/lazy.html",
      hostPage(
        "en",
        `<div style="height:4000px">Long article</div><claim-card claim="dnc-hack-2016" api="${env.host.origin}/api-lazy"></claim-card>`,
        widget,
      ),
    );
    await page.waitForTimeout(500);
    expect(env.host.hits.get("/api-lazy/v1/claims/dnc-hack-2016") ?? 0).toBe(0);
    await page.mouse.wheel(0, 3600);
    await card(page).locator("[part~=title]").waitFor();
    expect(env.host.hits.get("/api-lazy/v1/claims/dnc-hack-2016")).toBe(1);
    await context.close();
  });
});

describe("<claim-card> never breaks the page", () => {
  it("shows a small note for an unknown id, an API error, a timeout or an offline API, and the page goes on", async () => {
    env.host.json("/api-500/v1/claims/dnc-hack-2016", { type: "x", title: "boom", status: 500, detail: "boom" }, 500);
    const html = hostPage(
      "en",
      `
      <claim-card id="unknown" claim="no-such-claim" eager></claim-card>
      <claim-card id="error" claim="dnc-hack-2016" api="${env.host.origin}/api-500" eager></claim-card>
      <claim-card id="slow" claim="dnc-hack-2016" api="${env.host.origin}/hang" timeout="300" eager></claim-card>
      <claim-card id="offline" claim="dnc-hack-2016" api="http://127.0.0.1:9" eager></claim-card>
      <claim-card id="quiet" claim="no-such-claim" eager quiet></claim-card>
      <p id="after">after</p>
      <script>addEventListener("load", () => document.getElementById("after").textContent = "page script ran")</script>`,
      widget,
    );
    const { page, context, errors } = await open("/errors.html", html);
    const note = (id: string) => page.locator(`#${id}`).locator("[part~=note]");
    await expect.poll(() => note("unknown").innerText(), { timeout: 5000 }).toBe("Record not found.");
    await expect.poll(() => note("error").innerText(), { timeout: 5000 }).toBe("Record unavailable right now.");
    await expect.poll(() => note("slow").innerText(), { timeout: 5000 }).toBe("Record unavailable right now.");
    await expect.poll(() => note("offline").innerText(), { timeout: 5000 }).toBe("Record unavailable right now.");
    await expect
      .poll(() => page.locator("#quiet").evaluate((el) => getComputedStyle(el).display), { timeout: 5000 })
      .toBe("none");
    for (const id of ["unknown", "error", "slow", "offline"]) {
      const h = await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().height);
      expect(h, id).toBeLessThan(60);
    }
    expect(await page.locator("#after").innerText()).toBe("page script ran");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("renders record text that holds HTML or script as inert text", async () => {
    const record = await (await fetch(`${base}/v1/claims/dnc-hack-2016`)).json();
    const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
    record.id = "xss-html-in-text";
    // A copy of a real record, kept from matching the articles of the auto-mode tests on the same server.
    record.keywords = { fr: [], en: [] };
    record.urls = [];
    // Related records link both ways: a copied list would give the seed records a link to this one.
    record.related = [];
    record.incident.targets = [{ fr: payload, en: payload }];
    record.incident.title = { fr: payload, en: payload };
    record.incident.summary = {
      fr: `</p><a href="javascript:window.__pwned=1">x</a>`,
      en: `</p><a href="javascript:window.__pwned=1">x</a>`,
    };
    record.accusations[0].summary.en = payload;
    record.accusations[0].speaker = { name: `"><svg onload=window.__pwned=1>`, role: { fr: payload, en: payload } };
    const put = await fetch(`${base}/v1/claims/xss-html-in-text`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${inject("adminToken")}`, "Content-Type": "application/json" },
      body: JSON.stringify(record),
    });
    expect(put.status, await put.clone().text()).toBe(201);
    await untilServed(base, "xss-html-in-text");
    const { page, context, errors } = await open(
      "/xss.html",
      hostPage("en", `<claim-card claim="xss-html-in-text" expanded></claim-card>`, widget),
    );
    const title = card(page, "xss-html-in-text").locator("[part~=title]");
    await title.waitFor();
    expect(await title.innerText()).toBe(payload);
    const shadow = await card(page, "xss-html-in-text").evaluate((el) => ({
      imgs: el.shadowRoot!.querySelectorAll("img, script, svg").length,
      js: [...el.shadowRoot!.querySelectorAll("a")].filter((a) => !/^https?:/.test(a.href)).length,
    }));
    expect(shadow).toEqual({ imgs: 0, js: 0 });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("never renders a non-http(s) link, even from a hostile API (mock) serving what the real one refuses", async () => {
    const record = await (await fetch(`${base}/v1/claims/dnc-hack-2016`)).json();
    for (const a of record.accusations) for (const s of a.sources) s.url = "javascript:window.__pwned=1";
    record.denials[0].sources[0].url = "data:text/html,<script>parent.__pwned=1</script>";
    record.denials[1].sources[0].url = " JavaScript:window.__pwned=1";
    env.host.json("/api-hostile/v1/claims/dnc-hack-2016", record);
    const { page, context, errors } = await open(
      "/hostile.html",
      hostPage(
        "en",
        `<claim-card claim="dnc-hack-2016" api="${env.host.origin}/api-hostile" expanded></claim-card>`,
        widget,
      ),
    );
    await card(page).locator("[part~=title]").waitFor();
    const hrefs = await card(page)
      .locator("a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
    expect(await card(page).locator("[part~=sources] li").first().innerText()).toMatch(/^Source: /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("survives a malformed record from a hostile API (mock) with a note, not an exception", async () => {
    env.host.json("/api-broken/v1/claims/dnc-hack-2016", { id: "dnc-hack-2016", incident: null, accusations: "nope" });
    const { page, context, errors } = await open(
      "/broken.html",
      hostPage(
        "en",
        `<claim-card claim="dnc-hack-2016" api="${env.host.origin}/api-broken" eager></claim-card>`,
        widget,
      ),
    );
    await expect
      .poll(() => card(page).locator("[part~=note]").innerText(), { timeout: 5000 })
      .toBe("Record unavailable right now.");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("defines the element once when the script is loaded twice", async () => {
    const html = hostPage(
      "en",
      `<claim-card claim="dnc-hack-2016"></claim-card><script type="module" src="${widget}?again"></script>`,
      widget,
    );
    const { page, context, errors } = await open("/twice.html", html);
    await card(page).locator("[part~=title]").waitFor();
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await context.close();
  });
});
