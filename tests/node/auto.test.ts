/**
 * Auto mode on publishers' pages written for these tests, in the two common news
 * templates: an `<article>` with a logo `<h1>`, a teaser `<article>` first, an ad slot, a
 * newsletter box, a "related" link line, a figure and a clipped paywall with its
 * subscribe box; and a `div.story-body` with every paragraph wrapped, a "Read more" box
 * and a hidden paywall. The evidence of a claim is put inside the boxes too, so that a
 * card that lands there, or hidden text that is sent, fails a test. The API is the real
 * one, reached through the host's proxy so that the test sees what the browser sends;
 * one test uses a mock API (named there) to return two related records.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseArticle } from "../../lib/articles.ts";
import { layoutShifts, watchLayoutShifts } from "./cls.ts";
import { hostPage, useBrowserAndHost } from "./host.ts";

const base = inject("baseUrl");
const env = useBrowserAndHost();
/** The demo article's paragraphs (French, about the DNC hack and the 2016 election). */
let demo: string[];
/** A written article's paragraphs about the 2024 hack of the Trump campaign, attributed to Iran. */
const trump = parseArticle(
  "trump-fr-inculpation-pasdaran",
  readFileSync("tests/fixtures/articles/trump-fr-inculpation-pasdaran.txt", "utf8"),
)
  .text.split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);
/** A sentence that only a box carries: if a card lands by it, or it is sent, the box was read. */
const BOX_EVIDENCE =
  "Chaque semaine, nos enquêtes sur le piratage du Comité national démocrate par des hackers russes du GRU et les courriels publiés par Wikileaks.";
let api: string;

beforeAll(async () => {
  const html = await (await fetch(`${base}/`)).text();
  const article = /<article id="article">([\s\S]*?)<\/article>/.exec(html)![1]!;
  demo = [...article.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
  api = env.host.proxy("/api/", `${base}/`).replace(/\/$/, "");
});

const filler = (n: number, what = "la météo, le sport, la culture") =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraphe ${i + 1} sans rapport avec les cyberattaques : ${what}, et rien d'autre ce jour-là.</p>`,
  ).join("\n");
const paragraphs = (ps: string[]) => ps.map((p) => `<p>${p}</p>`).join("\n");
const script = (attrs = "data-auto") =>
  `<script type="module" src="${base}/widget.js" ${attrs} data-api="${api}"></script>`;

/** The `<article>` template. */
function articleTemplate({ before = 6, after = 0, align = "" } = {}): string {
  return `<header class="masthead"><h1 class="logo">Le Quotidien du Soir</h1><nav><a href="/">Accueil</a></nav></header>
<main>
<article class="teaser"><h2><a href="/autre">Un autre sujet du jour</a></h2><p>Une brève.</p></article>
<article class="story" style="${align}">
<h1>Piratages : de Moscou à Téhéran, les campagnes américaines visées</h1>
<p class="byline">Par la rédaction · 28 septembre 2024</p>
${filler(before)}
<div class="ad-slot"><p>Publicité : ${BOX_EVIDENCE}</p></div>
<h2>Les courriels du Parti démocrate</h2>
${paragraphs(demo)}
<aside class="newsletter"><p>Inscrivez-vous à notre lettre. ${BOX_EVIDENCE}</p></aside>
<p><strong>À LIRE AUSSI :</strong> <a href="/dnc">Les hackers russes et le Comité national démocrate</a></p>
<figure><figcaption>${BOX_EVIDENCE}</figcaption></figure>
<h2>L'équipe de Donald Trump visée</h2>
${paragraphs(trump.slice(0, 2))}
${filler(after, "la suite du feuilleton")}
<div class="paywall" style="max-height:5em;overflow:hidden">${paragraphs(trump.slice(2))}</div>
<div class="subscribe"><p>Abonnez-vous pour lire la suite : les pirates iraniens, la campagne Trump et le ministère de la Justice, dès 1 € le premier mois.</p></div>
</article>
</main>
<footer><p>Le Quotidien du Soir, tous droits réservés.</p></footer>`;
}

