/**
 * Checks a whole dataset: the entity registry and every authored claim. Each claim is
 * checked as written, its entity references are resolved against the registry, and the
 * self-contained record is checked again. Cross-record rules (unique ids, file names,
 * `related` ids that exist and link back) are checked last. Runtime-neutral: the data tools read files in Node,
 * the Worker tests import the same JSON through Vite.
 *
 * @module
 */
import type * as v from "valibot";
import { Claim, ClaimFile, type Entity, EntityRegistry, entityRefs, withAncestors } from "./claim.ts";
import { check } from "./issues.ts";

/** One authored file: where it came from and its parsed JSON. */
export interface DatasetFile {
  /** Shown in messages, e.g. `data/claims/dnc-hack-2016.json`. */
  path: string;
  json: unknown;
}

/** The dataset as checked: the valid records, and one line per problem found. */
export interface Dataset {
  claims: Claim[];
  entities: Entity[];
  errors: string[];
}

/**
 * Checks the registry and the claim files. It never throws on bad data: every problem
 * becomes a line in `errors` that names the file and the field.
 *
 * @example
 * const { claims, errors } = checkDataset({ path: "data/entities.json", json: registry }, files);
 */
export function checkDataset(registry: DatasetFile, files: readonly DatasetFile[]): Dataset {
  const errors: string[] = [];
  const entities = checked(EntityRegistry, registry, errors);
  const byId = new Map((entities ?? []).map((e) => [e.id, e]));
  const claims: Claim[] = [];
  const seen = new Map<string, string>();

  for (const file of files) {
    const authored = checked(ClaimFile, file, errors);
    if (!authored) continue;
    const base = file.path.split("/").pop();
    if (`${authored.id}.json` !== base) {
      errors.push(`${file.path}: id: "${authored.id}" does not match the file name (expected ${authored.id}.json)`);
      continue;
    }
    if (seen.has(authored.id)) {
      errors.push(`${file.path}: id: "${authored.id}" is also the id of ${seen.get(authored.id)}`);
      continue;
    }
    seen.set(authored.id, file.path);
    if (!entities) continue;
    const unknown = [...entityRefs(authored)].filter(([, ref]) => !byId.has(ref.id));
    for (const [field, ref] of unknown) {
      errors.push(`${file.path}: ${formatPath(field)}: names unknown entity "${ref.id}" (add it to ${registry.path})`);
    }
    if (unknown.length) continue;
    const claim = checked(
      Claim,
      { path: file.path, json: { ...authored, entities: mentioned(authored, byId) } },
      errors,
    );
    if (claim) claims.push(claim);
  }

  const byClaimId = new Map(claims.map((c) => [c.id, c]));
  for (const claim of claims) {
    for (const [i, id] of (claim.related ?? []).entries()) {
      const other = byClaimId.get(id);
      if (!other) errors.push(`${seen.get(claim.id)}: related[${i}]: names unknown claim "${id}"`);
      else if (id === claim.id) errors.push(`${seen.get(claim.id)}: related[${i}]: names the record itself`);
      else if (!(other.related ?? []).includes(claim.id))
        errors.push(
          `${seen.get(claim.id)}: related[${i}]: "${id}" does not link back: add "${claim.id}" to its related`,
        );
    }
  }
  return { claims, entities: entities ?? [], errors };
}

/**
 * The entities a record mentions, with their parents (the GRU brings Russia along),
 * taken from the registry.
 *
 * @example
 * mentioned(authored, new Map(registry.map((e) => [e.id, e])));
 */
export function mentioned(claim: ClaimFile, byId: ReadonlyMap<string, Entity>): Entity[] {
  return withAncestors(
    [...entityRefs(claim)].map(([, ref]) => ref.id),
    byId,
  );
}

function checked<S extends v.GenericSchema>(
  schema: S,
  file: DatasetFile,
  errors: string[],
): v.InferOutput<S> | undefined {
  const r = check(schema, file.json);
  if (r.ok) return r.value;
  errors.push(...r.errors.map((e) => `${file.path}: ${e}`));
  return undefined;
}

function formatPath(keys: Array<string | number>): string {
  return keys.map((k, i) => (typeof k === "number" ? `[${k}]` : i ? `.${k}` : k)).join("");
}
