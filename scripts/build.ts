/**
 * `npm run build`: bundles the widget (Lit included) into `public/widget.js`, one
 * minified ES module lowered to ES2022 (no native decorators needed), with auto mode
 * split off into `public/widget-auto.js` (imported only by pages that use it), and
 * prints their sizes, raw and gzip (widget.js must stay within its budget); writes the component manifest, `custom-elements.json`, from the
 * JSDoc tags of `<claim-card>`; and makes the auto-mode demo page, `public/auto.html`,
 * from the demo page.
 *
 * The widget must stay under 12 KB gzip with Lit, so the bundle is squeezed in three
 * ways that change no behaviour: the HTML and CSS inside Lit's tagged templates are
 * minified before esbuild sees them (esbuild leaves template literals as they are),
 * terser compresses esbuild's output a second time (about 2% smaller), and the licence
 * notices of Lit's four files become one line that keeps its copyright and licence.
 *
 * @module
 */

import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin, transform } from "esbuild";
import { minify } from "terser";
import { WIDGET_BUDGET_GZIP } from "../lib/budgets.ts";

const OUT = "public/widget.js";

/** Lit's BSD-3-Clause notice, which a binary redistribution must carry. */
const BANNER = "/*! claimcard widget. Includes Lit, Copyright 2017-2022 Google LLC, BSD-3-Clause (https://lit.dev) */";

/**
 * Collapses the whitespace of the static parts of Lit's html`…` templates: a line break
 * and its indentation between two tags go, any other run with a line break becomes one
 * space (what HTML would render anyway). Whitespace on one line is left alone, since
 * between inline elements it is text. Templates nested in `${…}` are handled too.
 *
 * @example
 * minifyHtmlTemplates("html`<p>\n  <b>${x}</b>\n</p>`"); // "html`<p><b>${x}</b></p>`"
 */
