/**
 * `npm run match:eval:real -- [--part dev|heldout|both] [--list] [--why] [--lang] [--write] [--api <origin>]`:
 * runs the real matching function (the one `POST /v1/match` calls) over published
 * articles labelled by the people who gathered them, and prints per-language figures.
 *
 * The articles' texts are never committed: they are read from `$MATCH_EVAL_TEXTS`, else
 * /work/research/eval, else `.cache/match-eval/` (gitignored), as `candidates-*.jsonl`
 * (one `{url, lang, label, kind?, title, text, …}` per line). Duplicate URLs are dropped.
 * A leading "date 2020-10-19" that the gatherers prefixed to some texts is removed: a
 * page does not carry it, and it would give the matcher a date for free.
 *
 * The set is split by a hash of each URL: sha256's first hex digit 0–7 is the
 * development part (looked at while tuning: `--list`, `--why`), 8–f the held-out part,
 * of which only the figures are printed. `--write` (with `--part both`) writes
 * docs/matching-set.json: URL, language, label, kind, part and the cards and related
 * records returned, never the text.
 *
 * By default the matcher gets what auto mode sends: title, text and URL, no `lang` (it
 * is detected); `--lang` passes the gatherer's language too. `--api <origin>` also sends
 * a sample of development articles whose URL no record links to (a linked URL is
 * answered from the record, not by matching) to a running `POST /v1/match`, and checks
 * that the API answers what the function does.
 *
 * @module
 */
import { createHash } from "node:crypto";
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

/**
 * Which part of the set a URL belongs to: the first hex digit of its SHA-256, 0–7 for
 * development, 8–f held out.
 *
 * @example
 * part("https://www.engadget.com/us-doj-russian-government-hackers-notpetya-175301813.html"); // "dev" or "heldout"
 */
