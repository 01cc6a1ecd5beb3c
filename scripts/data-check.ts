/**
 * `npm run data:check [dir]`: validates every record in `data/` (or `dir`) and exits
 * non-zero, with one line per bad record and field, when anything is wrong.
 *
 * @module
 */
import { readDataset } from "../lib/dataset.ts";

const dir = process.argv[2] ?? "data";
const { claims, entities, errors } = await readDataset(dir);
if (errors.length) {
  console.error(`data:check: ${errors.length} problem${errors.length === 1 ? "" : "s"} in ${dir}/\n`);
  for (const e of errors) console.error(`  ✗ ${e}`);
  process.exit(1);
}
console.log(`data:check: ${claims.length} claims and ${entities.length} entities in ${dir}/ are valid`);
