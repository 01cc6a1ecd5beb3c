/**
 * `npm run packages`: builds and packs `@claimcard/client` and `@claimcard/widget` into
 * `dist/` (see `package-build.ts`) and prints their sizes. `npm run packages:check` (in
 * `npm test`) also lints the tarballs, as a registry would get them: publint (strict:
 * its warnings fail too) and Are the Types Wrong (`attw`, profile `esm-only`: the
 * packages are ES modules only, so a CommonJS `require` is not a resolution they owe).
 *
 *     node scripts/packages.ts [--out dir] [--check]
 *
 * @module
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { buildPackages, type PackedPackage } from "./package-build.ts";

const { values } = parseArgs({
  options: { out: { type: "string", default: "dist" }, check: { type: "boolean", default: false } },
});

const packed = await buildPackages(values.out);
for (const p of packed)
  console.log(
    `packages: ${p.name}@${p.version} ${kb(p.size)} packed, ${kb(p.unpackedSize)} unpacked, ${p.files.length} files` +
      `${p.customElements ? ", with custom-elements.json" : ""}: ${p.tarball}`,
  );

if (values.check) {
  let failed = false;
  for (const p of packed) {
    for (const [tool, args] of lints(p)) {
      const ok = await run(tool, args);
      failed ||= !ok;
    }
  }
  if (failed) {
    console.error("packages: a package check failed");
    process.exit(1);
  }
}

/** The checks of one tarball. */
function lints(p: PackedPackage): [string, string[]][] {
  return [
    ["publint", ["run", p.tarball, "--strict"]],
    ["attw", [p.tarball, "--profile", "esm-only", "--format", "table-flipped"]],
  ];
}

/** Runs a tool of `node_modules/.bin`, prints what it said, and tells whether it passed. */
async function run(tool: string, args: string[]): Promise<boolean> {
  try {
    const { stdout, stderr } = await promisify(execFile)(resolve("node_modules/.bin", tool), args);
    process.stdout.write(`packages: ${tool}\n${stdout}${stderr}`);
    return true;
  } catch (err) {
    const { stdout = "", stderr = "" } = err as { stdout?: string; stderr?: string };
    process.stdout.write(`packages: ${tool} FAILED\n${stdout}${stderr}`);
    return false;
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