export function minifyHtmlTemplates(source: string): string {
  const squeeze = (s: string) => s.replace(/>\s*\n\s*</g, "><").replace(/\s*\n\s*/g, " ");
  let out = "";
  let i = 0;
  /** Copies a template literal from after its backtick to after its closing one. */
  const template = (minified: boolean): void => {
    let text = "";
    const flush = () => {
      out += minified ? squeeze(text) : text;
      text = "";
    };
    while (i < source.length) {
      const ch = source[i]!;
      if (ch === "\\") {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (ch === "`") {
        flush();
        out += "`";
        i++;
        return;
      } else if (source.startsWith("${", i)) {
        flush();
        out += "${";
        i += 2;
        code(true);
      } else {
        text += ch;
        i++;
      }
    }
    flush();
  };
  /** Copies code up to the end of the source, or up to the `}` closing an interpolation. */
  const code = (inInterpolation: boolean): void => {
    let depth = 0;
    while (i < source.length) {
      const ch = source[i]!;
      if (source.startsWith("html`", i)) {
        out += "html`";
        i += 5;
        template(true);
      } else if (ch === "`") {
        out += ch;
        i++;
        template(false);
      } else if (ch === '"' || ch === "'") {
        const end = stringEnd(source, i);
        out += source.slice(i, end);
        i = end;
      } else {
        if (ch === "{") depth++;
        if (ch === "}" && depth-- === 0 && inInterpolation) {
          out += ch;
          i++;
          return;
        }
        out += ch;
        i++;
      }
    }
  };
  code(false);
  return out;
}

/** The index after the quoted string that starts at `start`. */
function stringEnd(source: string, start: number): number {
  const quote = source[start];
  let i = start + 1;
  while (i < source.length && source[i] !== quote && source[i] !== "\n") i += source[i] === "\\" ? 2 : 1;
  return i + 1;
}

/**
 * Minifies the templates of the widget's own modules: the CSS inside Lit's css`…` with
 * esbuild's CSS minifier (each `${…}` part is swapped for a placeholder while the CSS is
 * minified, then put back as it was, so that nothing dynamic is ever rewritten), and
 * the HTML inside html`…` with {@link minifyHtmlTemplates}.
 */
const minifyTemplates: Plugin = {
  name: "minify-lit-templates",
  setup(b) {
    b.onLoad({ filter: /(widget|shared)\/[^/]*\.ts$/ }, async ({ path }) => {
      let source = await readFile(path, "utf8");
      for (const [whole, body] of source.matchAll(/(?<![\w`])css`((?:[^`$]|\$\{[^}]*\})*)`/g)) {
        const parts: string[] = [];
        const plain = body!.replace(/\$\{[^}]*\}/g, (part) => `__claimcard_part_${parts.push(part) - 1}__`);
        const { code } = await transform(plain, { loader: "css", minify: true });
        const restored = code.trim().replace(/__claimcard_part_(\d+)__/g, (_, i: string) => parts[Number(i)]!);
        source = source.replace(whole, `css\`${restored}\``);
      }
      return { contents: minifyHtmlTemplates(source), loader: "ts" };
    });
  },
};

/**
 * Auto mode is its own bundle, `widget-auto.js`, that `widget.js` imports only on the
 * pages that use it: its dynamic `import("./auto.ts")` becomes an import of that file,
 * beside widget.js. (esbuild's code splitting would move what both use into a third
 * file that every page loads; the few helpers auto mode shares are copied instead.)
 */
const autoApart: Plugin = {
  name: "auto-mode-apart",
  setup(b) {
    b.onResolve({ filter: /^\.\/auto\.ts$/ }, (args) =>
      args.kind === "dynamic-import" ? { path: "./widget-auto.js", external: true } : undefined,
    );
  },
};

const bundle = (entry: string, outfile: string, plugins: Plugin[]) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    legalComments: "none",
    sourcemap: false,
    write: false,
    logLevel: "warning",
    plugins,
  });
const outputs = [
  ...(await bundle("widget/index.ts", OUT, [autoApart, minifyTemplates])).outputFiles,
  ...(await bundle("widget/auto.ts", "public/widget-auto.js", [minifyTemplates])).outputFiles,
];
const sizes = new Map<string, number>();
for (const file of outputs) {
  const squeezed = await minify(file.text, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  const bytes = Buffer.from(`${BANNER}\n${squeezed.code}\n`);
  await writeFile(file.path, bytes);
  const gz = gzipSync(bytes, { level: 9 }).length;
  const name = `public/${basename(file.path)}`;
  sizes.set(name, gz);
  console.log(`build: ${name} ${(bytes.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(2)} KB gzip`);
}
if ((sizes.get(OUT) ?? Infinity) > WIDGET_BUDGET_GZIP) {
  console.error(`build: ${OUT} is over its gzip budget (${WIDGET_BUDGET_GZIP / 1024} KB, Lit included)`);
  process.exit(1);
}

/**
 * The auto-mode demo is the demo page with its explicit cards dropped and `data-auto` on
 * the script tag, so that both show the same article from one file: blocks between
 * `<!-- explicit -->` and `<!-- /explicit -->` go, `<!-- auto … /auto -->` comments open.
 */
function autoDemo(page: string): string {
  return page
    .replace(/><\/script><!-- auto: ([^>]*?) -->/, " $1></script>")
    .replace(/<!-- explicit -->[\s\S]*?<!-- \/explicit -->/g, "")
    .replace(/<!-- auto\s([\s\S]*?)\s*\/auto -->/g, "$1")
    .replace("grid-template-columns: minmax(0, 38rem) minmax(18rem, 36rem)", "grid-template-columns: minmax(0, 42rem)");
}

await writeFile("public/auto.html", autoDemo(await readFile("public/index.html", "utf8")));

// The component manifest (custom-elements-manifest.config.mjs says what it reads).
execFileSync(process.execPath, ["node_modules/@custom-elements-manifest/analyzer/cem.js", "analyze", "--quiet"], {
  stdio: "inherit",
});
console.log("build: custom-elements.json");
