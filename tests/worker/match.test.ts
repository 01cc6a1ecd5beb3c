/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from "vitest";
import { answer, parseArticle, score } from "../../lib/articles.ts";
import type { MatchResult } from "../../schema/index.ts";
import { PROBLEMS } from "../../shared/problems.ts";
import { buildMatchIndex } from "../../worker/match/build-index.ts";
import { decodeMatchIndex, encodeMatchIndex } from "../../worker/match/index-codec.ts";
import { matchArticle } from "../../worker/match/match.ts";
import { problem, request } from "./http.ts";
import { rateLimit } from "./rate-limits.ts";
import { seed, seedClaims } from "./seed.ts";

const load = (sources: Record<string, string>) =>
  Object.entries(sources).map(([path, text]) =>
    parseArticle(
      path
        .split("/")
        .pop()!
        .replace(/\.txt$/, ""),
      text,
    ),
  );
/** The calibration set: the matcher's weights and thresholds were tuned on it. */
const articles = load(
  import.meta.glob("../fixtures/articles/*.txt", { query: "?raw", import: "default", eager: true }),
);
/** Held-out sets, written by someone who never saw the matcher. */
const holdout = load(import.meta.glob("../fixtures/holdout/*.txt", { query: "?raw", import: "default", eager: true }));
const holdout2 = load(
  import.meta.glob("../fixtures/holdout2/*.txt", { query: "?raw", import: "default", eager: true }),
);
/** One written article per failure class of issue 9 (regression guards, written knowing the matcher). */
const failures = load(
  import.meta.glob("../fixtures/failures/*.txt", { query: "?raw", import: "default", eager: true }),
);
const article = (name: string) => articles.find((a) => a.name === name)!;
const failure = (name: string) => failures.find((a) => a.name === name)!;

beforeAll(async () => {
  await seed();
});

async function post(body: unknown, init: RequestInit = {}): Promise<Response> {
  return request("/v1/match", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    ...init,
  });
}

