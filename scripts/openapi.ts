/**
 * Writes `public/openapi.json`, the OpenAPI document generated from the app's routes
 * (see `worker/openapi/document.ts`), with a placeholder server that the Worker replaces
 * by its public origin when it serves the file. Part of `npm run build`.
 *
 * @module
 */
import { writeFile } from "node:fs/promises";
import { app } from "../worker/app.ts";
import { openApiDocument } from "../worker/openapi/document.ts";

const OUT = "public/openapi.json";
const doc = await openApiDocument(app as never, "http://127.0.0.1:8787");
await writeFile(OUT, `${JSON.stringify(doc, null, 2)}\n`);
const operations = Object.values(doc.paths as Record<string, object>).reduce(
  (n, item) => n + Object.keys(item).length,
  0,
);
console.log(`build: ${OUT} (${operations} operations)`);
