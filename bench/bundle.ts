/**
 * Sizes of what ships: the Worker bundle exactly as `wrangler deploy` would upload it
 * (`--dry-run --outdir`), and `public/widget.js`, raw and gzip.
 *
 * @module
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { wrangler } from "../lib/wrangler.ts";

/** A file's size, raw and gzip (level 9). */
export interface Size {
  bytes: number;
  gzip: number;
}

function size(buf: Buffer): Size {
  return { bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** The Worker bundle's size: the JavaScript modules `wrangler deploy` would upload. */
export async function workerBundleSize(): Promise<Size> {
  const out = await mkdtemp(join(tmpdir(), "claimcard-bundle-"));
  try {
    await wrangler(["deploy", "--dry-run", "--outdir", out]);
    const files = (await readdir(out)).filter((f) => /\.(m?js|wasm)$/.test(f));
    const bufs = await Promise.all(files.map((f) => readFile(join(out, f))));
    return size(Buffer.concat(bufs));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The widget bundle's size (run `npm run build` first). */
export async function widgetSize(): Promise<Size> {
  return size(await readFile("public/widget.js"));
}
