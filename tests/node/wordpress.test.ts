/**
 * The WordPress plugin (integrations/wordpress/): every PHP file lints, the plain-PHP
 * test (tests/php/test-shortcode.php, against WordPress stubs) passes, and the editor
 * script registers the claimcard Embed variation. Needs the `php` binary (php-cli, or
 * the one named by $PHP): a missing PHP fails these tests, it never skips them.
 * The last test checks what the plugin renders against the real claimcard server that
 * the node project's global setup starts.
 */
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { runInNewContext } from "node:vm";
import { describe, expect, inject, it } from "vitest";
import { WORDPRESS_CONSTANTS, wordpressConstants } from "../../scripts/wordpress-constants.ts";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const pluginRoot = join(root, "integrations/wordpress");
const phpBinary = process.env.PHP || "php";

interface PhpResult {
  code: number;
  out: string;
}

/** Runs PHP from the repository root; a missing binary throws a clear error. */
async function php(args: string[]): Promise<PhpResult> {
  try {
    const { stdout, stderr } = await run(phpBinary, args, { cwd: root, maxBuffer: 8 * 1024 * 1024 });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { code?: number | string; stdout?: string; stderr?: string };
    if (err.code === "ENOENT") {
      throw new Error(
        `"${phpBinary}" was not found: the WordPress plugin tests need PHP (apt-get install -y php-cli, or set PHP=/path/to/php)`,
      );
    }
    return { code: typeof err.code === "number" ? err.code : 1, out: (err.stdout ?? "") + (err.stderr ?? "") };
  }
}

async function phpFiles(): Promise<string[]> {
  const entries = await readdir(pluginRoot, { recursive: true });
  return entries
    .filter((f) => f.endsWith(".php"))
    .map((f) => join(pluginRoot, f))
    .sort();
}

describe("the WordPress plugin", () => {
  it("sizes the plugin's iframe from the API's card size (constants.php is generated and up to date)", async () => {
    expect(await readFile(join(root, WORDPRESS_CONSTANTS), "utf8")).toBe(wordpressConstants());
  });

  it("lints: php -l finds no syntax error in any PHP file", async () => {
    const files = await phpFiles();
    expect(files.length).toBeGreaterThanOrEqual(10);
    const results = await Promise.all(files.map(async (f) => ({ file: relative(root, f), ...(await php(["-l", f])) })));
    for (const r of results) {
      expect(r.out, r.file).toContain("No syntax errors detected");
      expect(r.code, r.file).toBe(0);
    }
  });

  it("passes tests/php/test-shortcode.php", async () => {
    const { code, out } = await php(["integrations/wordpress/tests/php/test-shortcode.php"]);
    expect(out, out).not.toMatch(/^not ok/m);
    expect(code, out).toBe(0);
    const ran = out.match(/^ok \d+/gm)?.length ?? 0;
    expect(ran).toBeGreaterThanOrEqual(50);
    expect(out).toContain(`1..${ran}`);
  });

  it("registers the claimcard variation of core/embed once the editor's DOM is ready", async () => {
    const source = await readFile(join(pluginRoot, "claimcard/blocks/embed-variation.js"), "utf8");
    const calls: [string, Record<string, unknown>][] = [];
    const ready: (() => void)[] = [];
    const wp = {
      domReady: (fn: () => void) => ready.push(fn),
      blocks: { registerBlockVariation: (name: string, v: Record<string, unknown>) => calls.push([name, v]) },
    };
    runInNewContext(source, { window: { wp } });
    expect(calls).toHaveLength(0);
    for (const fn of ready) fn();
    expect(calls).toHaveLength(1);
    const [block, variation] = calls[0]!;
    expect(block).toBe("core/embed");
    expect(variation).toMatchObject({
      name: "claimcard",
      title: "claimcard",
      attributes: { providerNameSlug: "claimcard", responsive: true },
    });
    expect(typeof variation.description).toBe("string");
    expect(variation.icon).toBeTruthy();
    expect(Array.isArray(variation.keywords)).toBe(true);
    const [pattern] = variation.patterns as RegExp[];
    expect(pattern!.test("https://claims.example.org/claims/dnc-hack-2016")).toBe(true);
    expect(pattern!.test("http://127.0.0.1:8787/claims/gru-indictment-2018/")).toBe(true);
    expect(pattern!.test("https://claims.example.org/embed/dnc-hack-2016")).toBe(false);
    expect(pattern!.test("https://claims.example.org/claims/dnc-hack-2016/extra")).toBe(false);
  });

  it("builds URLs that the running claimcard API serves (widget, embed, claim page, oEmbed)", async () => {
    const base = inject("baseUrl");
    const id = "dnc-hack-2016";
    const { code, out } = await php(["integrations/wordpress/tests/php/render.php", base, id, "fr"]);
    expect(code, out).toBe(0);
    const r = JSON.parse(out) as Record<
      "element" | "iframe" | "module" | "providerFormat" | "endpoint" | "claimUrl" | "oembedRequest",
      string
    >;
    expect(r.element).toBe(
      `<claim-card claim="${id}" api="${base}" lang="fr"><a href="${base}/claims/${id}?lang=fr">Fiche de vérification claimcard : ${id}</a></claim-card>`,
    );
    expect((await fetch(`${base}/claims/${id}?lang=fr`)).status).toBe(200);
    expect(r.providerFormat).toBe(`${base}/claims/*`);

    const widget = await fetch(r.module);
    expect(widget.status, r.module).toBe(200);
    expect(widget.headers.get("content-type")).toMatch(/javascript/);

    const src = /<iframe src="([^"]+)"/.exec(r.iframe)?.[1]?.replaceAll("&#038;", "&");
    expect(src).toBe(`${base}/embed/${id}?lang=fr`);
    const embed = await fetch(src!);
    expect(embed.status, src).toBe(200);
    expect(embed.headers.get("content-type")).toMatch(/text\/html/);
    expect(embed.headers.get("x-frame-options")).toBeNull();

    const page = await fetch(r.claimUrl);
    expect(page.status, r.claimUrl).toBe(200);
    expect(await page.text()).toContain(`type="application/json+oembed" href="${r.endpoint}?`);
    // The provider's pattern (and the oEmbed endpoint) take a trailing slash: so does the page.
    const slashed = await fetch(`${r.claimUrl}/?lang=fr`, { redirect: "manual" });
    expect(slashed.status).toBe(301);
    expect(slashed.headers.get("location")).toBe(`/claims/${id}?lang=fr`);
    expect((await fetch(`${r.claimUrl}/`)).status).toBe(200);

    // The request exactly as WordPress (4.9+) sends it: maxwidth, maxheight, url, dnt=1,
    // then lang (the plugin's filter) and format.
    const oembed = await fetch(r.oembedRequest);
    expect(oembed.status, `${r.oembedRequest}\n${await oembed.clone().text()}`).toBe(200);
    const data = (await oembed.json()) as Record<string, unknown>;
    expect(data).toMatchObject({ version: "1.0", type: "rich", provider_name: "claimcard" });
    expect(data.html).toContain(`<iframe src="${base}/embed/${id}?lang=fr"`);
    expect(Number(data.width)).toBeLessThanOrEqual(Number(new URL(r.oembedRequest).searchParams.get("maxwidth")));
  });
});
