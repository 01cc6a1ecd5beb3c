import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { layoutShifts, watchLayoutShifts } from "./cls.ts";
import { hostPage, useBrowserAndHost } from "./host.ts";

const base = inject("baseUrl");
const env = useBrowserAndHost();
let demo: string[];

beforeAll(async () => {
  const html = await (await fetch(`${base}/`)).text();
  const article = /<article id="article">([\s\S]*?)<\/article>/.exec(html)![1]!;
  demo = [...article.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
});

/** A publisher's article page: the demo article's paragraphs, with `before` filler paragraphs first and `after` ones last. */
function articlePage(
  path: string,
  {
    before = 0,
    after = 0,
    script = `<script type="module" src="${base}/widget.js" data-auto></script>`,
    extra = "",
  } = {},
): string {
  const filler = Array.from(
    { length: before },
    (_, i) =>
      `<p>Paragraphe d'introduction ${i + 1}, sans rapport avec les cyberattaques : la météo, le sport, la culture.</p>`,
  ).join("\n");
  const tail = Array.from(
    { length: after },
    (_, i) => `<p>Suite de l'article, paragraphe ${i + 1}, sur la coopération spatiale.</p>`,
  ).join("\n");
  const body = `<h1>Malgré les cyberattaques, les USA ne réviseront pas leur coopération avec la Russie</h1>
<article class="story">${filler}\n${demo.map((p) => `<p>${p}</p>`).join("\n")}\n${tail}</article>${extra}<footer><p>Pied de page du site</p></footer>`;
  return env.host.page(path, hostPage("fr", body, "", script).replace(`<script type="module" src=""></script>`, ""));
}

async function autoCards(page: Page): Promise<Array<{ id: string; after: string }>> {
  await page.locator("claim-card[data-claimcard-auto]").first().waitFor({ state: "attached", timeout: 10_000 });
  await page.waitForTimeout(200);
  return page.locator("claim-card[data-claimcard-auto]").evaluateAll((cards) =>
    cards.map((c) => {
      let prev = c.previousElementSibling;
      while (prev?.localName === "claim-card") prev = prev.previousElementSibling;
      return { id: c.getAttribute("claim")!, after: (prev?.textContent ?? "").slice(0, 80) };
    }),
  );
}

describe("auto mode", () => {
  it("reads the demo article, and inserts cards beside the paragraphs that speak of each claim", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await watchLayoutShifts(page);
    await page.goto(articlePage("/auto.html", { before: 12 }));
    const cards = await autoCards(page);
    const ids = cards.map((c) => c.id);
    expect(ids).toContain("dnc-hack-2016");
    const dnc = cards.find((c) => c.id === "dnc-hack-2016")!;
    expect(dnc.after).toMatch(/Wikileaks a publié le 22 juillet|Le porte-parole du QG de campagne/);
    for (const c of cards) expect(c.after).not.toMatch(/Paragraphe d'introduction/);
    const rendered = page.locator('claim-card[data-claimcard-auto][claim="dnc-hack-2016"]');
    expect(await rendered.locator("[part~=title]").innerText()).toMatch(/Comité national démocrate/);
    expect(await rendered.locator("dt").first().innerText()).toBe("Mis en cause");
    const { cls } = await layoutShifts(page);
    expect(cls).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("never moves what the reader sees: a card whose paragraph is on screen goes below the fold", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await watchLayoutShifts(page);
    await page.goto(articlePage("/auto-onscreen.html", { after: 30 }));
    const cards = await autoCards(page);
    const tops = await page
      .locator("claim-card[data-claimcard-auto]")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    for (const top of tops) expect(top).toBeGreaterThanOrEqual(900);
    for (const c of cards) expect(c.after).toMatch(/^Suite de l'article/);
    const { cls, shifts } = await layoutShifts(page);
    expect(shifts).toEqual([]);
    expect(cls).toBe(0);
    await context.close();
  });

  it("puts the cards at the end of an article that is on screen whole", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 2000 } });
    const page = await context.newPage();
    await page.goto(articlePage("/auto-short.html"));
    await autoCards(page);
    const last = await page.locator("article.story").evaluate((a) => a.lastElementChild?.localName);
    expect(last).toBe("claim-card");
    await context.close();
  });

  it("takes the article's selector from data-auto", async () => {
    const page = await env.browser.newPage();
    await page.goto(
      articlePage("/auto-selector.html", {
        before: 40,
        script: `<script type="module" src="${base}/widget.js" data-auto=".story" data-limit="1"></script>`,
      }),
    );
    const cards = await autoCards(page);
    expect(cards).toHaveLength(1);
    await page.close();
  });

  it("works as <claim-card auto> too", async () => {
    const page = await env.browser.newPage();
    await page.goto(
      articlePage("/auto-element.html", {
        before: 40,
        script: `<script type="module" src="${base}/widget.js"></script>`,
        extra: `<claim-card auto selector=".story"></claim-card>`,
      }),
    );
    const cards = await autoCards(page);
    expect(cards.map((c) => c.id)).toContain("dnc-hack-2016");
    await page.close();
  });

  it("inserts nothing into an unrelated article, and leaves the page alone", async () => {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const body = `<article><h1>La Russie et les États-Unis renforcent leur coopération spatiale</h1><p>Moscou et Washington ont signé mardi un accord de coopération sur la Station spatiale internationale, a annoncé le Kremlin.</p><p>Les deux pays continueront d'échanger des astronautes et des cosmonautes jusqu'en 2028.</p></article>`;
    const url = env.host.page(
      "/auto-unrelated.html",
      hostPage("fr", body, "", `<script type="module" src="${base}/widget.js" data-auto></script>`).replace(
        `<script type="module" src=""></script>`,
        "",
      ),
    );
    await Promise.all([page.waitForResponse((r) => r.url().endsWith("/v1/match")), page.goto(url)]);
    await page.waitForTimeout(300);
    expect(await page.locator("claim-card").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
