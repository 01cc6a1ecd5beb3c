/**
 * The claimcard plugin in real WordPress (6.8 from Debian trixie, 6.1 from bookworm),
 * used as a new user would, in Debian's Chromium: activation, the settings page, a claim
 * URL pasted in post content and in the block editor, the shortcode in both modes, an
 * Author's post, the feed, and an API that answers hostile HTML. Each page is checked
 * under a classic theme (Twenty Twenty-One) and a block theme (Twenty Twenty-Three or
 * Twenty Twenty-Five), for what a reader sees: the card, in the text column, at the
 * height of its content, opened or not.
 */
import { createServer, type Server } from "node:http";
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch } from "../../../../lib/browser.ts";
import { freePort } from "../../../../lib/local-server.ts";
import { siteEval, type SiteInfo } from "./wordpress.ts";
import { embedFrameSize } from "../../../../shared/embed-protocol.ts";

const api = inject("apiUrl");
const sites = inject("sites");
const CLAIM = "dnc-hack-2016";
const claimUrl = `${api}/claims/${CLAIM}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A browser context logged in to the site as `user`, which never reaches off this machine. */
async function logIn(site: SiteInfo, user: "admin" | "author"): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // php -S on a busy CI machine can take long over wp-admin's first load (and its assets):
  // a slow machine must not fail what a fast one passes.
  context.setDefaultNavigationTimeout(90_000);
  context.setDefaultTimeout(60_000);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill("#user_login", user);
  await page.fill("#user_pass", user === "admin" ? site.adminPassword : site.authorPassword);
  await Promise.all([page.waitForURL(/wp-admin/), page.click("#wp-submit")]);
  await page.close();
  return context;
}

/** Publishes a post as the admin (its content as stored, like the classic editor's) and returns its URL. */
async function publish(site: SiteInfo, title: string, content: string): Promise<string> {
  const post = { post_title: title, post_content: content, post_status: "publish" };
  return siteEval<string>(site, `return get_permalink( wp_insert_post( json_decode( ${phpString(JSON.stringify(post))}, true ), true ) );`);
}

/** A PHP single-quoted string literal of s. */
function phpString(s: string): string {
  return `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

/** Activates a theme, as Appearance → Themes does. */
function switchTheme(site: SiteInfo, theme: string): Promise<unknown> {
  return siteEval(site, `switch_theme( ${phpString(theme)} ); return get_stylesheet();`);
}

/** The paragraph a test post puts before its card: its box is the text column. */
function column(page: Page): Locator {
  return page.locator("p", { hasText: "Before the card." }).first();
}

/** The height of the card's own document inside an iframe. */
function innerHeight(frame: FrameLocator): Promise<number> {
  return frame.locator("html").evaluate((el) => el.getBoundingClientRect().height);
}

/**
 * What a reader sees of a claimcard iframe: the card loads, the iframe fills the text
 * column and is as tall as the card (no band, nothing cut), and when the reader opens the
 * timeline the iframe grows to the whole timeline (no theme's max-height clips it).
 */
async function expectIframeCard(page: Page, iframe: Locator, { fillsColumn = true } = {}): Promise<void> {
  await iframe.scrollIntoViewIfNeeded();
  const frame = iframe.contentFrame();
  await expect.poll(() => frame.locator("[part~=title]").count(), { timeout: 15_000 }).toBe(1);
  const col = (await column(page).boundingBox())!;
  const box = (await iframe.boundingBox())!;
  expect(box.x, "the card starts at the column's left edge").toBeGreaterThanOrEqual(col.x - 1);
  expect(box.x + box.width, "the card ends at the column's right edge").toBeLessThanOrEqual(col.x + col.width + 1);
  if (fillsColumn) expect(box.width, "the card fills the column").toBeGreaterThanOrEqual(col.width - 2);
  await expect
    .poll(async () => Math.abs((await iframe.boundingBox())!.height - (await innerHeight(frame))), { message: "the iframe is as tall as its card" })
    .toBeLessThanOrEqual(2);
  const closed = (await iframe.boundingBox())!.height;
  await frame.locator("summary").click();
  await expect.poll(() => innerHeight(frame)).toBeGreaterThan(closed * 2);
  await expect
    .poll(async () => Math.abs((await iframe.boundingBox())!.height - (await innerHeight(frame))), { message: "the opened card is shown whole" })
    .toBeLessThanOrEqual(2);
}

