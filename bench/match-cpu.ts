/**
 * CPU time of one `POST /v1/match`, measured on the pure matching function in Node
 * (workerd freezes clocks during a request, so it cannot time itself): articles of
 * 200, 1,500 and 5,000 words against 100, 1,000 and 10,000 claims (the seed records
 * plus synthetic ones). Prints a table; `matchCpu()` returns the rows.
 *
 * @module
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArticle } from "../lib/articles.ts";
import { readDataset } from "../lib/dataset.ts";
import { percentile } from "../lib/stats.ts";
import { buildMatchIndex } from "../worker/match/build-index.ts";
import { decodeMatchIndex, encodeMatchIndex } from "../worker/match/index-codec.ts";
import { matchArticle } from "../worker/match/match.ts";
import { syntheticArticle, syntheticClaims } from "./synthetic.ts";

/** One measured cell. */
export interface MatchCpuRow {
  claims: number;
  words: number;
  p50Ms: number;
  p99Ms: number;
  indexBuildMs: number;
  indexBytes: number;
  /** Time to read the stored index back (a cold isolate's cost). */
  decodeMs: number;
}

/** Runs every cell. */
export async function matchCpu({
  claimCounts = [100, 1000, 10_000],
  wordCounts = [200, 1500, 5000],
  runs = 200,
} = {}): Promise<MatchCpuRow[]> {
  const { claims: seed, errors } = await readDataset("data");
  if (errors.length) throw new Error(errors.join("\n"));
  const dir = "tests/fixtures/articles";
  const corpus = await Promise.all(
    (await readdir(dir))
      .filter((f) => f.endsWith(".txt"))
      .map(async (f) => parseArticle(f, await readFile(join(dir, f), "utf8")).text),
  );
  const rows: MatchCpuRow[] = [];
  for (const n of claimCounts) {
    const claims = [...seed, ...syntheticClaims(n - seed.length, seed[0]!)];
    let t = performance.now();
    const built = buildMatchIndex(claims, "bench");
    const indexBuildMs = performance.now() - t;
    const buf = encodeMatchIndex(built);
    t = performance.now();
    const index = decodeMatchIndex(buf);
    const decodeMs = performance.now() - t;
    for (const words of wordCounts) {
      const article = { title: "Cyberattaque : Washington accuse Moscou", text: syntheticArticle(corpus, words) };
      for (let i = 0; i < 20; i++) matchArticle(index, article);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        matchArticle(index, article);
        times.push(performance.now() - start);
      }
      rows.push({
        claims: n,
        words,
        p50Ms: percentile(times, 50),
        p99Ms: percentile(times, 99),
        indexBuildMs,
        indexBytes: buf.byteLength,
        decodeMs,
      });
    }
  }
  return rows;
}

if (import.meta.main) {
  const rows = await matchCpu();
  console.log("POST /v1/match CPU per request (pure matcher, Node 22, warm):");
  console.log("claims  words   p50 ms   p99 ms   index build ms  index KB  decode ms");
  for (const r of rows) {
    console.log(
      `${String(r.claims).padStart(6)} ${String(r.words).padStart(6)} ${r.p50Ms.toFixed(3).padStart(8)} ${r.p99Ms.toFixed(3).padStart(8)} ${r.indexBuildMs.toFixed(0).padStart(15)} ${(r.indexBytes / 1024).toFixed(0).padStart(9)} ${r.decodeMs.toFixed(1).padStart(10)}`,
    );
  }
}
