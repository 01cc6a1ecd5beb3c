/**
 * The widget in Chromium: time from inserting the script tag to a rendered card (the
 * `claimcard-load` event, fired once the card has rendered), cold (empty cache) and warm
 * (script cached), and the page's Cumulative Layout Shift with the README's snippet.
 *
 * @module
 */
import { launch } from "../lib/browser.ts";
import { percentile } from "../lib/stats.ts";

/** Timings of `runs` loads. */
export interface WidgetTimes {
  coldP50Ms: number;
  coldP95Ms: number;
  warmP50Ms: number;
  warmP95Ms: number;
  cls: number;
  runs: number;
}

/**
 * @example
 * await widgetTimes("http://127.0.0.1:8787", 20);
 */
export async function widgetTimes(base: string, runs = 20): Promise<WidgetTimes> {
  const browser = await launch();
  const measure = async (page: import("playwright-core").Page, i: number) =>
    page.evaluate(
      async ({ widget, id }) => {
        const start = performance.now();
        const card = document.createElement("claim-card");
        card.setAttribute("claim", id);
        card.setAttribute("eager", "");
        card.setAttribute("style", "display:block;min-height:360px");
        const loaded = new Promise<void>((resolve) =>
          card.addEventListener("claimcard-load", () => resolve(), { once: true }),
        );
        document.body.prepend(card);
        const s = document.createElement("script");
        s.type = "module";
        s.src = widget;
        document.head.append(s);
        await loaded;
        return performance.now() - start;
      },
      { widget: `${base}/widget.js`, id: ["dnc-hack-2016", "gru-opcw-wada-2018", "ukraine-ministries-2022"][i % 3]! },
    );
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/healthz`);
    cold.push(await measure(page, i));
    await page.goto(`${base}/healthz`);
    warm.push(await measure(page, i + 1));
    await context.close();
  }
  const page = await browser.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
        if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(`${base}/`);
  await page.locator("claim-card [part~=title]").first().waitFor();
  await page.waitForTimeout(500);
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  await browser.close();
  return {
    coldP50Ms: percentile(cold, 50),
    coldP95Ms: percentile(cold, 95),
    warmP50Ms: percentile(warm, 50),
    warmP95Ms: percentile(warm, 95),
    cls,
    runs,
  };
}
