/**
 * `POST /v1/match`: the claims an article is about. This is what the widget's auto mode
 * calls with the text of the page it is on.
 *
 * @module
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { resolver } from "hono-openapi";
import { type Claim, type Match, MatchRequest, MatchResult } from "../../schema/index.ts";
import { MATCH_LIMIT, MATCH_MAX_BYTES, MATCH_MAX_CHARS } from "../../shared/constants.ts";
import type { AppEnv } from "../env.ts";
import { type Found, matchArticle } from "../match/match.ts";
import { matchLimit } from "../middleware/rate-limit.ts";
import { jsonOrPlainText } from "../middleware/simple-json.ts";
import { validate } from "../middleware/validate.ts";
import { json, operation } from "../openapi/describe.ts";
import { Problem } from "../problem.ts";
import { normalizeArticleUrl } from "../store/article-url.ts";
import { linkedRecords } from "../store/linked.ts";

/**
 * @example
 * app.route("/v1/match", match);
 */
export const match = new Hono<AppEnv>().post(
  "/",
  operation({
    operationId: "matchArticle",
    access: "public",
    tags: ["claims"],
    summary: "Claims an article is about",
    description: `The records a French or English article is about, not merely mentions: evidence in the title or lead or spread over several sentences, weighed with the article's dates (and the date in \`url\`'s path); \`lang\` picks the stemming (detected if absent). An unrelated article, or one in another language, gets no match. At most one card per incident: related records the article also speaks of are listed in a match's \`related\`. Each match quotes the sentence that carries the most evidence, as a W3C text-quote selector. The first ${MATCH_MAX_CHARS} characters of \`text\` are read. Limited per client.`,
    requestBody: {
      required: true,
      description: "JSON; sent as text/plain it is read as JSON too (a CORS-simple request, with no preflight).",
      content: {
        "application/json": { schema: resolver(MatchRequest) },
        "text/plain": { schema: resolver(MatchRequest) },
      },
    },
    problems: [
      "invalid-json",
      "bad-request",
      "payload-too-large",
      "unsupported-media-type",
      "rate-limited",
      "not-loaded",
      "unavailable",
    ],
    responses: {
      200: json(MatchResult, "The relevant claims, best first"),
    },
  }),
  matchLimit,
  bodyLimit({
    maxSize: MATCH_MAX_BYTES,
    onError: () => {
      throw new Problem("payload-too-large", `The body must be at most ${MATCH_MAX_BYTES} bytes.`);
    },
  }),
  jsonOrPlainText,
  validate("json", MatchRequest),
  async (c) => {
    const { text, title, url, lang, limit = MATCH_LIMIT.default } = c.req.valid("json");
    const store = c.var.store;
    const index = await store.matchIndex();
    if (!index) throw new Problem("not-loaded", "The match index is empty: run npm run data:load.");

    const found = matchArticle(index, { text: text.slice(0, MATCH_MAX_CHARS), title, url, lang }, MATCH_LIMIT.max);
    const normalized = url ? normalizeArticleUrl(url) : null;
    const linked = normalized ? await linkedRecords(store, normalized) : [];
    const matches: Match[] = linked.slice(0, limit).map((claim) => {
      const same = found.find((f) => f.id === claim.id);
      return { id: claim.id, score: 1, anchor: same?.anchor ?? null, related: same?.related ?? [], claim };
    });
    // One card per incident: a found record related to a linked one is listed in its `related`.
    const rest: Found[] = [];
    for (const f of found) {
      if (matches.some((m) => m.id === f.id)) continue;
      const cousin = matches.find((m) => m.claim.related?.includes(f.id));
      if (cousin) cousin.related = [...new Set([...cousin.related, f.id])];
      else if (matches.length + rest.length < limit) rest.push(f);
    }
    const records = await Promise.all(rest.map((f) => store.claim(f.id)));
    rest.forEach((f, i) => {
      const hit = records[i];
      if (hit)
        matches.push({
          id: f.id,
          score: f.score,
          anchor: f.anchor,
          related: f.related,
          claim: JSON.parse(hit.json) as Claim,
        });
    });
    c.header("Cache-Control", "no-store");
    return c.json({ matches });
  },
);
