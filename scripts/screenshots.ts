/**
 * `npm run screenshots [-- http://127.0.0.1:8787]`: takes the README's pictures against a
 * running server (`npm start`): the compact card in French and English, light and dark,
 * and at 280 px; the card with its timeline open; the claim page on a desktop and on a
 * phone; and the auto-mode demo, whole, with the cards where auto mode put them.
 * Writes docs/screenshots/*.png.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { launch } from "../lib/browser.ts";
import { CARD_SIZE } from "../shared/constants.ts";

const base = (process.argv[2] ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`).replace(/\/$/, "");
const OUT = "docs/screenshots";
await mkdir(OUT, { recursive: true });

/** One picture of the card alone. */
interface CardShot {
  name: string;
  lang: "fr" | "en";
  scheme: "light" | "dark";
  /** The card's width in CSS pixels. */
  width: number;
  claim: string;
  expanded?: boolean;
}

/** The card at its full width, as oEmbed and WordPress give it. */
const FULL = CARD_SIZE.width;

const cards: CardShot[] = [
  { name: "card-fr-light", lang: "fr", scheme: "light", width: FULL, claim: "dnc-hack-2016" },
  { name: "card-en-light", lang: "en", scheme: "light", width: FULL, claim: "dnc-hack-2016" },
  { name: "card-fr-dark", lang: "fr", scheme: "dark", width: FULL, claim: "trump-campaign-iran-2024" },
  { name: "card-en-dark", lang: "en", scheme: "dark", width: FULL, claim: "midnight-blizzard-microsoft-2024" },
  { name: "card-280", lang: "fr", scheme: "light", width: 280, claim: "gru-opcw-wada-2018" },
  { name: "card-expanded", lang: "en", scheme: "light", width: FULL, claim: "gru-indictment-2018", expanded: true },
];

async function cardShot(browser: Browser, s: CardShot): Promise<void> {
  const page = await browser.newPage({
    viewport: { width: s.width + 32, height: 900 },
    colorScheme: s.scheme,
    deviceScaleFactor: 2,
  });
  const bg = s.scheme === "dark" ? "#0d1117" : "#f6f8fa";
  await page.goto(`${base}/`);
  await page.setContent(`<!doctype html><html lang="${s.lang}"><head><script type="module" src="${base}/widget.js"></script></head>
<body style="margin:0;padding:16px;background:${bg}"><claim-card claim="${s.claim}" eager${s.expanded ? " expanded" : ""}></claim-card></body></html>`);
  const card = page.locator("claim-card");
  await card.locator("[part~=title]").waitFor();
  await page.waitForTimeout(s.expanded ? 800 : 200);
  await card.screenshot({ path: `${OUT}/${s.name}.png` });
  await page.close();
}

async function pageShot(browser: Browser, name: string, url: string, width: number, height: number, full = false) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: width < 600 ? 2 : 1 });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: full });
  await page.close();
}

const browser = await launch();
for (const s of cards) await cardShot(browser, s);
await pageShot(browser, "page-desktop", `${base}/claims/dnc-hack-2016?lang=en`, 1280, 1000);
await pageShot(browser, "page-mobile", `${base}/claims/dnc-hack-2016?lang=fr`, 390, 844);
await pageShot(browser, "demo", `${base}/`, 1280, 900);
await pageShot(browser, "auto-demo", `${base}/auto`, 1280, 700, true);
await browser.close();
console.log(`screenshots: ${cards.length + 4} pictures in ${OUT}/`);
