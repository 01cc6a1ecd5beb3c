/**
 * `npm run match:eval [-- dir] [--verbose]`: runs the matcher over written test articles
 * (tests/fixtures/articles/, the calibration set, by default; tests/fixtures/holdout/,
 * holdout2/ and failures/ are the other written sets) against the dataset in data/, and
 * prints what each article found, then precision and recall. An expected record counts
 * as found when it is a card or a related record linked from one (one card per incident).
 * The real published articles are evaluated by `match-eval-real.ts`.
 *
 * @module
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { answer, parseArticle, score } from "../lib/articles.ts";
import { readDataset } from "../lib/dataset.ts";
import { buildMatchIndex } from "../worker/match/build-index.ts";
import { matchArticle } from "../worker/match/match.ts";

const DIR = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "tests/fixtures/articles";
const { claims, errors } = await readDataset("data");
if (errors.length) throw new Error(errors.join("\n"));
const index = buildMatchIndex(claims, "eval");
const articles = await Promise.all(
  (await readdir(DIR))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map(async (f) => parseArticle(f.replace(/\.txt$/, ""), await readFile(join(DIR, f), "utf8"))),
);
const verbose = process.argv.includes("--verbose");
const result = score(articles, (a) => {
  const found = matchArticle(index, a, 10);
  if (verbose)
    for (const f of found)
      console.log(`    ${a.name} → ${f.id} ${f.score} [${f.related.join(", ")}] «${f.anchor?.exact.slice(0, 80)}»`);
  return answer(found);
});
for (const { article, got, related } of result.rows) {
  const ok = new Set([...article.expect, ...article.allow]);
  const wrong = got.filter((id) => !ok.has(id));
  const missed = article.expect.filter((id) => !got.includes(id) && !related.includes(id));
  const mark = wrong.length || missed.length ? "✗" : "✓";
  console.log(
    `${mark} ${article.name.padEnd(34)} ${article.lang} got [${got.join(", ")}]${related.length ? ` related [${related.join(", ")}]` : ""}${missed.length ? ` missed [${missed.join(", ")}]` : ""}${wrong.length ? ` wrong [${wrong.join(", ")}]` : ""}`,
  );
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  `\n${articles.length} articles (${result.negatives} off-topic): precision ${pct(result.precision)}, recall ${pct(result.recall)}; ${result.falsePositives} false positive(s), ${result.falseNegatives} miss(es), ${result.negativesWithMatches} off-topic article(s) with a match`,
);