/** The page's one claimcard iframe, its markup checked: ours, not a sandboxed copy. */
async function claimcardIframe(page: Page, id = CLAIM): Promise<Locator> {
  const iframe = page.locator("iframe.claimcard-embed");
  await expect.poll(() => iframe.count()).toBe(1);
  expect(await iframe.getAttribute("src")).toMatch(new RegExp(`^${api}/embed/${id}\\?lang=(en|fr)$`));
  expect(await iframe.getAttribute("sandbox")).toBeNull();
  return iframe;
}

/** Opens the block editor for a new post, with no welcome guide over it. */
async function newPostInEditor(context: BrowserContext, site: SiteInfo): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.url}/wp-admin/post-new.php`);
  await page.waitForFunction(() => {
    const wp = (window as unknown as { wp?: { data?: { select(s: string): { isCleanNewPost?(): boolean } } } }).wp;
    return wp?.data?.select("core/editor")?.isCleanNewPost?.() === true;
  });
  await page.evaluate(() => {
    const { data } = (window as unknown as { wp: { data: { select(s: string): Record<string, (...a: unknown[]) => unknown>; dispatch(s: string): Record<string, (...a: unknown[]) => unknown> } } }).wp;
    const prefs = data.dispatch("core/preferences");
    if (prefs?.set) prefs.set("core/edit-post", "welcomeGuide", false);
    else if (data.select("core/edit-post").isFeatureActive!("welcomeGuide")) data.dispatch("core/edit-post").toggleFeature!("welcomeGuide");
  });
  return page;
}

/** Where the editor's blocks are: the editor-canvas iframe (6.3+ may use one), or the page. */
async function canvas(page: Page): Promise<Page | FrameLocator> {
  return (await page.locator('iframe[name="editor-canvas"]').count()) > 0 ? page.frameLocator('iframe[name="editor-canvas"]') : page;
}

/**
 * In the block editor: a title, a paragraph, then the claimcard block (typed as
 * "/claimcard", as the inserter offers it) with the claim URL pasted into it; its preview
 * shows the card; then the post is published. Returns the post's URL.
 *
 * (Pasting the URL into an empty paragraph makes an Embed block only for https URLs:
 * Gutenberg's raw transform asks for "https". The local API here is http, so the URL
 * goes into the block, as it would for any local API.)
 */
async function pasteInEditorAndPublish(page: Page, title: string): Promise<string> {
  const blocks = await canvas(page);
  await blocks.locator(".editor-post-title__input, [aria-label='Add title']").first().click();
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await page.keyboard.type("Before the card.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("/claimcard");
  await page.locator("[role=option]", { hasText: "claimcard" }).first().click();
  const input = blocks.locator(".wp-block-embed input[type=url]").first();
  await input.fill(claimUrl);
  await input.press("Enter");
  // The preview (WordPress's sandboxed iframe, from the oEmbed proxy) holds the card.
  const preview = blocks.frameLocator('[data-type="core/embed"] iframe.components-sandbox').frameLocator("iframe.claimcard-embed");
  await expect.poll(() => preview.locator("[part~=title]").count(), { timeout: 20_000, message: "the editor previews the card" }).toBe(1);
  return page.evaluate(async () => {
    const { data } = (window as unknown as { wp: { data: { select(s: string): Record<string, (...a: unknown[]) => unknown>; dispatch(s: string): Record<string, (...a: unknown[]) => Promise<unknown>> } } }).wp;
    await data.dispatch("core/editor").editPost!({ status: "publish" });
    await data.dispatch("core/editor").savePost!();
    return String(data.select("core/editor").getPermalink!());
  });
}

describe.each(sites)("WordPress $wpVersion", (site) => {
  let admin: BrowserContext;
  let page: Page;
  const posts: Record<string, string> = {};

  beforeAll(async () => {
    admin = await logIn(site, "admin");
    page = await admin.newPage();
  });
  afterAll(async () => {
    await admin?.close();
  });

  it("activates from the Plugins screen", async () => {
    await page.goto(`${site.url}/wp-admin/plugins.php`);
    const row = page.locator('tr[data-slug="claimcard"]');
    await expect.poll(() => row.count()).toBe(1);
    await Promise.all([page.waitForURL(/plugins\.php\?activate=true|plugins\.php\?.*activate=true/), row.locator("a", { hasText: /^Activate$/ }).click()]);
    expect(await page.locator("#message, .notice-success").first().innerText()).toMatch(/Plugin activated/);
    expect(await page.locator('tr[data-slug="claimcard"]').getAttribute("class")).toMatch(/\bactive\b/);
  });

  it("shows a claim URL pasted before the API base is set as text, and no card", async () => {
    posts.pasted = await publish(site, "Pasted claim URL", `Before the card.\n\n${claimUrl}\n\nAfter the card.`);
    await page.goto(posts.pasted);
    await expect.poll(() => page.getByText(claimUrl).count()).toBe(1);
    expect(await page.locator("iframe").count()).toBe(0);
  });

  it("settings: refuses an http:// API on another host and a malformed URL, saves https and a local http API", async () => {
    const save = async (value: string) => {
      await page.goto(`${site.url}/wp-admin/options-writing.php`);
      await page.fill("#claimcard_api_base", value);
      await Promise.all([page.waitForURL(/options-writing\.php\?settings-updated=true/), page.click("#submit")]);
      return {
        error: (await page.locator("#setting-error-claimcard_api_base_invalid").count()) > 0,
        value: await page.inputValue("#claimcard_api_base"),
      };
    };
    expect(await save("http://claims.example.org")).toEqual({ error: true, value: "" });
    expect(await save("https://claims example.org")).toEqual({ error: true, value: "" });
    expect(await save("https://claims.example.org/")).toEqual({ error: false, value: "https://claims.example.org" });
    expect(await save("http://claims.example.org")).toEqual({ error: true, value: "https://claims.example.org" });
    expect(await page.locator("#claimcard_api_base_description").innerText()).toMatch(/https/);
    expect(await save(api)).toEqual({ error: false, value: api });
  });

  for (const kind of ["classic", "block"] as const) {
    describe(`under the ${kind} theme`, () => {
      beforeAll(async () => {
        await switchTheme(site, kind === "classic" ? site.classicTheme : site.blockTheme);
      });

      it("a claim URL pasted in post content is the card (also the one that failed before the API was set), and opens whole", async () => {
        await page.goto(posts.pasted!);
        await expectIframeCard(page, await claimcardIframe(page));
      });

      it("the shortcode, in script and iframe mode, sits in the text column; widget.js is loaded once", async () => {
        posts.shortcode ??= await publish(
          site,
          "Shortcodes",
          `Before the card.\n\n[claimcard id="${CLAIM}"]\n\nBetween the cards.\n\n[claimcard id="gru-indictment-2018" mode="iframe"]\n\nAfter the cards.`,
        );
        await page.goto(posts.shortcode);
        const card = page.locator("claim-card");
        await expect.poll(() => card.locator("[part~=title]").count()).toBe(1);
        const col = (await column(page).boundingBox())!;
        const box = (await card.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(col.x - 1);
        expect(box.x + box.width).toBeLessThanOrEqual(col.x + col.width + 1);
        expect(await page.locator('script[src*="/widget.js"]').count()).toBe(1);
        await expectIframeCard(page, await claimcardIframe(page, "gru-indictment-2018"));
      });

      it("the API's own iframe markup with width and height, pasted as HTML with widget.js, opens whole (no theme max-height)", async () => {
        posts.html ??= await publish(
          site,
          "Iframe pasted as HTML",
          `Before the card.\n\n<iframe src="${api}/embed/${CLAIM}?lang=en" width="${embedFrameSize().width}" height="${embedFrameSize().height}" frameborder="0" title="claimcard" class="claimcard-embed"></iframe>\n<script type="module" src="${api}/widget.js"></script>\n\nAfter the card.`,
        );
        await page.goto(posts.html);
        await expectIframeCard(page, await claimcardIframe(page), { fillsColumn: false });
      });
    });
  }

  it("the block editor: a claim URL pasted into the claimcard block previews the card, and saves it", async () => {
    const editor = await newPostInEditor(admin, site);
    posts.editor = await pasteInEditorAndPublish(editor, "From the block editor");
    await editor.close();
    const content = await siteEval<string>(site, `return get_post( url_to_postid( ${phpString(posts.editor)} ) )->post_content;`);
    expect(content).toContain(`"providerNameSlug":"claimcard"`);
    expect(content).not.toMatch(/wp-has-aspect-ratio/);
    for (const theme of [site.classicTheme, site.blockTheme]) {
      await switchTheme(site, theme);
      await page.goto(posts.editor);
      await expectIframeCard(page, await claimcardIframe(page));
    }
  });

  it("an Author's post embeds the card (not a sandboxed copy), as wide as the column, and it resizes", async () => {
    const author = await logIn(site, "author");
    const editor = await newPostInEditor(author, site);
    const url = await pasteInEditorAndPublish(editor, "An author's post");
    await editor.goto(url);
    await expectIframeCard(editor, await claimcardIframe(editor));
    await author.close();
  });

  it("the feed carries a link to the claim page inside <claim-card>", async () => {
    const feed = await (await fetch(`${site.url}/feed/`)).text();
    expect(feed).toContain(`<claim-card claim="${CLAIM}" api="${api}" lang="en"><a href="${claimUrl}?lang=en">`);
  });

  describe("an API that answers hostile HTML", () => {
    let hostile: Server;
    let hostileUrl: string;
    beforeAll(async () => {
      const port = await freePort();
      hostileUrl = `http://127.0.0.1:${port}`;
      hostile = createServer((req, res) => {
        if (req.url?.startsWith("/v1/oembed")) {
          res.setHeader("Content-Type", "application/json");
          res.end(JSON.stringify({
            version: "1.0", type: "rich", ...embedFrameSize(), provider_name: "claimcard",
            title: `"><script>window.__pwned = "title"</script>`,
            html: `<script>window.__pwned = "html"</script><img src="x" onerror="window.__pwned = 'img'"><iframe src="${hostileUrl}/phish" class="claimcard-embed"></iframe>`,
          }));
        } else {
          res.setHeader("Content-Type", "text/html");
          res.end("<!doctype html><title>page</title>");
        }
      });
      await new Promise<void>((r) => hostile.listen(port, "127.0.0.1", r));
      await siteEval(site, `update_option( 'claimcard_api_base', ${phpString(hostileUrl)} ); return true;`);
    });
    afterAll(async () => {
      await siteEval(site, `update_option( 'claimcard_api_base', ${phpString(api)} ); return true;`);
      await new Promise((r) => hostile.close(r));
    });

    it("shows only the iframe the plugin builds from the claim id: no script, no image, no other frame", async () => {
      const url = await publish(site, "Hostile API", `Before the card.\n\n${hostileUrl}/claims/${CLAIM}\n\nAfter the card.`);
      await page.goto(url);
      const iframes = page.locator(".entry-content iframe, .wp-block-post-content iframe");
      await expect.poll(() => iframes.count()).toBe(1);
      expect(await iframes.getAttribute("src")).toBe(`${hostileUrl}/embed/${CLAIM}?lang=en`);
      expect(await iframes.getAttribute("title")).toBe(`claimcard: "><script>window.__pwned = "title"</script>`);
      expect(await page.locator(".entry-content img, .wp-block-post-content img").count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    });
  });

  it("logged no PHP notice, warning or error from the plugin", async () => {
    const log = await siteEval<string>(site, `return (string) @file_get_contents( WP_DEBUG_LOG );`);
    expect(log.split("\n").filter((l) => l.includes("/plugins/claimcard/"))).toEqual([]);
  });
});
