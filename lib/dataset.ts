/**
 * Reads the reviewed dataset in `data/` from disk and checks it with the schema's
 * {@link checkDataset}. Files that cannot be read or parsed are reported like any other
 * problem, with their path.
 *
 * @example
 * const { claims, errors } = await readDataset("data");
 * if (errors.length) { console.error(errors.join("\n")); process.exit(1); }
 *
 * @module
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { checkDataset, type Dataset, type DatasetFile } from "../schema/index.ts";

/**
 * Reads and checks `dir/entities.json` and every `dir/claims/*.json`.
 *
 * @example
 * const { claims } = await readDataset("data");
 */
export async function readDataset(dir: string): Promise<Dataset> {
  const errors: string[] = [];
  const registry = await readJson(join(dir, "entities.json"), errors);
  const claimsDir = join(dir, "claims");
  let names: string[] = [];
  try {
    names = (await readdir(claimsDir)).filter((f) => f.endsWith(".json")).sort();
  } catch (e) {
    errors.push(`${label(claimsDir)}: cannot be read (${(e as Error).message})`);
  }
  const files: DatasetFile[] = [];
  for (const name of names) {
    const file = await readJson(join(claimsDir, name), errors);
    if (file) files.push(file);
  }
  if (!registry) return { claims: [], entities: [], errors };
  const checked = checkDataset(registry, files);
  return { ...checked, errors: [...errors, ...checked.errors] };
}

async function readJson(path: string, errors: string[]): Promise<DatasetFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    errors.push(`${label(path)}: cannot be read (${(e as Error).message})`);
    return undefined;
  }
  try {
    return { path: label(path), json: JSON.parse(text) };
  } catch (e) {
    errors.push(`${label(path)}: is not valid JSON (${(e as Error).message})`);
    return undefined;
  }
}

function label(path: string): string {
  return relative(process.cwd(), path) || path;
}