describe("the matcher, on the test articles (tests/fixtures/articles)", () => {
  const index = buildMatchIndex(seedClaims(), "test");

  it("has French and English, on-topic and off-topic articles", () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
    expect(articles.filter((a) => a.lang === "fr").length).toBeGreaterThanOrEqual(15);
    expect(articles.filter((a) => a.lang === "en").length).toBeGreaterThanOrEqual(15);
    expect(articles.filter((a) => a.expect.length === 0).length).toBeGreaterThanOrEqual(12);
  });

  it("finds what each article is about, and nothing for off-topic ones (precision and recall ≥ 95%)", () => {
    const result = score(articles, (a) => answer(matchArticle(index, a, 10)));
    const misses = result.rows.filter(
      (r) =>
        r.article.expect.some((id) => !r.got.includes(id) && !r.related.includes(id)) ||
        r.got.some((id) => ![...r.article.expect, ...r.article.allow].includes(id)),
    );
    expect(misses.map((r) => `${r.article.name}: got [${r.got}]`)).toEqual([]);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.negativesWithMatches).toBe(0);
  });

  it.each([
    ["the first held-out set", () => holdout, 24],
    ["the second held-out set", () => holdout2, 20],
  ])("keeps precision and recall ≥ 85%% on %s", (_name, set, size) => {
    const result = score(set(), (a) => answer(matchArticle(index, a, 10)));
    expect(set()).toHaveLength(size);
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
  });

  it.each(failures.map((a) => [a.name, a] as const))(
    "guards failure class %s (tests/fixtures/failures): one right card, the rest of what it covers linked, nothing else",
    (_name, a) => {
      const found = matchArticle(index, a, 10);
      expect(found.length).toBe(a.expect.length ? 1 : 0);
      if (!found.length) return;
      expect(a.expect).toContain(found[0]!.id);
      for (const id of a.expect) if (id !== found[0]!.id) expect(found[0]!.related).toContain(id);
      for (const id of found[0]!.related) expect([...a.expect, ...a.allow]).toContain(id);
    },
  );

  it("does not take a passing mention for a match: one sentence naming the DNC hack gives no DNC card, nor a link", () => {
    const a = failure("passing-mention-en-sandworm-indictment");
    expect(a.text).toMatch(/hacking the Democratic National Committee/);
    const found = matchArticle(index, a, 10);
    expect(found.map((f) => f.id)).toEqual(["gru-sandworm-indictment-2020"]);
    expect(found.flatMap((f) => f.related)).not.toContain("dnc-hack-2016");
  });

  it("counts WADA, World Anti-Doping Agency and anti-doping as one thing, named in one last sentence", () => {
    const a = failure("passing-mention-fr-bundestag");
    expect(a.text).toMatch(/AMA.*WADA/s);
    expect(matchArticle(index, a, 10).map((f) => f.id)).toEqual(["bundestag-hack-2015"]);
  });

  it("returns one card per incident: a related record the article also covers, with evidence of its own, is linked, not stacked", () => {
    const a = failure("stacking-en-gru-indictment");
    const found = matchArticle(index, a, 10);
    expect(found).toHaveLength(1);
    const other = found[0]!.id === "dnc-hack-2016" ? "gru-indictment-2018" : "dnc-hack-2016";
    expect(found[0]!.related).toContain(other);
    const claim = seedClaims().find((c) => c.id === found[0]!.id)!;
    for (const id of found[0]!.related) expect(claim.related).toContain(id);
    // Without the paragraph on the DNC hack itself, the DNC record has no evidence of its own: no link.
    const short = { ...a, text: a.text.replace(/\n\nThe break-in[\s\S]*?resign\./, "") };
    expect(short.text).not.toMatch(/CrowdStrike/);
    const alone = matchArticle(index, short, 10);
    expect(alone.map((f) => f.id)).toEqual(["gru-indictment-2018"]);
    expect(alone[0]!.related).not.toContain("dnc-hack-2016");
  });

  it("weighs the article's dates: a Kyivstar story of December 2023 gets no 2015 or 2016 grid card", () => {
    const a = failure("dates-en-later-sandworm-attack");
    expect(a.text).toMatch(/Sandworm/);
    expect(matchArticle(index, a, 10)).toEqual([]);
    const dated = { ...a, text: a.text.replace(/December 2023/g, "December 2015").replace(/May 2023/g, "May 2015") };
    expect(matchArticle(index, dated, 10)).toEqual([]);
  });

  it("lets the dates decide: one blackout story is the 2015 grid attack when dated December 2015, not when dated December 2016", () => {
    const story = (date: string) => ({
      title: "Hackers cause power outage in Ukraine",
      text: `A blackout hit homes in Ukraine on ${date}, the grid operator said, in what officials called a cyberattack on the power grid.\n\nEngineers restored electricity within hours by switching substations to manual control. Ukraine's security service blamed Russia, which denied any role. Experts said the attackers had prepared for months inside the network.`,
    });
    expect(matchArticle(index, story("23 December 2015")).map((f) => f.id)).toEqual(["ukraine-grid-2015"]);
    expect(matchArticle(index, story("17 December 2016")).map((f) => f.id)).not.toContain("ukraine-grid-2015");
  });

  it("reads the publication date in the URL: an article published before an incident is not about it", () => {
    const a = failure("french-recall-trump-campaign");
    expect(
      matchArticle(index, { ...a, url: "https://news.example.org/2024/08/12/iran-trump" }).map((f) => f.id),
    ).toEqual(["trump-campaign-iran-2024"]);
    expect(matchArticle(index, { ...a, url: "https://news.example.org/2019/08/12/iran-trump" })).toEqual([]);
  });

  it("reads the publication day in the URL: a story of 10 January 2018 is not about the attack of 9 February 2018", () => {
    const story = (url: string) => ({
      title: "Russian hackers target the Winter Olympics in PyeongChang",
      url,
      text: "Hackers working for Russian military intelligence attacked the organisers of the PyeongChang Winter Olympics, security researchers said, knocking the official website offline during the opening ceremony. The malware, which researchers called Olympic Destroyer, wiped computers of the organising committee. Russia denied any involvement.",
    });
    expect(matchArticle(index, story("https://news.example.org/2018/02/12/olympics")).map((f) => f.id)).toEqual([
      "olympic-destroyer-2018",
    ]);
    expect(matchArticle(index, story("https://news.example.org/2018/01/10/olympics"))).toEqual([]);
  });

  it("gives a story dated a year after an incident its card only when its headline names that incident itself", () => {
    const story = (url: string) => ({
      title: "Ukraine's power grid outage blamed on hackers",
      url,
      text: "Parts of northern Kyiv lost power over the weekend, and the national grid company said the outage may have been caused by hackers.\nThe company said a substation was cut off from the grid for just over an hour before engineers switched to manual control.\nSecurity experts compared it with the attack a year earlier, when hackers blamed on Russia cut power to hundreds of thousands of people in the Ivano-Frankivsk region using the BlackEnergy malware.\nUkraine's security service said it was investigating.",
    });
    // Undated, the words of the 2015 attack carry it; published in December 2016, they are background.
    expect(matchArticle(index, story("https://news.example.org/kyiv-outage")).map((f) => f.id)).toEqual([
      "ukraine-grid-2015",
    ]);
    expect(
      matchArticle(index, story("https://news.example.org/2016/12/19/kyiv-outage")).map((f) => f.id),
    ).not.toContain("ukraine-grid-2015");
  });

  it("gives two unrelated stories a card each when the headline names both accused, each anchored at a sentence of the body", () => {
    const dnc = article("dnc-fr-wikileaks-convention");
    const trump = article("trump-fr-inculpation-pasdaran");
    const text = `${dnc.text}\nÀ LIRE AUSSI : Les hackers russes et le Comité national démocrate\nL'équipe de Donald Trump visée\n${trump.text
      .split(/\n\s*\n/)
      .slice(0, 2)
      .join("\n")}`;
    const both = matchArticle(
      index,
      { title: "Piratages : de Moscou à Téhéran, les campagnes américaines visées", text },
      10,
    );
    expect(both.map((f) => f.id).sort()).toEqual(["dnc-hack-2016", "trump-campaign-iran-2024"]);
    for (const f of both) {
      expect(f.anchor!.exact).not.toMatch(/^À LIRE AUSSI/);
      expect(f.anchor!.exact.split(" ").length).toBeGreaterThanOrEqual(12);
    }
    // A headline that names neither accused: the second story, far from the lead, is not a card.
    const one = matchArticle(index, { title: "Piratages : les campagnes américaines visées", text }, 10);
    expect(one.map((f) => f.id)).toEqual(["dnc-hack-2016"]);
  });

  it.each([
    [
      "es",
      "Los piratas informáticos del grupo Sandworm, vinculados al GRU ruso, fueron acusados por el ataque NotPetya contra empresas de Ucrania. El gobierno de Estados Unidos dijo que fue el ataque más destructivo de la historia, y Rusia lo negó.",
    ],
    [
      "de",
      "Die Hackergruppe Sandworm des russischen Militärgeheimdienstes GRU soll hinter dem Angriff mit NotPetya stehen. Die Bundesregierung und die USA machen Russland für den Schaden verantwortlich, Moskau weist die Vorwürfe zurück.",
    ],
    [
      "pt",
      "O grupo de hackers Sandworm, ligado ao GRU russo, foi acusado pelo ataque NotPetya contra empresas da Ucrânia. O governo dos Estados Unidos disse que foi o ataque mais destrutivo da história, e a Rússia negou.",
    ],
    [
      "ar",
      "اتهمت الولايات المتحدة مجموعة Sandworm التابعة للاستخبارات العسكرية الروسية GRU بالهجوم ببرنامج NotPetya على الشركات الأوكرانية، ونفت روسيا ذلك.",
    ],
  ])("answers [] for an article in another language (%s), even one full of record names", (_lang, text) => {
    expect(text).toMatch(/NotPetya/);
    expect(matchArticle(index, { text, title: "NotPetya: Sandworm GRU" }, 10)).toEqual([]);
  });

  it("applies the stemming of the language it is given, with the same answer as when it detects it", () => {
    const fr = failure("french-recall-defacement-message");
    const en = failure("passing-mention-en-sandworm-indictment");
    expect(matchArticle(index, { ...fr, lang: "fr" })).toEqual(matchArticle(index, fr));
    expect(matchArticle(index, { ...en, lang: "en" })).toEqual(matchArticle(index, en));
    expect(matchArticle(index, fr).map((f) => f.id)).toEqual(["ukraine-ministries-2022"]);
  });

  it("finds GRU claims from an alias alone (Fancy Bear, APT28)", () => {
    for (const name of ["dnc-fr-alias-fancy-bear", "opcw-en-alias-apt28"]) {
      const a = article(name);
      expect(a.text).toMatch(/Fancy Bear|APT28/);
      expect(a.text).not.toMatch(/\bGRU\b/);
      expect(matchArticle(index, a).map((m) => m.id)).toEqual(a.expect);
    }
  });

  it("finds nothing in a story that shares Russie, États-Unis and coopération but no attribution", () => {
    const text =
      "La Russie et les États-Unis ont annoncé mardi une coopération renforcée sur la station spatiale internationale. Le Kremlin et Washington saluent un accord « mutuellement avantageux », a déclaré Dmitri Peskov.";
    expect(matchArticle(index, { text })).toEqual([]);
  });

  it("finds nothing in a cyberattack story with no state attribution", () => {
    expect(matchArticle(index, article("neg-fr-hopital-rancongiciel"))).toEqual([]);
    expect(matchArticle(index, article("neg-en-retailer-breach"))).toEqual([]);
  });

  it("matches the same through the binary KV form of the index", () => {
    const buf = encodeMatchIndex(index);
    const decoded = decodeMatchIndex(buf.slice(0));
    for (const a of articles) expect(matchArticle(decoded, a, 10), a.name).toEqual(matchArticle(index, a, 10));
    expect(() => decodeMatchIndex(new ArrayBuffer(64))).toThrow(/unknown format/);
  });

  it("quotes the sentence that carries the most evidence, exactly as in the text", () => {
    const a = article("ukraine-fr-sites-defigures");
    const [m] = matchArticle(index, a);
    expect(m!.anchor).not.toBeNull();
    const { exact, prefix, suffix } = m!.anchor!;
    expect(a.text).toContain(prefix + exact + suffix);
    expect(exact.length).toBeGreaterThan(20);
  });
});

