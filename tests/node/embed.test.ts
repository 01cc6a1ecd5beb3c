import { describe, expect, inject, it } from "vitest";
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

  it("lets each claimcard frame size only itself: other frames' resize messages are ignored", async () => {
    const page = await env.browser.newPage();
    const evil = `<script>addEventListener("message", () => parent.postMessage({ type: "claimcard:resize", id: "x", height: 5000 }, "*"))</script>`;
    env.host.page("/evil-frame.html", evil);
    const { html } = await oembedHtml(`${base}/claims/dnc-hack-2016`);
    const page2 = `<!doctype html><html><head><script type="module" src="${base}/widget.js"></script></head><body>${html}
      <iframe id="plain" src="/evil-frame.html" height="50"></iframe><iframe id="posing" class="claimcard-embed" src="/evil-frame.html" height="50"></iframe></body></html>`;
    await page.goto(env.host.page("/embed-evil.html", page2));
    await page.frameLocator("iframe.claimcard-embed >> nth=0").locator("[part~=title]").waitFor();
    await page.evaluate(() => customElements.whenDefined("claim-card"));
    const real = Number(await page.locator("iframe.claimcard-embed").first().getAttribute("height"));
    await page.evaluate(() => {
      for (const id of ["plain", "posing"])
        (document.getElementById(id) as HTMLIFrameElement).contentWindow!.postMessage("go", "*");
    });
    await expect.poll(() => page.locator("#posing").getAttribute("height")).toBe("5000");
    expect(await page.locator("#plain").getAttribute("height")).toBe("50");
    expect(Number(await page.locator("iframe.claimcard-embed").first().getAttribute("height"))).toBe(real);
    await page.close();
  });
});
