import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dir: string;

async function copyData(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "claimcard-data-"));
  await cp("data", dir, { recursive: true });
  return dir;
}

async function edit(file: string, change: (record: Record<string, any>) => void): Promise<void> {
  const path = join(dir, "claims", file);
  const record = JSON.parse(await readFile(path, "utf8"));
  change(record);
  await writeFile(path, JSON.stringify(record, null, 2));
}

async function check(target: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/data-check.ts", target]);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("npm run data:check", () => {
  it("accepts the reviewed dataset", async () => {
    const { code, out } = await check("data");
    expect(code).toBe(0);
    expect(out).toMatch(/\d+ claims and \d+ entities in data\/ are valid/);
  });

  it("rejects a broken record, naming each bad record and field", async () => {
    await copyData();
    await edit("dnc-hack-2016.json", (r) => {
      r.accusations[0].sources[0].url = "javascript:alert(1)";
      r.accusations[0].sources[0].reviewer = "x";
      r.accusations[1].sources = [];
    });
    await edit("gru-indictment-2018.json", (r) => {
      r.denials = [];
    });
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toContain('claims/dnc-hack-2016.json: accusations[0].sources[0].url: must be an absolute http(s) URL (got "javascript:alert(1)")');
    expect(out).toContain("claims/dnc-hack-2016.json: accusations[0].sources[0].reviewer: is not a known field");
    expect(out).toContain("claims/dnc-hack-2016.json: accusations[1].sources: is empty: list at least one source");
    expect(out).toContain('claims/gru-indictment-2018.json: denials: is empty: list at least one denial, or drop "denials" and set "noDenialOnRecord"');
  });

  it("accepts an explicit 'no public denial on record', and refuses a record that says neither", async () => {
    await copyData();
    await edit("dnc-hack-2016.json", (r) => {
      delete r.denials;
      r.noDenialOnRecord = { asOf: "2026-11-01" };
    });
    expect((await check(dir)).code).toBe(0);
    await edit("dnc-hack-2016.json", (r) => {
      delete r.noDenialOnRecord;
    });
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toContain("claims/dnc-hack-2016.json: denials: is missing: list the denials, or set \"noDenialOnRecord\"");
  });

  it("names a record that is not JSON, and an entity nobody registered", async () => {
    await copyData();
    await writeFile(join(dir, "claims", "broken.json"), "{ not json");
    await edit("ukraine-ministries-2022.json", (r) => {
      r.accused = ["atlantis"];
    });
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/claims\/broken\.json: is not valid JSON/);
    expect(out).toContain('claims/ukraine-ministries-2022.json: accused[0]: names unknown entity "atlantis"');
  });
});