describe("POST /v1/match", () => {
  it("returns the relevant claims with their records and scores", async () => {
    const a = article("trump-en-odni-statement");
    const res = await post({ text: a.text, title: a.title, lang: "en" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const { matches } = await res.json<MatchResult>();
    expect(matches.map((m) => m.id)).toEqual(["trump-campaign-iran-2024"]);
    expect(matches[0]!.related).toEqual([]);
    expect(matches[0]!.score).toBeGreaterThan(0.5);
    expect(matches[0]!.score).toBeLessThanOrEqual(1);
    expect(matches[0]!.claim.id).toBe("trump-campaign-iran-2024");
    expect(a.text).toContain(matches[0]!.anchor!.exact);
  });

  it("returns [] for an unrelated article", async () => {
    const res = await post({ text: article("neg-en-iran-nuclear-talks").text });
    expect(await res.json()).toEqual({ matches: [] });
  });

  it("puts the claims linked to the article's URL first", async () => {
    const linked = seedClaims().find((c) => c.urls.length)!;
    const res = await post({ text: "Un texte sans rapport.", url: linked.urls[0] });
    const { matches } = await res.json<MatchResult>();
    expect(matches[0]).toMatchObject({ id: linked.id, score: 1 });
  });

  it("answers the same as the matching function, with one card per incident and its related records", async () => {
    const a = failure("stacking-en-gru-indictment");
    const { matches } = await (await post({ text: a.text, title: a.title, limit: 10 })).json<MatchResult>();
    const index = buildMatchIndex(seedClaims(), "test");
    const direct = matchArticle(index, a, 10);
    expect(matches.map((m) => [m.id, m.related])).toEqual(direct.map((f) => [f.id, f.related]));
    expect(matches).toHaveLength(1);
    expect([matches[0]!.id, ...matches[0]!.related]).toEqual(
      expect.arrayContaining(["gru-indictment-2018", "dnc-hack-2016"]),
    );
  });

  it("answers [] for an article in another language", async () => {
    const text =
      "Los piratas informáticos del grupo Sandworm, vinculados al GRU ruso, fueron acusados por el ataque NotPetya contra empresas de Ucrania. El gobierno de Estados Unidos dijo que fue el ataque más destructivo, y Rusia lo negó.";
    expect(await (await post({ text })).json()).toEqual({ matches: [] });
  });

  it("lists a found record related to a linked one in the linked card's related, never as a second card", async () => {
    const claim = seedClaims().find((c) => c.id === "gru-indictment-2018")!;
    const a = failure("stacking-en-gru-indictment");
    const { matches } = await (
      await post({ text: a.text, title: a.title, url: claim.urls[0], limit: 10 })
    ).json<MatchResult>();
    expect(matches.map((m) => m.id)).toEqual(["gru-indictment-2018"]);
    expect(matches[0]!.score).toBe(1);
    expect(matches[0]!.related).toContain("dnc-hack-2016");
  });

  it("honours limit", async () => {
    const a = article("indictment-en-bitcoin-analysis");
    const one = await (await post({ text: a.text, limit: 1 })).json<MatchResult>();
    const all = await (await post({ text: a.text, limit: 10 })).json<MatchResult>();
    expect(one.matches).toHaveLength(1);
    expect(one.matches[0]!.id).toBe(all.matches[0]!.id);
    const linked = seedClaims().find((c) => c.id === "dnc-hack-2016")!;
    const capped = await (await post({ text: a.text, url: linked.urls[0], limit: 1 })).json<MatchResult>();
    expect(capped.matches.map((m) => m.id)).toEqual(["dnc-hack-2016"]);
  });

  it.each([
    ["no text", {}],
    ["empty text", { text: "" }],
    ["text of the wrong type", { text: 42 }],
    ["an unknown field", { text: "x", extra: true }],
    ["limit 0", { text: "x", limit: 0 }],
    ["limit 11", { text: "x", limit: 11 }],
    ["a javascript: url", { text: "x", url: "javascript:alert(1)" }],
    ["lang de", { text: "x", lang: "de" }],
    ["an array", [1, 2]],
    ["null", null],
  ])("answers 400 problem+json for %s", async (_what, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.status).toBe(400);
  });

  it("answers 400 for malformed JSON", async () => {
    const res = await request("/v1/match", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"text": "unterminated',
    });
    expect(res.status).toBe(400);
    expect((await problem(res)).detail).toMatch(/JSON/);
  });

  it("answers 415 for a body that is not JSON", async () => {
    const res = await request("/v1/match", {
      method: "POST",
      headers: { "Content-Type": "application/xml" },
      body: "<text>hello</text>",
    });
    expect(res.status).toBe(415);
    await problem(res);
  });

  it("reads a JSON body sent as text/plain (a CORS-simple request, as the widget sends it)", async () => {
    const res = await request("/v1/match", {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify({ text: "Les hackers russes ont piraté le Comité national démocrate, selon CrowdStrike." }),
    });
    expect(res.status).toBe(200);
    expect(Array.isArray((await res.json<{ matches: unknown[] }>()).matches)).toBe(true);
    const bad = await request("/v1/match", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "text=hello",
    });
    expect(bad.status).toBe(400);
    await problem(bad);
  });

  const rate = rateLimit("MATCH_LIMIT");
  it(`limits a client to ${rate.limit} matches in ${rate.period} s, with 429 and Retry-After, and not its neighbour`, async () => {
    const from = (ip: string) =>
      request("/v1/match", {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
        body: JSON.stringify({ text: "rien" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < rate.limit + 5; i++) statuses.push((await from("203.0.113.7")).status);
    expect(statuses.slice(0, rate.limit).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await from("203.0.113.7");
    expect(limited.headers.get("Retry-After")).toBe(String(PROBLEMS["rate-limited"].retryAfter));
    expect((await problem(limited)).title).toBe(PROBLEMS["rate-limited"].title);
    expect((await from("203.0.113.8")).status).toBe(200);
  });

  it("answers 413 for an oversized body", async () => {
    const res = await post({ text: "a".repeat(300 * 1024) });
    expect(res.status).toBe(413);
    await problem(res);
  });
});
