/**
 * `npm run screenshots [-- http://127.0.0.1:8787]`: takes the README's pictures of the
 * card against a running server (`npm start`): the demo page, and the card alone in
 * light, dark, French, English and at 280 px, compact and with its timeline open.
 * Writes docs/screenshots/*.png.
 *
 * @module
 */
import { mkdir } from "node:fs/promises";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../lib/browser.ts";

const base = (process.argv[2] ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`).replace(/\/$/, "");
const OUT = "docs/screenshots";
await mkdir(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

interface Shot {
  name: string;
  lang: "fr" | "en";
  scheme: "light" | "dark";
  width: number;
  claim: string;
  expanded?: boolean;
}

const shots: Shot[] = [
  { name: "card-fr-light", lang: "fr", scheme: "light", width: 460, claim: "dnc-hack-2016" },
  { name: "card-en-light", lang: "en", scheme: "light", width: 460, claim: "trump-campaign-iran-2024" },
  { name: "card-fr-dark", lang: "fr", scheme: "dark", width: 460, claim: "gru-opcw-wada-2018" },
  {
    name: "card-en-dark-timeline",
    lang: "en",
    scheme: "dark",
    width: 460,
    claim: "gru-indictment-2018",
    expanded: true,
  },
  {
    name: "card-fr-timeline",
    lang: "fr",
    scheme: "light",
    width: 460,
    claim: "ukraine-ministries-2022",
    expanded: true,
  },
  { name: "card-narrow-280", lang: "fr", scheme: "light", width: 312, claim: "russia-election-interference-2016" },
];

for (const s of shots) {
  const page = await browser.newPage({
    viewport: { width: s.width, height: 600 },
    colorScheme: s.scheme,
    deviceScaleFactor: 2,
  });
  const bg = s.scheme === "dark" ? "#0d1117" : "#f6f8fa";
  await page.goto(`${base}/`);
  await page.setContent(`<!doctype html><html lang="${s.lang}"><head><script type="module" src="${base}/widget.js"></script></head>
<body style="margin:0;padding:16px;background:${bg}"><claim-card claim="${s.claim}" eager${s.expanded ? " expanded" : ""}></claim-card></body></html>`);
  const card = page.locator("claim-card");
  await card.locator("[part~=title]").waitFor();
  await page.waitForTimeout(200);
  await card.screenshot({ path: `${OUT}/${s.name}.png` });
  await page.close();
}

const demo = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await demo.goto(`${base}/`);
await demo.locator("claim-card [part~=title]").first().waitFor();
await demo.waitForTimeout(300);
await demo.screenshot({ path: `${OUT}/demo.png` });
await browser.close();
console.log(`screenshots: ${shots.length + 1} pictures in ${OUT}/`);
