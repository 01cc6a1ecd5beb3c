/**
 * Turns Valibot issues into messages an editor can act on: the record, the field, the reason.
 *
 * @module
 */
import * as v from "valibot";

/**
 * Writes an issue path as `accusations[0].sources[1].url`.
 *
 * @example
 * fieldPath(issue); // "denials[0].sources[0].url"
 */
export function fieldPath(issue: v.BaseIssue<unknown>): string {
  let out = "";
  for (const item of issue.path ?? []) {
    const key = item.key as unknown;
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(record)";
}

/**
 * One line per issue, deepest first where Valibot nests them, each naming the field.
 *
 * @example
 * describeIssues(result.issues); // ['incident.date: must be a real date … (got "2016-13-01")']
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => `${fieldPath(issue)}: ${issue.message}`);
}

/** The result of checking untrusted input against a schema. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * Checks `input` against `schema` and returns either the typed value or readable errors.
 * It never throws.
 *
 * @example
 * const r = check(Claim, body);
 * if (!r.ok) console.error(r.errors.join("\n"));
 */
export function check<const S extends v.GenericSchema>(schema: S, input: unknown): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  return result.success ? { ok: true, value: result.output } : { ok: false, errors: describeIssues(result.issues) };
}

/** An issue as Standard Schema reports it (what Hono's standard validator hands over). */
export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/**
 * One line per Standard Schema issue, each naming the field, in the same form as
 * {@link describeIssues}.
 *
 * @example
 * describeStandardIssues([{ message: "must be …", path: [{ key: "limit" }] }]); // ["limit: must be …"]
 */
export function describeStandardIssues(issues: readonly StandardIssue[]): string[] {
  return issues.map((issue) => {
    let out = "";
    for (const item of issue.path ?? []) {
      const key = typeof item === "object" && item !== null ? item.key : item;
      if (typeof key === "number") out += `[${key}]`;
      else out += out ? `.${String(key)}` : String(key);
    }
    return `${out || "(record)"}: ${issue.message}`;
  });
}
