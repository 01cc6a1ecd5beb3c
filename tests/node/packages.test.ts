/**
 * The published packages, as a developer gets them. `scripts/packages.ts` builds and
 * packs `@claimcard/client` and `@claimcard/widget` into a scratch folder; a scratch
 * project installs the two tarballs with npm (their own dependencies, Lit and Valibot,
 * come from the registry or npm's cache; nothing from this repo); then it uses them
 * against the real local server that the global setup started: a page bundled by esbuild
 * renders the card in Chromium, a Node script calls the client, and TypeScript compiles a
 * consumer of both.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CARD_SIZE } from "../../shared/constants.ts";
import { hostPage, useBrowserAndHost } from "./host.ts";

const base = inject("baseUrl");
const run = promisify(execFile);
const NODE = resolve("node_modules/.bin/node");
const TSC = resolve("node_modules/.bin/tsc");
const env = useBrowserAndHost();

let work = "";
let site = "";

/** An installed package's manifest. */
async function installed(name: string): Promise<Record<string, unknown> & { exports: Record<string, unknown> }> {
  return JSON.parse(await readFile(join(site, "node_modules", name, "package.json"), "utf8"));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "claimcard-packages-"));
  const packs = join(work, "packs");
  await run(NODE, ["scripts/packages.ts", "--out", packs]);
  const tarballs = (await readdir(packs)).filter((f) => f.endsWith(".tgz")).map((f) => join(packs, f));
  expect(tarballs.map((t) => t.replace(/^.*\//, "")).sort()).toEqual([
    expect.stringMatching(/^claimcard-client-\d+\.\d+\.\d+\.tgz$/),
    expect.stringMatching(/^claimcard-widget-\d+\.\d+\.\d+\.tgz$/),
  ]);
  site = join(work, "site");
  await mkdir(site);
  await writeFile(
    join(site, "package.json"),
    JSON.stringify({ name: "a-publisher-site", private: true, type: "module" }),
  );
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...tarballs], {
    cwd: site,
  });
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the packed packages, installed into a scratch project", () => {
  it("install as ES modules with their types and README, and the widget brings Lit but not Valibot", async () => {
    for (const name of ["@claimcard/client", "@claimcard/widget"]) {
      const manifest = await installed(name);
      expect(manifest.type).toBe("module");
      const entry = manifest.exports["."] as { types: string; default: string };
      for (const file of [entry.types, entry.default, "README.md"])
        expect(existsSync(join(site, "node_modules", name, file)), `${name}: ${file}`).toBe(true);
    }
    expect(Object.keys((await installed("@claimcard/widget")).dependencies as object).sort()).toEqual([
      "@lit/reactive-element",
      "lit",
    ]);
    expect(Object.keys((await installed("@claimcard/client")).dependencies as object)).toEqual(["valibot"]);
  });

  it("ship the widget's component manifest when the build made one", async () => {
    const widget = await installed("@claimcard/widget");
    if (existsSync("custom-elements.json")) {
      expect(widget.customElements).toBe("custom-elements.json");
      const shipped = await readFile(
        join(site, "node_modules/@claimcard/widget", String(widget.customElements)),
        "utf8",
      );
      expect(JSON.parse(shipped)).toEqual(JSON.parse(await readFile("custom-elements.json", "utf8")));
    } else {
      expect(widget.customElements).toBeUndefined();
    }
  });

  it("render the card in Chromium from a page bundled with esbuild, against the real API", async () => {
    await writeFile(
      join(site, "page.js"),
      'import { ClaimCard } from "@claimcard/widget";\nwindow.definedByPackage = customElements.get("claim-card") === ClaimCard;\n',
    );
    const { outputFiles, metafile } = await build({
      entryPoints: ["page.js"],
      absWorkingDir: site,
      bundle: true,
      format: "esm",
      minify: true,
      write: false,
      metafile: true,
      outdir: "out",
      logLevel: "silent",
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContainEqual(expect.stringMatching(/^node_modules\/@claimcard\/widget\/index\.js$/));
    expect(inputs).toContainEqual(expect.stringMatching(/^node_modules\/lit-html\//));
    expect(inputs.filter((i) => i.includes("valibot"))).toEqual([]);

    const record = (await (await fetch(`${base}/v1/claims/dnc-hack-2016`)).json()) as {
      incident: { title: { fr: string } };
    };
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route(`${env.host.origin}/site.js`, (route) =>
      route.fulfill({ contentType: "text/javascript", body: outputFiles[0]!.text }),
    );
    const card = `<article><p>Une dépêche.</p><claim-card claim="dnc-hack-2016" api="${base}" style="display:block;min-height:${CARD_SIZE.height}px"></claim-card></article>`;
    await page.goto(env.host.page("/bundled.html", hostPage("fr", card, `${env.host.origin}/site.js`)));
    const title = page.locator("claim-card [part~=title]");
    await title.waitFor({ timeout: 10_000 });
    expect((await title.textContent())?.trim()).toBe(record.incident.title.fr);
    expect(await page.locator("claim-card").getAttribute("state")).toBe("ready");
    expect(await page.evaluate(() => (window as unknown as { definedByPackage: boolean }).definedByPackage)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("let a Node script call the client against the real API", async () => {
    await writeFile(
      join(site, "script.mjs"),
      `import { ClaimcardError, createClient } from "@claimcard/client";
const claimcard = createClient({ baseUrl: process.argv[2], validate: true });
const hit = await claimcard.getClaim("dnc-hack-2016");
const page = await claimcard.listClaims({ accused: "APT28", limit: 2 });
const missing = await claimcard.getClaim("no-such-claim-anywhere");
let refused = null;
try {
  await claimcard.listClaims({ since: "2016-13-01" });
} catch (err) {
  refused = { isClaimcardError: err instanceof ClaimcardError, kind: err.kind, status: err.status, errors: err.problem?.errors };
}
console.log(JSON.stringify({ from: import.meta.resolve("@claimcard/client"), id: hit?.claim.id, etag: hit?.etag, items: page.items.map((i) => i.id), cursor: page.cursor, missing, refused }));
`,
    );
    const { stdout } = await run(NODE, ["script.mjs", base], { cwd: site });
    const out = JSON.parse(stdout);
    expect(out.from).toBe(`file://${join(site, "node_modules/@claimcard/client/index.js")}`);
    expect(out.id).toBe("dnc-hack-2016");
    expect(out.etag).toMatch(/^(W\/)?".+"$/);
    expect(out.items).toHaveLength(2);
    expect(out.cursor).toEqual(expect.any(String));
    expect(out.missing).toBeNull();
    expect(out.refused).toEqual({
      isClaimcardError: true,
      kind: "problem",
      status: 400,
      errors: [expect.stringMatching(/^since: /)],
    });
  });

  it("type-check a TypeScript consumer of both, whose record type is the same in each", async () => {
    await writeFile(
      join(site, "consumer.ts"),
      `import { type Claim, createClient } from "@claimcard/client";
import { autoEmbed, ClaimCard } from "@claimcard/widget";

export async function show(article: Element): Promise<Claim | undefined> {
  const claimcard = createClient({ baseUrl: "https://claims.example.org", timeoutMs: 2000 });
  const hit = await claimcard.getClaim("dnc-hack-2016");
  const card = document.createElement("claim-card") as ClaimCard;
  card.api = "https://claims.example.org";
  if (hit) card.data = hit.claim;
  // @ts-expect-error: a record is more than an id
  card.data = { id: "dnc-hack-2016" };
  // @ts-expect-error: getClaim takes an id, not a number
  await claimcard.getClaim(2016);
  const cards: ClaimCard[] = await autoEmbed({ api: card.api, selector: ".story" });
  article.append(card, ...cards);
  return card.data;
}
`,
    );
    await writeFile(
      join(site, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          lib: ["es2023", "dom", "dom.iterable"],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: ["consumer.ts"],
      }),
    );
    const result = await run(TSC, ["-p", site]).then(
      () => "",
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    expect(result).toBe("");
  }, 60_000);
});
