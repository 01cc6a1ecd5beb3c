/**
 * `npm run data:export [-- dir] [--prune] [--url <base> | --remote]`: writes the live
 * records (from the writer, `GET /v1/admin/export`) back into `data/`, so that git can
 * review and keep what editors changed in the desk. The same format as the reviewed
 * files: one `claims/<id>.json` per record without its `entities` (they live in
 * `entities.json`), keys in the schema's order, two-space indentation. A file whose
 * content is already the live record's is left as it is (its layout included), so that
 * an export changes only what changed. Files of records no longer live are listed, and
 * deleted only with `--prune`.
 *
 * @module
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { adminJson, adminTarget } from "../lib/admin-target.ts";
import type { ExportResult } from "../schema/index.ts";
import { canonicalJson } from "../worker/writer/import-plan.ts";

const argv = process.argv.slice(2);
const dir = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--url") ?? "data";

/** Writes `value` as the data files are written, unless the file already says the same. */
async function writeIfChanged(path: string, value: unknown): Promise<boolean> {
  try {
    if (canonicalJson(JSON.parse(await readFile(path, "utf8"))) === canonicalJson(value)) return false;
  } catch {}
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
  return true;
}

try {
  const target = adminTarget(argv);
  const started = performance.now();
  const { claims, entities } = await adminJson<ExportResult>(target, "/v1/admin/export");
  const written: string[] = [];
  for (const { entities: _resolved, ...file } of claims)
    if (await writeIfChanged(join(dir, "claims", `${file.id}.json`), file)) written.push(file.id);
  const registryChanged = entities.length > 0 && (await writeIfChanged(join(dir, "entities.json"), entities));
  const live = new Set(claims.map((c) => c.id));
  const gone = (await readdir(join(dir, "claims"))).filter((f) => f.endsWith(".json") && !live.has(f.slice(0, -5)));
  if (argv.includes("--prune")) for (const f of gone) await rm(join(dir, "claims", f));
  console.log(
    `data:export: ${claims.length} live records from ${target.label}: ${written.length} file(s) written${written.length ? ` (${written.join(", ")})` : ""}${registryChanged ? ", entities.json written" : ""} (${(performance.now() - started).toFixed(0)} ms)`,
  );
  if (gone.length)
    console.log(
      `${argv.includes("--prune") ? "Deleted" : "Not live (kept; --prune deletes them)"}: ${gone.join(", ")}`,
    );
} catch (e) {
  console.error(`data:export: ${(e as Error).message}`);
  process.exit(1);
}