/** The `div.story-body` template: every paragraph wrapped, a "Read more" box, a hidden paywall. */
function storyBodyTemplate(): string {
  const wrap = (ps: string[]) => ps.map((p) => `<div class="paragraph"><p>${p}</p></div>`).join("\n");
  return `<div class="site-header"><h1>Le Quotidien du Soir</h1></div>
<div class="story-body">
${wrap(Array.from({ length: 6 }, (_, i) => `Paragraphe d'introduction ${i + 1}, sans rapport avec les cyberattaques : la météo et le sport.`))}
${wrap(demo)}
<div class="read-more"><h3>Read more</h3><ul><li><a href="/x">${BOX_EVIDENCE}</a></li></ul></div>
<div class="paywall" hidden>${wrap(trump)}</div>
</div>`;
}

interface Sent {
  text: string;
  title?: string;
  url?: string;
  lang?: string;
}

/** Opens a page, records what auto mode sends, and waits for its cards (or for its answer when none is expected). */
async function openAuto(
  path: string,
  body: string,
  { width = 1000, height = 700, head = "", lang = "fr", cards = true } = {},
): Promise<{ page: Page; sent: Sent[]; errors: string[]; warnings: string[]; close: () => Promise<void> }> {
  const context = await env.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const sent: Sent[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  page.on("request", (r) => {
    if (r.url().endsWith("/v1/match")) sent.push(JSON.parse(r.postData() ?? "{}"));
  });
  await watchLayoutShifts(page);
  const html = hostPage(lang, body, "", head).replace(`<script type="module" src=""></script>`, "");
  await page.goto(env.host.page(path.split(/[?#]/)[0]!, html) + (path.match(/[?#].*$/)?.[0] ?? ""));
  if (cards)
    await page.locator("claim-card[data-claimcard-auto]").first().waitFor({ state: "attached", timeout: 10_000 });
  else await expect.poll(() => sent.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await page.waitForTimeout(400);
  return { page, sent, errors, warnings, close: () => context.close() };
}

/** Each auto card: its id, where it sits, and what it follows. */
function placed(page: Page) {
  return page.locator("claim-card[data-claimcard-auto]").evaluateAll((cards) =>
    cards.map((c) => {
      const prev = c.previousElementSibling;
      return {
        id: c.getAttribute("claim")!,
        top: c.getBoundingClientRect().top,
        after: prev?.localName ?? "",
        afterText: (prev?.textContent ?? "").slice(0, 60),
        inBox: !!c.closest(
          "aside, figure, .ad-slot, .newsletter, .paywall, .subscribe, .read-more, .teaser, header, footer",
        ),
        inStory: !!c.closest(".story, .story-body"),
        nextIsCard: c.nextElementSibling?.localName === "claim-card",
      };
    }),
  );
}

describe("auto mode in an <article> template", () => {
  it("places each card after a visible body paragraph of the story, never in a box, a heading or a link line, below the fold", async () => {
    const { page, errors, close } = await openAuto("/a.html", articleTemplate(), { head: script() });
    const cards = await placed(page);
    expect(cards.map((c) => c.id).sort()).toEqual(["dnc-hack-2016", "trump-campaign-iran-2024"]);
    for (const c of cards) {
      expect(c, JSON.stringify(c)).toMatchObject({ after: "p", inBox: false, inStory: true, nextIsCard: false });
      expect(c.afterText).not.toMatch(/^(À LIRE AUSSI|Par la rédaction|Paragraphe \d)/);
      expect(c.top).toBeGreaterThanOrEqual(700);
    }
    const dnc = cards.find((c) => c.id === "dnc-hack-2016")!;
    expect(dnc.afterText).toMatch(/^Wikileaks a publié le 22 juillet/);
    const { cls, shifts } = await layoutShifts(page);
    expect(shifts).toEqual([]);
    expect(cls).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it("reads the story, not the teaser <article> before it, and sends its visible text block by block, its h1, with no preflight", async () => {
    const before = env.host.log.length;
    const { sent, close } = await openAuto("/a-sent.html", articleTemplate(), { head: script() });
    expect(sent).toHaveLength(1);
    const { text, title, lang } = sent[0]!;
    expect(title).toBe("Piratages : de Moscou à Téhéran, les campagnes américaines visées");
    expect(lang).toBe("fr");
    expect(text).not.toContain("Une brève");
    expect(text).not.toContain(BOX_EVIDENCE);
    expect(text).not.toContain("Abonnez-vous");
    expect(text).not.toContain(trump[3]!.slice(0, 60)); // clipped by the paywall
    expect(text).toContain(`Eric Schultz.\n« Il y a certains domaines`); // blocks are not glued
    const calls = env.host.log.slice(before).filter((l) => l.includes("/api/v1/match"));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^POST \/api\/v1\/match text\/plain/);
    await close();
  });

  it("gives each card its own place, best match first, when both anchors are on screen", async () => {
    const { page, close } = await openAuto("/a-own.html", articleTemplate({ before: 0, after: 40 }), {
      head: script(),
      height: 2200,
    });
    // Both paragraphs that carry the evidence are on screen, so neither card may go there.
    const onScreen = await page.evaluate(
      (starts) =>
        starts.map((start) => {
          const p = [...document.querySelectorAll(".story > p")].find((e) => e.textContent!.startsWith(start))!;
          return p.getBoundingClientRect().bottom < innerHeight;
        }),
      ["Wikileaks a publié", trump[1]!.slice(0, 30)],
    );
    expect(onScreen).toEqual([true, true]);
    const cards = await placed(page);
    expect(cards.map((c) => c.id).sort()).toEqual(["dnc-hack-2016", "trump-campaign-iran-2024"]);
    const order = await page
      .locator(".story > *")
      .evaluateAll((els) =>
        els.flatMap((e, i) =>
          e.localName === "claim-card" ? [{ i, score: Number((e as HTMLElement).dataset.claimcardAuto) }] : [],
        ),
      );
    // The better match takes the first free place below the fold, the other one a place of its own after it.
    expect(order).toHaveLength(2);
    expect(order[0]!.score).toBeGreaterThan(order[1]!.score);
    expect(order[1]!.i - order[0]!.i).toBeGreaterThan(1);
    for (const c of cards) expect(c.top).toBeGreaterThanOrEqual(2200);
    await close();
  });

  it("gives the card its own margin and text alignment, whatever the container's", async () => {
    const { page, close } = await openAuto("/a-align.html", articleTemplate({ align: "text-align:center" }), {
      head: script(),
    });
    const card = page.locator("claim-card[data-claimcard-auto]").first();
    await card.locator("[part~=title]").waitFor();
    expect(await card.evaluate((el) => getComputedStyle(el).marginTop)).toBe("22.5px");
    expect(await card.locator("[part~=title]").evaluate((el) => getComputedStyle(el).textAlign)).toBe("start");
    await close();
  });

  it("never moves what the reader looks at on a page scrolled halfway", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await watchLayoutShifts(page);
    const html = hostPage("fr", articleTemplate({ before: 10, after: 20 }), "").replace(
      `<script type="module" src=""></script>`,
      "",
    );
    await page.goto(env.host.page("/a-scrolled.html", html));
    const y = await page.evaluate(() => {
      scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2);
      return scrollY;
    });
    const seen = await page.evaluate(() => document.elementFromPoint(500, 350)?.textContent?.slice(0, 40));
    await page.evaluate(
      ({ src, api }) => {
        const s = document.createElement("script");
        s.type = "module";
        s.src = src;
        s.dataset.auto = "";
        s.dataset.api = api;
        document.head.append(s);
      },
      { src: `${base}/widget.js`, api },
    );
    await page.locator("claim-card[data-claimcard-auto]").first().waitFor({ state: "attached", timeout: 10_000 });
    await page.waitForTimeout(400);
    for (const c of await placed(page)) expect(c.top).toBeGreaterThanOrEqual(700);
    expect(await page.evaluate(() => scrollY)).toBe(y);
    expect(await page.evaluate(() => document.elementFromPoint(500, 350)?.textContent?.slice(0, 40))).toBe(seen);
    const { cls } = await layoutShifts(page);
    expect(cls).toBe(0);
    await context.close();
  });

  it.each([320, 375])("fits a phone %i px wide, below the fold, with no layout shift", async (width) => {
    const { page, close } = await openAuto(`/a-phone-${width}.html`, articleTemplate(), {
      head: script(),
      width,
      height: 740,
    });
    const cards = await placed(page);
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(c.top).toBeGreaterThanOrEqual(740);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const { cls } = await layoutShifts(page);
    expect(cls).toBe(0);
    await close();
  });
});

describe("auto mode in a div.story-body template", () => {
  it("places the card after a wrapped paragraph, and neither reads nor places into the hidden paywall or the Read more box", async () => {
    const { page, sent, close } = await openAuto("/b.html", storyBodyTemplate(), {
      head: script('data-auto=".story-body"'),
    });
    const cards = await placed(page);
    expect(cards.map((c) => c.id)).toEqual(["dnc-hack-2016"]);
    expect(cards[0]).toMatchObject({ after: "p", inBox: false, inStory: true });
    expect(cards[0]!.top).toBeGreaterThanOrEqual(700);
    expect(sent[0]!.text).not.toContain("Gardiens de la révolution");
    expect(sent[0]!.text).not.toContain(BOX_EVIDENCE);
    await close();
  });

  it("says in the console why it does nothing when the page has no article", async () => {
    const { page, warnings, close } = await (async () => {
      const context = await env.browser.newContext();
      const page = await context.newPage();
      const warnings: string[] = [];
      page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
      const html = hostPage("fr", storyBodyTemplate(), "", script()).replace(
        `<script type="module" src=""></script>`,
        "",
      );
      await page.goto(env.host.page("/b-none.html", html));
      return { page, warnings, close: () => context.close() };
    })();
    await expect
      .poll(() => warnings.join(" "), { timeout: 5000 })
      .toMatch(/claimcard auto mode: no \[itemprop=articleBody\], <article> or <main>/);
    expect(await page.locator("claim-card").count()).toBe(0);
    await close();
  });
});

describe("auto mode and the API", () => {
  it("sends the page's URL without its query and fragment, or its canonical link (preview tokens stay home)", async () => {
    const { sent, close } = await openAuto("/p.html?preview=SECRET-NONCE#access_token=abc", articleTemplate(), {
      head: script(),
    });
    expect(sent[0]!.url).toBe(`${env.host.origin}/p.html`);
    await close();
    const canonical = await openAuto("/p2.html?preview=SECRET-NONCE", articleTemplate(), {
      head: `<link rel="canonical" href="https://news.example/2024/09/piratages">${script()}`,
    });
    expect(canonical.sent[0]!.url).toBe("https://news.example/2024/09/piratages");
    await canonical.close();
  });

  it("never stacks related records: the best one gets the card, which links to the other (mock API returning both)", async () => {
    const get = async (id: string) => (await fetch(`${base}/v1/claims/${id}`)).json();
    const [dnc, gru] = await Promise.all([get("dnc-hack-2016"), get("gru-indictment-2018")]);
    const exact = demo[4]!.slice(0, 80);
    env.host.json("/api-related/v1/match", {
      matches: [
        { id: "gru-indictment-2018", score: 0.6, anchor: { exact, prefix: "", suffix: "" }, claim: gru },
        { id: "dnc-hack-2016", score: 0.7, anchor: { exact, prefix: "", suffix: "" }, claim: dnc },
      ],
    });
    const { page, close } = await openAuto("/r.html", articleTemplate(), {
      head: `<script type="module" src="${base}/widget.js" data-auto data-api="${env.host.origin}/api-related"></script>`,
    });
    expect((await placed(page)).map((c) => c.id)).toEqual(["dnc-hack-2016"]);
    const card = page.locator("claim-card[data-claimcard-auto]");
    await card.locator("[part~=toggle]").click();
    expect(
      await card.locator("[part~=related] a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
    ).toContain(`${env.host.origin}/api-related/claims/gru-indictment-2018?lang=fr`);
    await close();
  });

  it("inserts nothing into an unrelated article, and leaves the page alone", async () => {
    const body = `<article><h1>La Russie et les États-Unis renforcent leur coopération spatiale</h1><p>Moscou et Washington ont signé mardi un accord de coopération sur la Station spatiale internationale, a annoncé le Kremlin.</p><p>Les deux pays continueront d'échanger des astronautes et des cosmonautes jusqu'en 2028, selon les deux agences, qui ont salué un accord utile.</p></article>`;
    const { page, errors, close } = await openAuto("/u.html", body, { head: script(), cards: false });
    expect(await page.locator("claim-card").count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it("takes the article's selector and the most cards from the script tag, and works as <claim-card auto> too", async () => {
    const one = await openAuto("/s.html", articleTemplate(), { head: script('data-auto=".story" data-limit="1"') });
    expect(await placed(one.page)).toHaveLength(1);
    await one.close();
    const element = await openAuto(
      "/e.html",
      `${articleTemplate()}<claim-card auto selector=".story" api="${api}"></claim-card>`,
      { head: `<script type="module" src="${base}/widget.js"></script>` },
    );
    expect((await placed(element.page)).map((c) => c.id)).toContain("dnc-hack-2016");
    await element.close();
  });
});
