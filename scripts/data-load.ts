/**
 * `npm run data:load [-- dir] [--force] [--prune] [--note "…"] [--url <base> | --remote] [--no-wait]`:
 * checks `data/` and imports it through the writer (the Durable Object that holds the
 * records), as an authenticated admin: `POST /v1/admin/import` on the running server
 * (see `lib/admin-target.ts`). The writer applies it under its lock and publishes the
 * records and the indexes from what it holds. Nothing is written to KV from here.
 *
 * A record whose live version is newer than its file (an editor changed it since the
 * file was written) is listed as a conflict and left alone, unless `--force`: run
 * `npm run data:export` first to bring `data/` up to date. Live records `data/` does not
 * hold are listed, and deleted only with `--prune`. Exits 0 when everything is in, 3 when
 * conflicts were left alone, 1 on error. Then it waits until KV is published (unless
 * `--no-wait`) and prints how long both took.
 *
 * @module
 */
import { adminJson, adminTarget } from "../lib/admin-target.ts";
import { readDataset } from "../lib/dataset.ts";
import { IMPORT_MAX_CLAIMS, type ImportResult, type WriterStatus } from "../schema/index.ts";

/** Stay well under the route's 16 MiB body limit. */
const BATCH_BYTES = 8 * 1024 * 1024;
const WAIT_MS = 120_000;

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const noteAt = argv.indexOf("--note");
const note = noteAt >= 0 ? argv[noteAt + 1] : undefined;
const dir = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--url" && argv[i - 1] !== "--note") ?? "data";

try {
  const target = adminTarget(argv);
  const { claims, entities, errors } = await readDataset(dir);
  if (errors.length) {
    console.error(`data:load: refused, ${errors.length} problem(s) in ${dir}/ (run npm run data:check)\n`);
    for (const e of errors) console.error(`  ✗ ${e}`);
    process.exit(1);
  }
  const started = performance.now();
  const batches: (typeof claims)[] = [[]];
  let bytes = 0;
  for (const claim of claims) {
    const size = JSON.stringify(claim).length;
    if (batches.at(-1)!.length >= IMPORT_MAX_CLAIMS || bytes + size > BATCH_BYTES) {
      batches.push([]);
      bytes = 0;
    }
    batches.at(-1)!.push(claim);
    bytes += size;
  }
  const setIds = claims.map((c) => c.id);
  const total: ImportResult = {
    created: [],
    updated: [],
    unchanged: [],
    conflicts: [],
    onlyLive: [],
    deleted: [],
    linked: [],
    queued: 0,
  };
  for (const [i, batch] of batches.entries()) {
    const last = i === batches.length - 1;
    const result = await adminJson<ImportResult>(target, "/v1/admin/import", {
      method: "POST",
      body: JSON.stringify({
        claims: batch,
        setIds,
        ...(i === 0 ? { entities } : {}),
        ...(flag("--force") ? { force: true } : {}),
        ...(last && flag("--prune") ? { prune: true } : {}),
        ...(note ? { note } : {}),
      }),
    });
    for (const key of ["created", "updated", "unchanged", "conflicts", "deleted", "linked"] as const)
      (total[key] as unknown[]).push(...result[key]);
    if (last) {
      total.onlyLive = result.onlyLive;
      total.queued = result.queued;
    }
  }
  const imported = performance.now() - started;
  console.log(
    `data:load: ${claims.length} records from ${dir}/ into ${target.label}: ${total.created.length} created, ${total.updated.length} updated, ${total.unchanged.length} unchanged${total.deleted.length ? `, ${total.deleted.length} deleted` : ""}${total.linked.length ? `, ${total.linked.length} linked back (${total.linked.join(", ")})` : ""} (${imported.toFixed(0)} ms)`,
  );
  if (total.conflicts.length) {
    console.log(
      `\n${flag("--force") ? "Overwritten (--force)" : "Left alone"}: ${total.conflicts.length} record(s) changed live since their file was written:`,
    );
    for (const c of total.conflicts)
      console.log(
        `  ! ${c.id}: file v${c.fileVersion}, live v${c.liveVersion} by ${c.liveEditor} at ${c.liveUpdatedAt}`,
      );
    if (!flag("--force"))
      console.log("Run npm run data:export to take the live versions into data/, or --force to overwrite them.");
  }
  if (total.onlyLive.length)
    console.log(`\nLive only (not in ${dir}/, kept; --prune deletes them): ${total.onlyLive.join(", ")}`);
  if (!flag("--no-wait")) {
    const until = Date.now() + WAIT_MS;
    let status = await adminJson<WriterStatus>(target, "/v1/admin/status");
    while (status.pending > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      status = await adminJson<WriterStatus>(target, "/v1/admin/status");
    }
    const published = performance.now() - started;
    if (status.pending > 0)
      console.log(`data:load: ${status.pending} KV key(s) still to publish after ${WAIT_MS / 1000} s`);
    else console.log(`data:load: published to KV (${published.toFixed(0)} ms in all)`);
    if (status.failed.length)
      console.log(`data:load: the writer gave up on ${status.failed.length} key(s): see GET /v1/admin/status`);
  }
  process.exit(total.conflicts.length && !flag("--force") ? 3 : 0);
} catch (e) {
  console.error(`data:load: ${(e as Error).message}`);
  process.exit(1);
}
