import { describe, expect, inject, it } from "vitest";
import { embedFrameSize } from "../../shared/embed-protocol.ts";
import { useBrowserAndHost } from "./host.ts";

const base = inject("baseUrl");
const env = useBrowserAndHost();

async function oembedHtml(url: string): Promise<{ html: string; height: number }> {
  const res = await fetch(`${base}/v1/oembed?url=${encodeURIComponent(url)}&format=json`);
  expect(res.status).toBe(200);
  return res.json();
}

describe("the oEmbed iframe, framed by another site", () => {
  it("shows the card on a page with no JavaScript of its own", async () => {
    const { html } = await oembedHtml(`${base}/claims/dnc-hack-2016?lang=fr`);
    const page = await env.browser.newPage();
    const problems: string[] = [];
    page.on(
      "console",
      (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()),
    );
    page.on(
      "response",
      (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && problems.push(`${r.status()} ${r.url()}`),
    );
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(
      env.host.page("/embed-nojs.html", `<!doctype html><html lang="fr"><body><h1>Article</h1>${html}</body></html>`),
    );
    const frame = page.frameLocator("iframe.claimcard-embed");
    expect(await frame.locator("[part~=title]").innerText()).toMatch(/Piratage du Comité national démocrate/);
    expect(await frame.locator(".label").allInnerTexts()).toEqual(["ACCUSATION", "DÉMENTI"]);
    expect(await frame.locator("[part~=who] strong").allInnerTexts()).toEqual([
      "Département de la Justice des États-Unis",
      "Russie",
    ]);
    const links = await frame
      .locator("a")
      .evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.getAttribute("target")]));
    for (const [href, target] of links) {
      expect(href).toMatch(/^https?:\/\//);
      expect(target).toBe("_blank");
    }
    await frame.locator("summary").click();
    expect(await frame.locator("[part~=event]").count()).toBeGreaterThan(3);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("resizes itself to its content through a namespaced postMessage, which widget.js applies", async () => {
    const { html, height } = await oembedHtml(`${base}/claims/gru-opcw-wada-2018`);
    const page = await env.browser.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __messages: unknown[] }).__messages = [];
      addEventListener("message", (e) => (window as unknown as { __messages: unknown[] }).__messages.push(e.data));
    });
    await page.goto(
      env.host.page(
        "/embed-resize.html",
        `<!doctype html><html lang="en"><head><script type="module" src="${base}/widget.js"></script></head><body>${html}</body></html>`,
      ),
    );
    const frame = page.frameLocator("iframe.claimcard-embed");
    await frame.locator("[part~=title]").waitFor();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __messages: Array<{ type: string }> }).__messages.length))
      .toBeGreaterThan(0);
    const first = await page.evaluate(
      () => (window as unknown as { __messages: Array<{ type: string; id: string; height: number }> }).__messages[0]!,
    );
    expect(first).toMatchObject({ type: "claimcard:resize", id: "gru-opcw-wada-2018" });
    expect(first.height).toBeGreaterThan(100);
    await frame.locator("summary").click();
    await expect
      .poll(async () => Number(await page.locator("iframe.claimcard-embed").getAttribute("height")))
      .toBeGreaterThan(height * 2);
    const iframe = await page.locator("iframe.claimcard-embed").boundingBox();
    const inner = await frame.locator("html").evaluate((el) => el.getBoundingClientRect().height);
    expect(Math.abs(iframe!.height - Math.ceil(inner))).toBeLessThanOrEqual(2);
    await page.close();
  });

  it("sizes a frame that posted its height before widget.js ran, and lifts the max-height a theme set", async () => {
    const { html } = await oembedHtml(`${base}/claims/dnc-hack-2016`);
    const page = await env.browser.newPage();
    // As Twenty Twenty-One's responsive-embeds.js does: an inline max-height from the ratio.
    await page.goto(
      env.host.page(
        "/embed-late.html",
        `<!doctype html><html lang="en"><body>${html.replace("<iframe ", `<iframe style="max-height:${embedFrameSize().height}px" `)}</body></html>`,
      ),
    );
    const iframe = page.locator("iframe.claimcard-embed");
    const frame = page.frameLocator("iframe.claimcard-embed");
    await frame.locator("[part~=title]").waitFor();
    const inner = () => frame.locator("html").evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    await page.addScriptTag({ type: "module", url: `${base}/widget.js` });
    await expect.poll(async () => Number(await iframe.getAttribute("height"))).toBe(await inner());
    await frame.locator("summary").click();
    await expect.poll(async () => (await iframe.boundingBox())!.height).toBeGreaterThan(embedFrameSize().height * 2);
    expect(Math.abs((await iframe.boundingBox())!.height - (await inner()))).toBeLessThanOrEqual(2);
    await page.close();
  });

  it("lets only the API's own frames resize: a frame posing with the embed's class cannot, nor a srcdoc or about:blank one", async () => {
    const page = await env.browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __forged: number };
      w.__forged = 0;
      addEventListener("message", (e) => {
        if ((e.data as { id?: string } | null)?.id === "forged") w.__forged++;
      });
    });
    const evil = `<script>addEventListener("message", () => parent.postMessage({ type: "claimcard:resize", id: "forged", height: 5000 }, "*"))</script>`;
    env.host.page("/evil-frame.html", evil);
    const { html } = await oembedHtml(`${base}/claims/dnc-hack-2016`);
    const page2 = `<!doctype html><html><head><script type="module" src="${base}/widget.js"></script></head><body>${html}
      <iframe id="plain" src="/evil-frame.html" height="50"></iframe>
      <iframe id="posing" class="claimcard-embed" src="/evil-frame.html" height="50"></iframe>
      <iframe id="srcdoc" class="claimcard-embed" srcdoc="${evil.replaceAll('"', "&quot;")}" height="50"></iframe>
      <iframe id="blank" class="claimcard-embed" height="50"></iframe></body></html>`;
    await page.goto(env.host.page("/embed-evil.html", page2));
    await page.frameLocator("iframe.claimcard-embed >> nth=0").locator("[part~=title]").waitFor();
    await page.evaluate(() => customElements.whenDefined("claim-card"));
    await page.evaluate((script) => {
      const doc = (document.getElementById("blank") as HTMLIFrameElement).contentDocument!;
      doc.open();
      doc.write(script);
      doc.close();
    }, evil);
    const real = Number(await page.locator("iframe.claimcard-embed").first().getAttribute("height"));
    const frames = ["plain", "posing", "srcdoc", "blank"];
    await page.evaluate((ids) => {
      for (const id of ids) (document.getElementById(id) as HTMLIFrameElement).contentWindow!.postMessage("go", "*");
    }, frames);
    // Every forged message arrived (widget.js saw each of them in the same dispatch)…
    await expect.poll(() => page.evaluate(() => (window as unknown as { __forged: number }).__forged)).toBe(4);
    // …and none was applied.
    for (const id of frames) expect(await page.locator(`#${id}`).getAttribute("height"), id).toBe("50");
    expect(Number(await page.locator("iframe.claimcard-embed").first().getAttribute("height"))).toBe(real);
    await page.close();
  });
});
