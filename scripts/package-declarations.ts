/**
 * The `.d.ts` files of a package, from its source: `tsc` emits the declarations of the
 * entry's whole program into a scratch folder, and only the files the entry's
 * declarations reach are kept, with their relative imports rewritten from `.ts` to `.js`
 * (what a consumer's TypeScript resolves to the `.d.ts` beside it). The folder layout of
 * the repo is kept (`types/client/index.d.ts`, `types/schema/…`), so that each
 * declaration keeps its doc comments and stays next to its neighbours.
 *
 * A folder may be cut off (`stopAt`): its files are not copied, and the names imported
 * from it are reported instead, for the caller to declare (the widget declares the
 * schema's types without Valibot: see `package-schema-types.ts`).
 *
 * @module
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";

/** What {@link emitDeclarations} is asked. */
export interface DeclarationsRequest {
  /** The entry module, relative to the repo root: `client/index.ts`. */
  entry: string;
  /** The tsconfig whose compiler options the source is checked with. */
  tsconfig: string;
  /** The `lib` the declarations are written against (the environments the package runs in). */
  lib: string[];
  /** Where the `.d.ts` tree goes. */
  outDir: string;
  /** A folder (relative to the repo root) whose declarations are not copied, e.g. `schema`. */
  stopAt?: string;
}

/** What {@link emitDeclarations} wrote. */
export interface Declarations {
  /** The entry's `.d.ts`, relative to `outDir`. */
  entry: string;
  /** The files written, relative to `outDir`. */
  files: string[];
  /** The names imported from `stopAt`'s index by the files kept. */
  cutNames: string[];
}

const ROOT = resolve(".");

/**
 * Emits and prunes the declarations of one entry.
 *
 * @example
 * const { entry } = await emitDeclarations({ entry: "client/index.ts", tsconfig: "tsconfig.json", lib: ["es2023", "dom"], outDir: "dist/client/types" });
 */
export async function emitDeclarations(request: DeclarationsRequest): Promise<Declarations> {
  const scratch = await mkdtemp(join(tmpdir(), "claimcard-dts-"));
  try {
    const emitted = join(scratch, "out");
    await tsc(scratch, request, emitted);
    const entry = request.entry.replace(/\.ts$/, ".d.ts");
    const files: string[] = [];
    const cutNames = new Set<string>();
    const queue = [entry];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const file = queue.shift()!;
      const text = await readFile(join(emitted, file), "utf8");
      for (const specifier of relativeSpecifiers(text)) {
        const target = join(dirname(file), specifier).replace(/\.ts$/, ".d.ts");
        if (request.stopAt && target.startsWith(`${request.stopAt}/`)) {
          if (new RegExp(`export\\s*\\*[^;]*["']${escapeRegExp(specifier)}["']`).test(text))
            throw new Error(`${file} re-exports all of ${specifier}: name the types it needs instead`);
          for (const name of importedNames(text, specifier)) cutNames.add(name);
          continue;
        }
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
      await mkdir(dirname(join(request.outDir, file)), { recursive: true });
      await writeFile(join(request.outDir, file), withJsSpecifiers(text));
      files.push(file);
    }
    return { entry, files, cutNames: [...cutNames].sort() };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Runs the repo's `tsc` on the entry alone, with the options of `request.tsconfig`, declarations only. */
async function tsc(scratch: string, request: DeclarationsRequest, outDir: string): Promise<void> {
  const config = {
    extends: resolve(request.tsconfig),
    compilerOptions: {
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      outDir,
      rootDir: ROOT,
      lib: request.lib,
      types: [],
    },
    files: [resolve(request.entry)],
    include: [],
  };
  const path = join(scratch, "tsconfig.json");
  await writeFile(path, JSON.stringify(config));
  try {
    await promisify(execFile)(resolve("node_modules/.bin/tsc"), ["-p", path]);
  } catch (err) {
    const { stdout = "" } = err as { stdout?: string };
    throw new Error(`tsc could not emit the declarations of ${request.entry}:\n${stdout}`);
  }
}

/** The relative module specifiers of a declaration file (`from "./x.ts"`, `import("../y.ts")`). */
function relativeSpecifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
}

/** The names a declaration file imports from `specifier` (`import type { A, type B } from …`). */
function importedNames(text: string, specifier: string): string[] {
  const names: string[] = [];
  const quoted = escapeRegExp(specifier);
  for (const m of text.matchAll(
    new RegExp(`(?:import|export)\\s+(?:type\\s+)?\\{([^}]*)\\}\\s*from\\s*["']${quoted}["']`, "g"),
  )) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().replace(/^type\s+/, "");
      if (!name) continue;
      if (/\s/.test(name)) throw new Error(`cannot follow the renamed import "${name}" from ${specifier}`);
      names.push(name);
    }
  }
  for (const m of text.matchAll(new RegExp(`import\\(\\s*["']${quoted}["']\\s*\\)\\.(\\w+)`, "g"))) names.push(m[1]!);
  return names;
}

/** Rewrites relative `.ts` specifiers to `.js`. */
function withJsSpecifiers(text: string): string {
  return text.replace(/((?:\bfrom\s*|\bimport\s*\(\s*)["']\.{1,2}\/[^"']+)\.ts(["'])/g, "$1.js$2");
}

/** `text` as a literal inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
