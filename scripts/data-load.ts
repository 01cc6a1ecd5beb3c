/**
 * `npm run data:load [-- --remote]`: checks `data/`, builds every KV entry (records,
 * URL lookups, indexes) and bulk-puts them into the KV namespace bound as `KV`: the
 * local one by default, the real one with `--remote`. Keys that an earlier load wrote
 * and this one no longer has are deleted afterwards, so that a removed claim disappears.
 * `meta:dataset` goes last, with a fresh load id: the writer (Durable Object) then
 * re-imports the records before its next write, so a load also restores records
 * changed through the admin API.
 *
 * @module
 */
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readDataset } from "../lib/dataset.ts";
import { wrangler } from "../lib/wrangler.ts";
import { buildEntries, type KvEntry } from "../worker/store/entries.ts";
import { CATALOG_KEY, CLAIM_PREFIX, MATCH_KEY, META_KEY, URL_PREFIX } from "../worker/store/keys.ts";

/** wrangler bulk operations take at most 10,000 pairs per call. */
const BATCH = 10_000;

const remote = process.argv.includes("--remote");
/** Local KV lives where `wrangler dev` looks for it: .wrangler/state, or CLAIMCARD_STATE. */
const state = process.env.CLAIMCARD_STATE;
const where = remote ? ["--remote"] : ["--local", ...(state ? ["--persist-to", state] : [])];
const dir = process.argv.find((a, i) => i > 1 && !a.startsWith("--")) ?? "data";

const { claims, errors } = await readDataset(dir);
if (errors.length) {
  console.error(`data:load: refused, ${errors.length} problem(s) in ${dir}/ (run npm run data:check)\n`);
  for (const e of errors) console.error(`  ✗ ${e}`);
  process.exit(1);
}

const entries = await buildEntries(claims, `load-${randomUUID()}`);
const work = join(".wrangler", "claimcard");
await mkdir(work, { recursive: true });

/** The shape `wrangler kv bulk put` reads: binary values base64-encoded. */
const bulk = (e: KvEntry) =>
  typeof e.value === "string"
    ? e
    : {
        key: e.key,
        value: Buffer.from(e.value).toString("base64"),
        base64: true,
        ...(e.metadata ? { metadata: e.metadata } : {}),
      };

/** Bulk-puts entries, 10,000 at a time. */
async function put(list: KvEntry[], name: string): Promise<void> {
  for (let i = 0; i < list.length; i += BATCH) {
    const file = join(work, `${name}-${i / BATCH}.json`);
    await writeFile(file, JSON.stringify(list.slice(i, i + BATCH).map(bulk)));
    await wrangler(["kv", "bulk", "put", file, "--binding", "KV", ...where]);
  }
}

// Everything but meta:dataset first; meta:dataset (with this load's id) only once the
// stale keys are gone, since it tells the writer that a complete load is there to import.
await put(
  entries.filter((e) => e.key !== META_KEY),
  "kv",
);

const ours = (key: string) =>
  key.startsWith(CLAIM_PREFIX) ||
  key.startsWith(URL_PREFIX) ||
  key === CATALOG_KEY ||
  key === MATCH_KEY ||
  key === META_KEY;
const wanted = new Set(entries.map((e: KvEntry) => e.key));
const listed = JSON.parse(await wrangler(["kv", "key", "list", "--binding", "KV", ...where])) as Array<{
  name: string;
}>;
const stale = listed.map((k) => k.name).filter((k) => ours(k) && !wanted.has(k));
for (let i = 0; i < stale.length; i += BATCH) {
  const file = join(work, `stale-${i / BATCH}.json`);
  await writeFile(file, JSON.stringify(stale.slice(i, i + BATCH)));
  await wrangler(["kv", "bulk", "delete", file, "--binding", "KV", ...where, "--force"]);
}
await put(
  entries.filter((e) => e.key === META_KEY),
  "meta",
);

console.log(
  `data:load: ${claims.length} claims, ${entries.length} KV entries written ${remote ? "to the remote namespace" : `to local KV (${state ?? ".wrangler/state"})`}${stale.length ? `, ${stale.length} stale deleted` : ""}`,
);
