/**
 * Finds the records an article is *about*, with the prebuilt {@link MatchIndex}. The
 * work is lookups only: every stemmed word and phrase of up to four words of the title
 * and of each sentence is looked up once (`evidence.ts`), and each record's evidence is
 * then judged (`judge.ts`). A record is returned only when
 *
 * 1. the article is in French or English, and about a cyberattack (a hacking word, or a
 *    hacking group's name);
 * 2. it is about the incident, not a mention of it: the evidence is in the title or the
 *    lead, or spread over three sentences or more; one sentence never carries a match;
 * 3. the evidence is enough: distinct concepts (synonyms and aliases of one thing count
 *    once) whose weight, with the dates' verdict, reaches the threshold;
 * 4. it names one of the accused, or its evidence is much stronger (an article on the
 *    Equifax breach before any attribution is still about that incident);
 * 5. it is the best-supported of its related records, or has evidence of its own.
 *
 * @module
 */
import type { TextQuote } from "../../schema/index.ts";
import { collectEvidence } from "./evidence.ts";
import { type Decision, judge } from "./judge.ts";
import type { MatchIndex } from "./match-index.ts";
import type { Lang } from "./stem.ts";
import { type Sentence, sentences } from "./text.ts";

/** The longest `exact` quoted from the article. */
const MAX_QUOTE = 280;
/** Characters of context before and after the quote. */
const CONTEXT = 32;

/** What the matcher reads. */
export interface Article {
  text: string;
  title?: string | undefined;
  /** The article's address: a date in its path is its publication date. */
  url?: string | undefined;
  /** The article's language, if known: its stemming is applied. Detected otherwise. */
  lang?: Lang | undefined;
}

/** One record the article is about. */
export interface Found {
  claim: number;
  id: string;
  /** 0–1: the evidence weight `w` as `w / (w + THRESHOLD)`, so 0.5 is the threshold. */
  score: number;
  /** The best sentence, as a W3C text-quote selector into `text`, or null when only the title matched. */
  anchor: TextQuote | null;
  /** Related records the article also speaks of, without evidence of their own: linked from this card, never cards themselves. */
  related: string[];
}

/**
 * The records an article is about, best first, at most `limit`, at most one per incident.
 *
 * @example
 * matchArticle(index, { title: "Les hackers de Fancy Bear…", text, lang: "fr" }, 3);
 * // [{ claim: 1, id: "dnc-hack-2016", score: 0.83, anchor: { exact: "…", prefix: "…", suffix: "…" }, related: [] }]
 */
export function matchArticle(index: MatchIndex, article: Article, limit = 3): Found[] {
  const spans = sentences(article.text);
  const evidence = collectEvidence(index, article, spans);
  if (evidence === null) return [];
  return judge(index, evidence)
    .slice(0, limit)
    .map((d) => found(index, article.text, spans, d));
}

function found(index: MatchIndex, text: string, spans: readonly Sentence[], d: Decision): Found {
  return {
    claim: d.claim,
    id: index.claims[d.claim]!,
    score: Math.round((d.weight / (d.weight + d.threshold)) * 1000) / 1000,
    anchor: anchor(text, spans, d.bestSentence),
    related: d.related.map((c) => index.claims[c]!),
  };
}

/** A text-quote selector on one sentence. */
function anchor(text: string, spans: readonly Sentence[], sentence: number): TextQuote | null {
  const span = spans[sentence];
  if (!span) return null;
  const end = Math.min(span.end, span.start + MAX_QUOTE);
  return {
    exact: text.slice(span.start, end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    suffix: text.slice(end, end + CONTEXT),
  };
}
