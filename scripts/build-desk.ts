/**
 * Builds the desk (`desk/`) into `public/desk.js`, one minified ES module (Lit, Valibot,
 * the schema and the real `<claim-card>` included), and copies its page to
 * `public/admin.html`; the Worker serves them at `/admin/desk.js` and `/admin`. The
 * widget's build (`scripts/build.ts`) and budget are not touched: only editors load this.
 *
 * @module
 */
import { copyFile, readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const OUT = "public/desk.js";

await build({
  entryPoints: ["desk/index.ts"],
  outfile: OUT,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "eof",
  sourcemap: false,
  logLevel: "warning",
});
await copyFile("desk/index.html", "public/admin.html");
const bytes = await readFile(OUT);
console.log(
  `build: ${OUT} ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzip; public/admin.html`,
);
