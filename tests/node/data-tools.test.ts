/**
 * `npm run data:export` and `npm run data:load` against the real local server, as an
 * editor would run them: export writes the live records into a copy of `data/` in the
 * same format and leaves unchanged files alone; load, given a file older than the live
 * record, lists the conflict and changes nothing, unless `--force`; and whatever editors
 * link or unlink, the exported set passes `data:check` (which `data:load` runs first).
 */
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Claim } from "../../schema/index.ts";

const base = inject("baseUrl");
const token = inject("adminToken");
const ID = "export-probe-2026";
let dir: string;

function run(script: string, ...args: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, ADMIN_TOKEN: token, PORT: "1" },
  });
  return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

async function put(claim: Omit<Claim, "version" | "updatedAt">, etag?: string, id = ID): Promise<Response> {
  return fetch(`${base}/v1/claims/${id}`, {
    method: "PUT",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      ...(etag ? { "If-Match": etag } : {}),
    },
    body: JSON.stringify(claim),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "claimcard-data-"));
  await cp("data", dir, { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("data:export and data:load through the writer", () => {
  it("exports the live set into data/ in the same format, and a stale file is a conflict for data:load", async () => {
    const seed = (await (await fetch(`${base}/v1/claims/yahoo-breach-2014`)).json()) as Claim;
    const { version: _v, updatedAt: _u, ...body } = seed;
    const created = await put({ ...body, id: ID, urls: [`https://news.example.org/${ID}`], topics: [ID], related: [] });
    expect(created.status).toBe(201);

    const untouched = await readFile(join(dir, "claims", "wannacry-2017.json"), "utf8");
    const exported = run("scripts/data-export.ts", dir, "--url", base);
    expect(exported.code, exported.out).toBe(0);
    expect(exported.out).toContain(ID);
    expect(await readFile(join(dir, "claims", "wannacry-2017.json"), "utf8")).toBe(untouched);
    const file = JSON.parse(await readFile(join(dir, "claims", `${ID}.json`), "utf8"));
    expect(file).not.toHaveProperty("entities");
    expect(Object.keys(file)).toEqual(Object.keys(JSON.parse(untouched)).filter((k) => k in file));
    expect(file.version).toBe(1);

    // Other test files put records of their own on this server, and delete them: this copy
    // keeps the seed files and this test's, so that loading it brings none of theirs back.
    const seedFiles = new Set(await readdir(join("data", "claims")));
    for (const f of await readdir(join(dir, "claims")))
      if (!seedFiles.has(f) && f !== `${ID}.json`) await rm(join(dir, "claims", f));

    // An editor changes the record live: the exported file (version 1) is now older.
    const changed = await put(
      { ...body, id: ID, urls: [`https://news.example.org/${ID}`], topics: [ID], related: [], status: "disputed" },
      created.headers.get("ETag")!,
    );
    expect(changed.status).toBe(200);
    const refused = run("scripts/data-load.ts", dir, "--url", base, "--no-wait");
    expect(refused.code, refused.out).toBe(3);
    expect(refused.out).toMatch(new RegExp(`${ID}: file v1, live v2 by admin`));
    const live = (await (await fetch(`${base}/v1/claims/${ID}?after-refused=${Date.now()}`)).json()) as Claim;
    expect(live.status).toBe("disputed");

    const forced = run("scripts/data-load.ts", dir, "--url", base, "--force");
    expect(forced.code, forced.out).toBe(0);
    expect(forced.out).toMatch(/published to KV/);
    const after = (await (
      await fetch(`${base}/v1/admin/export`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { claims: Claim[] };
    const restored = after.claims.find((c) => c.id === ID)!;
    expect(restored.status).toBe(file.status);
    expect(restored.version).toBe(3);
  });

  it("exports a set that passes data:check after editors link, unlink and delete related records", async () => {
    const seed = (await (await fetch(`${base}/v1/claims/yahoo-breach-2014`)).json()) as Claim;
    const { version: _v, updatedAt: _u, ...body } = seed;
    const record = (id: string, related: string[]) => ({
      ...body,
      id,
      urls: [`https://news.example.org/${id}`],
      topics: [id],
      keywords: { fr: [], en: [] },
      related,
    });
    const [x, y, z] = ["link-export-x", "link-export-y", "link-export-z"];
    for (const id of [x, y]) expect((await put(record(id, []), undefined, id)).status).toBe(201);
    // x links to y (a one-way link until the writer links back), z to x, then z is deleted.
    const linked = await put(record(x, [y]), (await fetch(`${base}/v1/claims/${x}`)).headers.get("ETag")!, x);
    expect(linked.status).toBe(200);
    const zCreated = await put(record(z, [x]), undefined, z);
    expect(zCreated.status).toBe(201);
    const deleted = await fetch(`${base}/v1/claims/${z}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${token}`, "If-Match": zCreated.headers.get("ETag")! },
    });
    expect(deleted.status).toBe(204);

    const out = await mkdtemp(join(tmpdir(), "claimcard-linked-"));
    try {
      await mkdir(join(out, "claims"));
      const exported = run("scripts/data-export.ts", out, "--url", base);
      expect(exported.code, exported.out).toBe(0);
      const files = new Map(
        await Promise.all(
          [x, y].map(
            async (id) => [id, JSON.parse(await readFile(join(out, "claims", `${id}.json`), "utf8"))] as const,
          ),
        ),
      );
      expect(files.get(x).related).toEqual([y]);
      expect(files.get(y).related).toEqual([x]);
      const checked = run("scripts/data-check.ts", out);
      expect(checked.code, checked.out).toBe(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("refuses to run without a token, and never reads one from its command line", () => {
    const r = spawnSync(process.execPath, ["scripts/data-export.ts", dir, "--url", base], {
      encoding: "utf8",
      env: { ...process.env, ADMIN_TOKEN: "" },
      cwd: tmpdir(),
    });
    expect(r.status).not.toBe(0);
  });
});
