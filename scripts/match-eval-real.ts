/**
 * `npm run match:eval:real -- [--set dev|fresh] [--list] [--why] [--lang] [--write] [--api <origin>]`:
 * runs the real matching function (the one `POST /v1/match` calls) over published
 * articles labelled by the people who gathered them, and prints per-language figures.
 *
 * Two sets, kept apart:
 * - `dev` (default): every `candidates-*.jsonl` (437 articles). All of it is development
 *   data: it was read and tuned on (`--list`, `--why`). `--write` writes
 *   docs/matching-set.json.
 * - `fresh`: `fresh-heldout.jsonl`, gathered and labelled by someone else before anything
 *   was run, and run once, when the matcher was final. It prints figures only (no
 *   `--list`, no `--why`: nothing is tuned on it); `--write` writes
 *   docs/matching-fresh.json.
 *
 * The articles' texts are never committed: they are read from `$MATCH_EVAL_TEXTS`, else
 * /work/research/eval, else `.cache/match-eval/` (gitignored), one
 * `{url, lang, label, kind?, title, text, …}` per line. Duplicate URLs are dropped. A
 * leading "date 2020-10-19" that the gatherers prefixed to some texts is removed: a page
 * does not carry it, and it would give the matcher a date for free. The JSON files
 * written hold URL, language, label, kind and the cards and related records returned,
 * never the text.
 *
 * By default the matcher gets what auto mode sends: title, text and URL, no `lang` (it
 * is detected); `--lang` passes the gatherer's language too. `--api <origin>` also sends
 * a sample of development articles whose URL no record links to (a linked URL is
 * answered from the record, not by matching) to a running `POST /v1/match`, and checks
 * that the API answers what the function does.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { answer, figures, type LabelledResult, type LanguageFigures } from "../lib/articles.ts";
import { readDataset } from "../lib/dataset.ts";
import { MATCH_LIMIT } from "../shared/constants.ts";
import { buildMatchIndex } from "../worker/match/build-index.ts";
import { collectEvidence } from "../worker/match/evidence.ts";
import { weigh } from "../worker/match/judge.ts";
import { matchArticle } from "../worker/match/match.ts";
import { sentences } from "../worker/match/text.ts";
import { normalizeArticleUrl } from "../worker/store/article-url.ts";

/** One labelled article, as gathered. */
interface Row {
  url: string;
  lang: string;
  label: string;
  kind?: string;
  about: string;
  title: string;
  text: string;
}

/** The two sets: which files they read, and where `--write` writes. */
const SETS = {
  dev: { files: /^candidates-.*\.jsonl$/, out: "docs/matching-set.json" },
  fresh: { files: /^fresh-heldout\.jsonl$/, out: "docs/matching-fresh.json" },
} as const;

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const setName = arg("--set") ?? "dev";
if (setName !== "dev" && setName !== "fresh") throw new Error("--set is dev or fresh");
const set = SETS[setName];
if (setName === "fresh" && (process.argv.includes("--list") || process.argv.includes("--why")))
  throw new Error("the fresh set is run for its figures only: no --list, no --why");

const dir = [process.env.MATCH_EVAL_TEXTS, "/work/research/eval", ".cache/match-eval"].find(
  (d): d is string => !!d && existsSync(d),
);
if (!dir) {
  console.error("No article texts: set MATCH_EVAL_TEXTS or put candidates-*.jsonl in .cache/match-eval/.");
  process.exit(1);
}
const files = (await readdir(dir)).filter((f) => set.files.test(f)).sort();
if (files.length === 0) {
  console.error(`No ${setName} set in ${dir}.`);
  process.exit(1);
}
const rows: Row[] = [];
const seen = new Set<string>();
for (const f of files) {
  for (const line of (await readFile(join(dir, f), "utf8")).split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Row;
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    r.text = r.text.replace(/^\s*date \d{4}(?:-\d\d){0,2}\s*/, "");
    // Absent kind: a positive, or a near miss the gatherers labelled "none".
    if (r.label === "none" && !r.kind) r.kind = "near-miss";
    if (r.lang !== "fr" && r.lang !== "en") r.kind = "other-language";
    rows.push(r);
  }
}

const { claims, errors } = await readDataset("data");
if (errors.length) throw new Error(errors.join("\n"));
const index = buildMatchIndex(claims, "eval");
const passLang = process.argv.includes("--lang");
const run = (r: Row) =>
  matchArticle(
    index,
    {
      text: r.text,
      title: r.title || undefined,
      url: r.url,
      lang: passLang && (r.lang === "fr" || r.lang === "en") ? r.lang : undefined,
    },
    10,
  );

const results = new Map<Row, ReturnType<typeof answer>>();
for (const r of rows) results.set(r, answer(run(r)));

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "–");
const line = (lang: string, f: LanguageFigures) =>
  `| ${lang} | ${f.positives} | ${f.found}/${f.positives} = ${pct(f.found, f.positives)} | ${f.top1}/${f.answered} = ${pct(f.top1, f.answered)} | ${f.rightCards}/${f.cards} = ${pct(f.rightCards, f.cards)} | ${f.nearMissCards}/${f.nearMisses} = ${pct(f.nearMissCards, f.nearMisses)} (${f.nearMissesWithCards} articles) | ${f.unrelatedCards}/${f.unrelated} = ${pct(f.unrelatedCards, f.unrelated)} (${f.unrelatedWithCards} articles) |`;
