/**
 * `npm run build`: bundles the widget (Lit included) into `public/widget.js`, one
 * minified ES module lowered to ES2022 (no native decorators needed), and prints its
 * size, raw and gzip; and makes the auto-mode demo page, `public/auto.html`, from the
 * demo page.
 *
 * @module
 */

import { readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { build, type Plugin, transform } from "esbuild";

/** The widget budget (docs/design.md, Budgets): 12 KB gzip, Lit included. */
export const WIDGET_BUDGET_GZIP = 12 * 1024;

const OUT = "public/widget.js";

/**
 * Minifies the CSS inside Lit's css`…` tagged templates with esbuild's CSS minifier.
 * (esbuild leaves template literals as they are.) Each `${…}` part is swapped for a
 * placeholder identifier while the CSS is minified, then put back as it was, so that
 * nothing dynamic is ever rewritten.
 */
const minifyCss: Plugin = {
  name: "minify-lit-css",
  setup(b) {
    b.onLoad({ filter: /(widget|shared)\/[^/]*\.ts$/ }, async ({ path }) => {
      let source = await readFile(path, "utf8");
      for (const [whole, body] of source.matchAll(/css`((?:[^`$]|\$\{[^}]*\})*)`/g)) {
        const parts: string[] = [];
        const plain = body!.replace(/\$\{[^}]*\}/g, (part) => `__claimcard_part_${parts.push(part) - 1}__`);
        const { code } = await transform(plain, { loader: "css", minify: true });
        const restored = code.trim().replace(/__claimcard_part_(\d+)__/g, (_, i: string) => parts[Number(i)]!);
        source = source.replace(whole, `css\`${restored}\``);
      }
      return { contents: source, loader: "ts" };
    });
  },
};

await build({
  entryPoints: ["widget/index.ts"],
  outfile: OUT,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  sourcemap: false,
  logLevel: "warning",
  plugins: [minifyCss],
});

const bytes = await readFile(OUT);
const gz = gzipSync(bytes, { level: 9 }).length;
console.log(
  `build: ${OUT} ${(bytes.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(2)} KB gzip (budget ${WIDGET_BUDGET_GZIP / 1024} KB)`,
);
if (gz > WIDGET_BUDGET_GZIP) {
  console.error("build: widget.js is over its gzip budget");
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
    .replace("grid-template-columns: minmax(0, 42rem) minmax(18rem, 24rem)", "grid-template-columns: minmax(0, 42rem)");
}

await writeFile("public/auto.html", autoDemo(await readFile("public/index.html", "utf8")));
