/**
 * The desk, `/admin`, in Chromium against the real local server (`npm start`): an editor
 * signs in, edits a record's English title and a denial's date, sees the preview with
 * the real card, saves a draft, publishes, and the public card changes; a second tab
 * publishes meanwhile, and the first gets the other version, the differences and a
 * merge; then a revert from the history. And the desk passes axe-core.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch } from "../../lib/browser.ts";
import type { Claim } from "../../schema/index.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const ID = "norway-parliament-2020";
const base = inject("baseUrl");
const token = inject("adminToken");

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  // axe-core is injected as an inline script, which the desk's CSP (rightly) forbids.
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${base}/admin`);
  await page.getByLabel(/Editor token|Jeton d'éditeur/).fill(token);
  await page.getByRole("button", { name: /^(Sign in|Se connecter)$/ }).click();
  await page.getByRole("table").waitFor();
}

async function openRecord(page: Page, id: string): Promise<void> {
  await page.getByLabel(/Search records and drafts/).fill(id);
  await page.getByRole("button", { name: `Edit: ${id}` }).click();
  await page.locator("#edit-title").waitFor();
}

/** The public record, as readers get it, once it says what `check` wants (the writer publishes a moment later). */
async function publicRecord(check: (c: Claim) => boolean): Promise<Claim> {
  const until = Date.now() + 20_000;
  for (;;) {
    const claim = (await (await fetch(`${base}/v1/claims/${ID}?poll=${Date.now()}`)).json()) as Claim;
    if (check(claim)) return claim;
    if (Date.now() > until) throw new Error(`the public record never matched: ${JSON.stringify(claim.incident.title)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe("the desk", () => {
  it("never shows the admin token in the process list (npm start passes it in a file)", () => {
    // The processes of the server under test: start.ts, wrangler and workerd, in one process group.
    const group = String(inject("serverGroup"));
    const processes = execFileSync("ps", ["-eo", "pgid=,args="], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.trim().split(/\s+/)[0] === group)
      .join("\n");
    expect(processes).toContain("wrangler");
    expect(processes).toContain("workerd");
    expect(processes).not.toContain(token);
  });

  it("refuses a wrong token, and says so", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await page.getByLabel(/Editor token|Jeton d'éditeur/).fill("not-the-token-0123456789");
    await page.getByRole("button", { name: /^(Sign in|Se connecter)$/ }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/refused|refusé/);
    await page.close();
  });

  it("edits, previews, saves a draft and publishes; the public card changes; a conflict is merged; a revert undoes it", async () => {
    const original = (await (await fetch(`${base}/v1/claims/${ID}`)).json()) as Claim;
    const page = await context.newPage();
    await signIn(page);
    await openRecord(page, ID);

    // Edit the English title and the denial's date, by their labels.
    const title = page.getByLabel("Title — English", { exact: true }).first();
    await title.fill("Norway's parliament email breach (desk edit)");
    await page.locator("#f-denials-0-date").fill("2020-10-14");
    await page.locator("#f-denials-0-date").dispatchEvent("change");

    // The preview is the real card, with the new title.
    await page.getByRole("button", { name: "English" }).click();
    const preview = page.locator(".preview claim-card");
    await expect.poll(() => preview.locator("[part~=title]").textContent()).toContain("(desk edit)");

    await page.getByLabel(/Change note/).fill("title shortened; denial dated as the source says");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Draft saved");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/Published: Version \d+/);

    const published = await publicRecord((c) => c.incident.title.en.includes("(desk edit)"));
    expect(published.denials![0]!.date).toBe("2020-10-14");
    expect(published.version).toBe(original.version + 1);
    // The public card, as a reader's page shows it.
    const reader = await context.newPage();
    await reader.goto(`${base}/embed/${ID}?lang=en&t=${Date.now()}`);
    expect(await reader.locator("body").textContent()).toContain("(desk edit)");
    await reader.close();

    // A second tab publishes a change of the summary meanwhile.
    const other = await context.newPage();
    await signIn(other);
    await openRecord(other, ID);
    const summary = other.getByLabel("Summary — English", { exact: true }).first();
    await summary.fill(`${await summary.inputValue()} (second tab)`);
    await other.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => other.getByRole("status").textContent()).toMatch(/Published/);
    await other.close();

    // The first tab, still on the version before, changes the status and publishes: 412, the diff, a merge.
    await page.getByLabel("Status", { exact: true }).selectOption("disputed");
    await page.getByRole("button", { name: "Publish" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("incident.summary.en");
    await dialog.getByRole("button", { name: "Use the merged version" }).click();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/Published: Version \d+/);
    const merged = await publicRecord((c) => c.status === "disputed");
    expect(merged.incident.summary.en).toContain("(second tab)");
    expect(merged.incident.title.en).toContain("(desk edit)");

    // History with diffs, then revert to the version before the desk's edits.
    const history = page.getByRole("region", { name: "History" });
    await history.getByRole("button", { name: `Show changes: Version ${original.version + 1}` }).click();
    expect(await history.locator("table.diff").textContent()).toContain("incident.title.en");
    await history.getByRole("button", { name: `Revert to this version: ${original.version}` }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toContain(`Reverted to version ${original.version}`);
    const reverted = await publicRecord(
      (c) => c.incident.title.en === original.incident.title.en && c.status === original.status,
    );
    expect(reverted.denials![0]!.date).toBe(original.denials![0]!.date);
    expect(reverted.version).toBe(original.version + 4);
    await page.close();
  });

  it("is usable by keyboard and passes axe-core, in English and in French", async () => {
    const page = await context.newPage();
    await signIn(page);
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "Langue : français" }).click();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    await page.getByRole("button", { name: "Modifier: dnc-hack-2016" }).focus();
    await page.keyboard.press("Enter");
    await page.locator("#edit-title").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("edit-title");
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
