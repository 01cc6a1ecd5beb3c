/**
 * Builds the publishable packages from the repo's one source and packs them. Each
 * package is a manifest under `packages/<name>/` (its `package.json`, and the widget's
 * README); its code is taken from where it lives (`client/`, `widget/`, `shared/`, the
 * types of `schema/`). A package is staged in `<out>/<name>/` and packed there with
 * `npm pack`, so that what is checked (publint, attw) and installed (the package test)
 * is the tarball a registry would get:
 *
 * - `index.js`: one ES module bundled by esbuild, every bare import left to the
 *   consumer's install (`packages: "external"`) and checked against the manifest's
 *   `dependencies` (the widget may not import Valibot: the build fails if it does);
 * - `types/`: the declarations from `tsc` (`package-declarations.ts`); the widget's
 *   schema types are generated without Valibot (`package-schema-types.ts`);
 * - `README.md`; and, for the widget, `custom-elements.json` when the build has made
 *   one at the repo root (without it, the staged manifest drops `customElements`).
 *
 * A dependency's version range has one home, the root `package.json`: a package that
 * states another range fails the build.
 *
 * @module
 */
import { execFile } from "node:child_process";
import { access, copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { emitDeclarations } from "./package-declarations.ts";
import { schemaTypes } from "./package-schema-types.ts";

/** What one package is made of. */
interface PackageSpec {
  /** The folder of its manifest, and the name of its stage. */
  name: "client" | "widget";
  entry: string;
  /** esbuild's platform: `neutral` for code that runs anywhere `fetch` does. */
  platform: "neutral" | "browser";
  /** The tsconfig its source is checked with. */
  tsconfig: string;
  readme: string;
  /** Whether its schema types are declared without Valibot. */
  standaloneSchemaTypes: boolean;
  /** The component manifest to ship, if the build made one. */
  customElements?: string;
}

/** The two packages. */
export const PACKAGES: readonly PackageSpec[] = [
  {
    name: "client",
    entry: "client/index.ts",
    platform: "neutral",
    tsconfig: "tsconfig.json",
    readme: "client/README.md",
    standaloneSchemaTypes: false,
  },
  {
    name: "widget",
    entry: "widget/index.ts",
    platform: "browser",
    tsconfig: "widget/tsconfig.json",
    readme: "packages/widget/README.md",
    standaloneSchemaTypes: true,
    customElements: "custom-elements.json",
  },
];

/** A packed package, as `npm pack --json` describes it. */
export interface PackedPackage {
  name: string;
  version: string;
  /** The tarball's absolute path. */
  tarball: string;
  /** Bytes of the tarball (gzip). */
  size: number;
  /** Bytes of its files, unpacked. */
  unpackedSize: number;
  files: string[];
  /** Whether the component manifest went in (widget). */
  customElements: boolean;
}

type Manifest = Record<string, unknown> & {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  exports: Record<string, unknown>;
  customElements?: string;
};

/**
 * Builds, stages and packs every package into `out`.
 *
 * @example
 * const packed = await buildPackages("dist");
 */
export async function buildPackages(out: string): Promise<PackedPackage[]> {
  await mkdir(out, { recursive: true });
  const root = JSON.parse(await readFile("package.json", "utf8")) as Manifest;
  const packed: PackedPackage[] = [];
  for (const spec of PACKAGES) packed.push(await buildPackage(spec, resolve(out), root));
  return packed;
}

async function buildPackage(spec: PackageSpec, out: string, root: Manifest): Promise<PackedPackage> {
  const manifest = JSON.parse(await readFile(join("packages", spec.name, "package.json"), "utf8")) as Manifest;
  checkRanges(manifest, root);
  const stage = join(out, spec.name);
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });

  await bundle(spec, manifest, stage);
  await declare(spec, manifest, stage);
  await copyFile(spec.readme, join(stage, "README.md"));
  const customElements = spec.customElements !== undefined && (await exists(spec.customElements));
  if (customElements)
    await copyFile(spec.customElements!, join(stage, manifest.customElements ?? "custom-elements.json"));
  else if (spec.customElements !== undefined) {
    console.warn(
      `packages: no ${spec.customElements} at the repo root (npm run build makes it): ${manifest.name} ships without it`,
    );
    delete manifest.customElements;
    delete manifest.exports[`./${spec.customElements}`];
  }
  await writeFile(join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...(await pack(stage, out)), customElements };
}

/** Bundles the entry into `index.js`, and checks its bare imports against the manifest. */
async function bundle(spec: PackageSpec, manifest: Manifest, stage: string): Promise<void> {
  const outfile = join(stage, "index.js");
  const { metafile } = await build({
    entryPoints: [spec.entry],
    outfile,
    bundle: true,
    packages: "external",
    format: "esm",
    platform: spec.platform,
    target: "es2022",
    legalComments: "inline",
    metafile: true,
    logLevel: "warning",
  });
  const dependencies = Object.keys(manifest.dependencies ?? {});
  const imported = Object.values(metafile.outputs).flatMap((o) =>
    o.imports.filter((i) => i.external).map((i) => i.path),
  );
  for (const path of new Set(imported)) {
    const owner = dependencies.find((d) => path === d || path.startsWith(`${d}/`));
    if (!owner) throw new Error(`${manifest.name} imports ${path}, which its package.json does not depend on`);
  }
}

/** Writes the declarations under `types/` and checks that the manifest points at the entry's. */
async function declare(spec: PackageSpec, manifest: Manifest, stage: string): Promise<void> {
  const outDir = join(stage, "types");
  const declarations = await emitDeclarations({
    entry: spec.entry,
    tsconfig: spec.tsconfig,
    lib: ["es2023", "dom", "dom.iterable"],
    outDir,
    ...(spec.standaloneSchemaTypes ? { stopAt: "schema" } : {}),
  });
  if (spec.standaloneSchemaTypes) {
    await mkdir(join(outDir, "schema"), { recursive: true });
    await writeFile(join(outDir, "schema", "index.d.ts"), await schemaTypes(declarations.cutNames));
  }
  const types = (manifest.exports["."] as { types?: string } | undefined)?.types;
  if (types !== `./types/${declarations.entry}`)
    throw new Error(`${manifest.name}: exports["."].types must be ./types/${declarations.entry} (is ${types})`);
}

/** Refuses a dependency range that differs from the root package.json's: one home per version range. */
function checkRanges(manifest: Manifest, root: Manifest): void {
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    const rootRange = root.dependencies?.[name];
    if (rootRange !== range)
      throw new Error(
        `${manifest.name} depends on ${name}@${range}, but the root package.json has ${rootRange ?? "no such dependency"}`,
      );
  }
}

/** `npm pack` of a stage into `out`. */
async function pack(stage: string, out: string): Promise<Omit<PackedPackage, "customElements">> {
  const { stdout } = await promisify(execFile)("npm", ["pack", "--json", "--pack-destination", out], { cwd: stage });
  const [info] = JSON.parse(stdout) as {
    name: string;
    version: string;
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  if (!info) throw new Error(`npm pack wrote nothing for ${stage}`);
  return {
    name: info.name,
    version: info.version,
    tarball: join(out, info.filename),
    size: info.size,
    unpackedSize: info.unpackedSize,
    files: info.files.map((f) => f.path).sort(),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
