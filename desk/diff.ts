/**
 * Differences between two versions of a record, and a three-way merge for when someone
 * published while an editor was working. A record is flattened to its leaves
 * (`accusations.0.date` → `"2016-06-14"`); lists are compared item by item when every
 * version has as many items, and as a whole otherwise. The leaf-level comparison is
 * `microdiff`'s; the merge rules are the usual three-way ones: a field only one side
 * changed takes that side's value, a field both changed the same way is no conflict, and
 * a field both changed differently is a conflict the editor settles.
 *
 * @module
 */
import diff from "microdiff";

/** One difference: where, and the value on each side (undefined: absent). */
export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * The differences between two records, field by field.
 *
 * @example
 * changes(v1, v2); // [{ path: "status", before: "alleged", after: "disputed" }]
 */
export function changes(before: unknown, after: unknown): Change[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const seen = new Set<string>();
  const out: Change[] = [];
  for (const d of diff(a, b)) {
    const path = d.path.join(".");
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, before: at(a, d.path), after: at(b, d.path) });
  }
  return out.filter((c) => !["version", "updatedAt"].includes(c.path));
}

function at(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = value as Record<string | number, unknown> | undefined;
  for (const k of path) v = v?.[k] as Record<string | number, unknown> | undefined;
  return v;
}

/** A field both sides changed, differently. */
export interface Conflict {
  path: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

/** Flattens a value to its leaves; a list whose length differs between the versions stays whole. */
function leaves(values: unknown[], prefix: string, out: Map<string, unknown[]>): void {
  const objects = values.map((v) => (v && typeof v === "object" ? v : undefined));
  const isList = values.every((v) => Array.isArray(v));
  const isObject = values.every((v) => v && typeof v === "object" && !Array.isArray(v));
  if (isList && new Set(values.map((v) => (v as unknown[]).length)).size === 1) {
    (values[0] as unknown[]).forEach((_, i) => {
      leaves(
        values.map((v) => (v as unknown[])[i]),
        `${prefix}${i}.`,
        out,
      );
    });
    return;
  }
  if (isObject) {
    const keys = new Set(objects.flatMap((o) => Object.keys(o as object)));
    for (const k of keys)
      leaves(
        values.map((v) => (v as Record<string, unknown>)[k]),
        `${prefix}${k}.`,
        out,
      );
    return;
  }
  out.set(prefix.slice(0, -1), values);
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/**
 * Merges my version and theirs against the version I started from. Conflicts keep my
 * value in `merged` until {@link resolve} says otherwise.
 *
 * @example
 * const { merged, conflicts } = merge(base, mine, live);
 */
export function merge(
  base: unknown,
  mine: unknown,
  theirs: unknown,
): { merged: Record<string, unknown>; conflicts: Conflict[] } {
  const flat = new Map<string, unknown[]>();
  leaves([base ?? {}, mine ?? {}, theirs ?? {}], "", flat);
  const merged = structuredClone((mine ?? {}) as Record<string, unknown>);
  const conflicts: Conflict[] = [];
  for (const [path, [b, m, t]] of flat) {
    if (path === "version" || path === "updatedAt") continue;
    if (same(m, t) || same(t, b)) continue;
    if (same(m, b)) setAt(merged, path, t);
    else conflicts.push({ path, base: b, mine: m, theirs: t });
  }
  return { merged, conflicts };
}

/**
 * Applies the editor's choices: for each conflict, theirs where asked, else mine.
 *
 * @example
 * resolve(merged, conflicts, new Set(["status"])); // takes their status
 */
export function resolve(
  merged: Record<string, unknown>,
  conflicts: readonly Conflict[],
  takeTheirs: ReadonlySet<string>,
): Record<string, unknown> {
  const out = structuredClone(merged);
  for (const c of conflicts) if (takeTheirs.has(c.path)) setAt(out, c.path, c.theirs);
  return out;
}

/**
 * Sets (or, with undefined, removes) the value at a dotted path.
 *
 * @example
 * setAt(record, "accusations.0.date", "2016-06-14");
 */
export function setAt(
  target: Record<string, unknown>,
  path: string | ReadonlyArray<string | number>,
  value: unknown,
): void {
  const keys = typeof path === "string" ? path.split(".") : path.map(String);
  let node = target as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    if (node[k] === undefined || node[k] === null || typeof node[k] !== "object") node[k] = /^\d+$/.test(k) ? [] : {};
    node = node[k] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
}