export function part(url: string): "dev" | "heldout" {
  return Number.parseInt(createHash("sha256").update(url).digest("hex")[0]!, 16) < 8 ? "dev" : "heldout";
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const want = arg("--part") ?? "dev";
if (!["dev", "heldout", "both"].includes(want)) throw new Error("--part is dev, heldout or both");

const dir = [process.env.MATCH_EVAL_TEXTS, "/work/research/eval", ".cache/match-eval"].find(
  (d): d is string => !!d && existsSync(d),
);
if (!dir) {
  console.error("No article texts: set MATCH_EVAL_TEXTS or put candidates-*.jsonl in .cache/match-eval/.");
  process.exit(1);
}
const rows: Row[] = [];
const seen = new Set<string>();
for (const f of (await readdir(dir)).filter((f) => /^candidates-.*\.jsonl$/.test(f)).sort()) {
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

const parts = want === "both" ? (["dev", "heldout"] as const) : ([want] as const);
const results = new Map<Row, ReturnType<typeof answer>>();
for (const r of rows) if ((parts as readonly string[]).includes(part(r.url))) results.set(r, answer(run(r)));

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "–");
const line = (lang: string, f: LanguageFigures) =>
  `| ${lang} | ${f.positives} | ${f.found}/${f.positives} = ${pct(f.found, f.positives)} | ${f.top1}/${f.answered} = ${pct(f.top1, f.answered)} | ${f.rightCards}/${f.cards} = ${pct(f.rightCards, f.cards)} | ${f.nearMissCards}/${f.nearMisses} = ${pct(f.nearMissCards, f.nearMisses)} (${f.nearMissesWithCards} articles) | ${f.unrelatedCards}/${f.unrelated} = ${pct(f.unrelatedCards, f.unrelated)} (${f.unrelatedWithCards} articles) |`;
for (const p of parts) {
  const labelled: LabelledResult[] = [...results]
    .filter(([r]) => part(r.url) === p)
    .map(([r, a]) => ({ lang: r.lang, label: r.label, kind: r.kind, cards: a.cards }));
  const figs = figures(labelled);
  console.log(`\n${p} part (${labelled.length} articles)${passLang ? ", lang passed" : ""}:\n`);
  console.log(
    "| lang | positives | recall | top-1 when found | precision of cards | wrong cards on near misses | wrong cards on unrelated |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const lang of ["fr", "en"]) if (figs[lang]) console.log(line(lang, figs[lang]));
  const others = Object.entries(figs).filter(([l]) => l !== "fr" && l !== "en");
  const n = others.reduce((s, [, f]) => s + f.positives + f.nearMisses + f.unrelated, 0);
  const otherArticles = labelled.filter((r) => r.lang !== "fr" && r.lang !== "en");
  console.log(
    `\nOther languages (${others.map(([l]) => l).join(", ")}): ${otherArticles.filter((r) => r.cards.length === 0).length}/${otherArticles.length} got [] ${n ? "" : ""}`,
  );
}

const dev = [...results].filter(([r]) => part(r.url) === "dev");
if (process.argv.includes("--list")) {
  for (const [r, a] of dev) {
    const ok =
      r.label === "none" || r.kind === "other-language"
        ? a.cards.length === 0
        : a.cards[0] === r.label && a.cards.length === 1;
    console.log(
      `${ok ? "✓" : "✗"} ${r.lang} ${r.label.padEnd(34)} ${r.kind ?? ""} cards [${a.cards.join(", ")}] related [${a.related.join(", ")}] ${r.url.slice(0, 90)}`,
    );
  }
}

// --why: for each wrong development article, why its record failed or a wrong card passed.
if (process.argv.includes("--why")) {
  for (const [r, a] of dev) {
    const positive = r.label !== "none" && r.kind !== "other-language";
    if (positive ? a.cards[0] === r.label && a.cards.length === 1 : a.cards.length === 0) continue;
    const ev = collectEvidence(index, { text: r.text, title: r.title, url: r.url }, sentences(r.text));
    if (!ev) continue;
    const show = (id: string) => {
      const c = index.claims.indexOf(id);
      const h = ev.hits.get(c);
      if (!h) return `${id}: no evidence`;
      const v = weigh(index, ev, c, h, null, true);
      const p = v.parts;
      return `${id}: ${v.pass ? "pass" : "fail"} weight ${v.weight.toFixed(1)}/${v.threshold} concepts ${p.pieces} sentences ${p.spread}${p.inLead ? "+lead" : ""}${p.named ? "" : " unnamed"}${ev.cyber ? "" : " no-hacking-word"} dates +${p.support}/-${p.against}`;
    };
    const lines = positive ? [show(r.label)] : [];
    for (const g of a.cards) if (g !== r.label) lines.push(`WRONG ${show(g)}`);
    console.log(`${r.lang} ${r.url.slice(8, 70).padEnd(62)} | ${lines.join(" | ")}`);
  }
}

if (process.argv.includes("--write")) {
  if (want !== "both") throw new Error("--write needs --part both");
  const set = rows.map((r) => {
    const a = results.get(r)!;
    return { url: r.url, lang: r.lang, label: r.label, kind: r.kind ?? null, part: part(r.url), ...a };
  });
  // Written as the repository's formatter (Biome) lays JSON out, so that `npm run lint` passes.
  const value = (v: unknown) =>
    Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(", ")}]` : JSON.stringify(v);
  const body = set
    .map(
      (e) =>
        `  {\n${Object.entries(e)
          .map(([k, v]) => `    ${JSON.stringify(k)}: ${value(v)}`)
          .join(",\n")}\n  }`,
    )
    .join(",\n");
  await writeFile("docs/matching-set.json", `[\n${body}\n]\n`);
  console.log(`\nwrote docs/matching-set.json (${set.length} articles)`);
}

const api = arg("--api");
if (api) {
  const linked = new Set(claims.flatMap((c) => c.urls.map((u) => normalizeArticleUrl(u))));
  const sample = dev.filter(([r]) => !linked.has(normalizeArticleUrl(r.url))).filter((_, i) => i % 3 === 0);
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
  console.log(`\nPOST ${api}/v1/match agrees with the function on ${same}/${sample.length} development articles.`);
}
