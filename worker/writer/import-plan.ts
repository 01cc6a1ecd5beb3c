/**
 * What an import (`npm run data:load`) does to each record, decided before anything is
 * written, from the live set and the files:
 *
 * - the same content as live (version and `updatedAt` aside): **unchanged**;
 * - no live record: **created**, keeping the file's version and `updatedAt` (a version
 *   the history already used, by a deleted record, is moved past);
 * - a live version newer than the file's: a **conflict**, left alone (someone edited it
 *   since the file was written: run `data:export` first), unless `force`;
 * - otherwise: **updated**, as the file's version when it is ahead, else as the next one.
 *
 * Records live but not in the set are listed (`onlyLive`), and deleted only with `prune`.
 *
 * @module
 */
import type { Claim, ImportConflict } from "../../schema/index.ts";

/** One live record, as the plan needs it. */
export interface LiveRecord {
  claim: Claim;
  editor: string;
}

/** One change to make. */
export interface PlannedWrite {
  claim: Claim;
  kind: "created" | "updated";
}

/** The plan of an import. */
export interface ImportPlan {
  writes: PlannedWrite[];
  unchanged: string[];
  conflicts: ImportConflict[];
  onlyLive: string[];
}

/**
 * @example
 * const plan = planImport(live, files, { force: false, lastVersion: (id) => 0, setIds: files.map((c) => c.id), now });
 */
export function planImport(
  live: ReadonlyMap<string, LiveRecord>,
  files: readonly Claim[],
  options: { force: boolean; lastVersion: (id: string) => number; setIds: readonly string[]; now: string },
): ImportPlan {
  const plan: ImportPlan = { writes: [], unchanged: [], conflicts: [], onlyLive: [] };
  for (const file of files) {
    const current = live.get(file.id);
    if (!current) {
      const last = options.lastVersion(file.id);
      plan.writes.push({
        kind: "created",
        claim: file.version > last ? file : { ...file, version: last + 1, updatedAt: options.now },
      });
      continue;
    }
    if (sameContent(current.claim, file)) {
      plan.unchanged.push(file.id);
      continue;
    }
    if (current.claim.version > file.version) {
      plan.conflicts.push({
        id: file.id,
        fileVersion: file.version,
        liveVersion: current.claim.version,
        liveUpdatedAt: current.claim.updatedAt,
        liveEditor: current.editor,
      });
      if (!options.force) continue;
    }
    const last = Math.max(options.lastVersion(file.id), current.claim.version);
    plan.writes.push({
      kind: "updated",
      claim: file.version > last ? file : { ...file, version: last + 1, updatedAt: options.now },
    });
  }
  const inSet = new Set(options.setIds);
  for (const id of live.keys()) if (!inSet.has(id)) plan.onlyLive.push(id);
  plan.onlyLive.sort();
  return plan;
}

/**
 * Whether two records say the same, whatever their version, `updatedAt` and key order.
 *
 * @example
 * sameContent({ ...a, version: 3 }, { ...a, version: 4 }); // true
 */
export function sameContent(a: Claim, b: Claim): boolean {
  const strip = ({ version: _v, updatedAt: _u, ...rest }: Claim) => rest;
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

/**
 * JSON with object keys sorted, so that equal values give equal text.
 *
 * @example
 * canonicalJson({ b: 1, a: [2] }); // '{"a":[2],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}