const labelled: LabelledResult[] = [...results].map(([r, a]) => ({
  lang: r.lang,
  label: r.label,
  kind: r.kind,
  cards: a.cards,
}));
const figs = figures(labelled);
console.log(`\n${setName} set (${labelled.length} articles)${passLang ? ", lang passed" : ""}:\n`);
console.log(
  "| lang | positives | recall | top-1 when found | precision of cards | wrong cards on near misses | wrong cards on unrelated |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const lang of ["fr", "en"]) if (figs[lang]) console.log(line(lang, figs[lang]));
const otherArticles = labelled.filter((r) => r.lang !== "fr" && r.lang !== "en");
const otherLangs = [...new Set(otherArticles.map((r) => r.lang))];
console.log(
  `\nOther languages (${otherLangs.join(", ")}): ${otherArticles.filter((r) => r.cards.length === 0).length}/${otherArticles.length} got []`,
);

/** Right: a positive's record is the one card; anything else gets none. */
const right = (r: Row, a: ReturnType<typeof answer>) =>
  r.label === "none" || r.kind === "other-language"
    ? a.cards.length === 0
    : a.cards[0] === r.label && a.cards.length === 1;

if (process.argv.includes("--list")) {
  for (const [r, a] of results) {
    console.log(
      `${right(r, a) ? "✓" : "✗"} ${r.lang} ${r.label.padEnd(34)} ${r.kind ?? ""} cards [${a.cards.join(", ")}] related [${a.related.join(", ")}] ${r.url.slice(0, 90)}`,
    );
  }
}

// --why: for each wrong article, why its record failed or a wrong card passed.
if (process.argv.includes("--why")) {
  for (const [r, a] of results) {
    if (right(r, a)) continue;
    const positive = r.label !== "none" && r.kind !== "other-language";
    const ev = collectEvidence(index, { text: r.text, title: r.title, url: r.url }, sentences(r.text));
    if (!ev) continue;
    const show = (id: string) => {
      const c = index.claims.indexOf(id);
      const h = ev.hits.get(c);
      if (!h) return `${id}: no evidence`;
      const v = weigh(index, ev, c, h, null, true);
      const p = v.parts;
      return `${id}: ${v.pass ? "pass" : "fail"} weight ${v.weight.toFixed(1)}/${v.threshold} concepts ${p.pieces} sentences ${p.spread}${p.inLead ? "+lead" : ""} own ${p.own.toFixed(1)} alone ${p.unique.toFixed(1)}${p.named ? "" : " unnamed"}${p.otherActor ? " other-actor" : ""}${ev.cyber ? "" : " no-hacking-word"} dates +${p.support}/-${p.against}${p.late ? " late" : ""}${p.predates ? " predates" : ""}`;
    };
    const lines = positive ? [show(r.label)] : [];
    for (const g of a.cards) if (g !== r.label) lines.push(`WRONG ${show(g)}`);
    console.log(`${r.lang} ${r.url.slice(8, 70).padEnd(62)} | ${lines.join(" | ")}`);
  }
}

if (process.argv.includes("--write")) {
  const out = rows.map((r) => {
    const a = results.get(r)!;
    return { url: r.url, lang: r.lang, label: r.label, kind: r.kind ?? null, ...a };
  });
  // Written as the repository's formatter (Biome) lays JSON out, so that `npm run lint` passes.
  const value = (v: unknown) =>
    Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(", ")}]` : JSON.stringify(v);
  const body = out
    .map(
      (e) =>
        `  {\n${Object.entries(e)
          .map(([k, v]) => `    ${JSON.stringify(k)}: ${value(v)}`)
          .join(",\n")}\n  }`,
    )
    .join(",\n");
  await writeFile(set.out, `[\n${body}\n]\n`);
  console.log(`\nwrote ${set.out} (${out.length} articles)`);
}

const api = arg("--api");
if (api) {
  const linked = new Set(claims.flatMap((c) => c.urls.map((u) => normalizeArticleUrl(u))));
  const sample = [...results].filter(([r]) => !linked.has(normalizeArticleUrl(r.url))).filter((_, i) => i % 6 === 0);
  let same = 0;
  for (const [r, a] of sample) {
    const res = await fetch(`${api}/v1/match`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        text: r.text,
        ...(r.title ? { title: r.title } : {}),
        url: r.url,
        limit: MATCH_LIMIT.max,
      }),
    });
    const body = (await res.json()) as { matches: Array<{ id: string; related: string[] }> };
    const got = answer(body.matches);
    const agree = JSON.stringify(got) === JSON.stringify(a);
    if (agree) same++;
    else console.log(`API differs on ${r.url}: API ${JSON.stringify(got)}, function ${JSON.stringify(a)}`);
  }
  console.log(`\nPOST ${api}/v1/match agrees with the function on ${same}/${sample.length} ${setName} articles.`);
}
