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

// biome-ignore lint/suspicious/noExplicitAny: a record as JSON, which each test edits freely, even into what the schema refuses
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
    expect(out).toContain(
      'claims/dnc-hack-2016.json: accusations[0].sources[0].url: must be an absolute http(s) URL (got "javascript:alert(1)")',
    );
    expect(out).toContain("claims/dnc-hack-2016.json: accusations[0].sources[0].reviewer: is not a known field");
    expect(out).toContain("claims/dnc-hack-2016.json: accusations[1].sources: is empty: list at least one source");
    expect(out).toContain(
      'claims/gru-indictment-2018.json: denials: is empty: list at least one denial, or drop "denials" and set "noDenialOnRecord"',
    );
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
    expect(out).toContain(
      'claims/dnc-hack-2016.json: denials: is missing: list the denials, or set "noDenialOnRecord"',
    );
  });

  it("names a record that is not JSON, and an entity nobody registered", async () => {
    await copyData();
    await writeFile(join(dir, "claims", "broken.json"), "{ not json");
    await edit("ukraine-ministries-2022.json", (r) => {
      r.accused = ["atlantis"];
      for (const a of r.accusations) a.accuses = ["atlantis"];
    });
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/claims\/broken\.json: is not valid JSON/);
    expect(out).toContain('claims/ukraine-ministries-2022.json: accused[0]: names unknown entity "atlantis"');
  });

  it("refuses a quote that no confirmed source carries", async () => {
    await copyData();
    await edit("dnc-hack-2016.json", (r) => {
      expect(r.accusations[0].quote).toBeDefined();
      for (const src of r.accusations[0].sources) delete src.check.quote;
    });
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toContain("claims/dnc-hack-2016.json: accusations[0].quote: has no source that carries it");
  });

  it("refuses a source without its check, a confirmed one without its method and an unverified one without its reason", async () => {
    await copyData();
    await edit("dnc-hack-2016.json", (r) => {
      delete r.accusations[0].sources[0].check;
      r.accusations[1].sources[0].check = { result: "confirmed", on: "2026-11-29" };
      r.denials[0].sources[0].check = { result: "unverified", on: "2026-11-29", quote: true };
    });
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toContain("claims/dnc-hack-2016.json: accusations[0].sources[0].check: is missing");
    expect(out).toContain(
      "claims/dnc-hack-2016.json: accusations[1].sources[0].check.method: is missing: a confirmed source says how it was checked",
    );
    expect(out).toContain(
      "claims/dnc-hack-2016.json: denials[0].sources[0].check.note: is missing: an unverified source says why",
    );
    expect(out).toContain(
      "claims/dnc-hack-2016.json: denials[0].sources[0].check.quote: cannot be true: only a confirmed copy can carry a quote",
    );
  });

  it("refuses an accused entity that no statement accuses, and a statement that accuses someone the record does not list", async () => {
    await copyData();
    await edit("dnc-hack-2016.json", (r) => {
      r.accused.push("svr");
    });
    await edit("gru-indictment-2018.json", (r) => {
      r.accusations[0].accuses.push("russia");
    });
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/claims\/dnc-hack-2016\.json: accused\[\d+\]: "svr" is accused by no statement/);
    expect(out).toMatch(
      /claims\/gru-indictment-2018\.json: accusations\[0\]\.accuses\[\d+\]: names "russia", which the record's "accused" does not list/,
    );
  });

  it("refuses a title or summary that takes a side, in either language", async () => {
    await copyData();
    await edit("gru-opcw-wada-2018.json", (r) => {
      r.incident.title.en = "GRU operations exposed";
      r.accusations[0].summary.fr = "Les Pays-Bas révèlent l'opération.";
      r.denials[0].summary.en = "Moscow presents it as a provocation.";
    });
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toContain('claims/gru-opcw-wada-2018.json: incident.title.en: takes a side with "exposed"');
    expect(out).toContain('claims/gru-opcw-wada-2018.json: accusations[0].summary.fr: takes a side with "révèlent"');
    expect(out).toContain('claims/gru-opcw-wada-2018.json: denials[0].summary.en: takes a side with "presents it as"');
  });

  it("refuses a related record that does not link back", async () => {
    await copyData();
    await edit("notpetya-2017.json", (r) => {
      r.related = [...r.related, "viasat-2022"];
    });
    const { code, out } = await check(dir);
    expect(code).toBe(1);
    expect(out).toMatch(
      /claims\/notpetya-2017\.json: related\[\d+\]: "viasat-2022" does not link back: add "notpetya-2017" to its related/,
    );
  });
});
