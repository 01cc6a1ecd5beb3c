import { beforeAll, describe, expect, it } from "vitest";
import type { ClaimList } from "../../schema/index.ts";
import { LIST_LIMIT } from "../../shared/constants.ts";
import { problem, request } from "./http.ts";
import { seed, seedClaims } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

async function list(query: string): Promise<ClaimList> {
  const res = await request(`/v1/claims${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

const ids = (page: ClaimList) => page.items.map((i) => i.id);

describe("GET /v1/claims", () => {
  it("lists every seed claim, newest incident first, in English by default, a page at a time", async () => {
    const claims = seedClaims();
    const first = await list("");
    expect(first.items).toHaveLength(Math.min(claims.length, LIST_LIMIT.default));
    expect(first.cursor === null).toBe(claims.length <= LIST_LIMIT.default);
    const page = await list(`?limit=${LIST_LIMIT.max}`);
    expect(page.items).toHaveLength(claims.length);
    expect(page.cursor).toBeNull();
    const dates = page.items.map((i) => i.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const newest = [...claims].sort((a, b) => (a.incident.date < b.incident.date ? 1 : -1))[0]!;
    expect(page.items[0]).toMatchObject({
      id: newest.id,
      lang: "en",
      href: `/v1/claims/${newest.id}`,
      title: newest.incident.title.en,
    });
  });

  it("answers in French with lang=fr", async () => {
    const page = await list(`?lang=fr&topic=wiper-malware&limit=${LIST_LIMIT.max}`);
    const expected = seedClaims().filter((c) => c.topics.includes("wiper-malware"));
    expect(page.items.map((i) => i.title).sort()).toEqual(expected.map((c) => c.incident.title.fr).sort());
    expect(page.items.map((i) => i.title)).toContainEqual(expect.stringMatching(/ukrainien/i));
  });

  it("filters by accused, by id, name or alias, including an entity's parts", async () => {
    const byAlias = ids(await list("?accused=APT28"));
    const byName = ids(await list("?accused=Fancy%20Bear"));
    expect(byAlias.length).toBeGreaterThan(0);
    expect(byName).toEqual(byAlias);
    expect(byAlias).toContain("dnc-hack-2016");
    expect(byAlias).not.toContain("trump-campaign-iran-2024");
    const russia = ids(await list(`?accused=russie&limit=${LIST_LIMIT.max}`));
    expect(russia).toEqual(
      expect.arrayContaining([
        "dnc-hack-2016",
        "gru-opcw-wada-2018",
        "ukraine-ministries-2022",
        "russia-election-interference-2016",
        "notpetya-2017",
      ]),
    );
    expect(russia).not.toContain("trump-campaign-iran-2024");
    expect(russia).not.toContain("sony-pictures-2014");
    expect(ids(await list("?accused=iran"))).toEqual(["trump-campaign-iran-2024", "albania-government-2022"]);
    expect(ids(await list("?accused=nobody-at-all"))).toEqual([]);
  });

  it("filters by accuser, topic, status and date", async () => {
    const claims = seedClaims();
    const accusedBy = (id: string) =>
      claims
        .filter((c) => c.accusations.some((a) => a.by === id))
        .map((c) => c.id)
        .sort();
    expect(ids(await list(`?accuser=microsoft&limit=${LIST_LIMIT.max}`)).sort()).toEqual(accusedBy("microsoft"));
    expect(ids(await list(`?accuser=microsoft&limit=${LIST_LIMIT.max}`))).toContain("trump-campaign-iran-2024");
    expect(ids(await list("?accuser=netherlands"))).toEqual(["gru-opcw-wada-2018"]);
    expect(ids(await list(`?status=alleged&limit=${LIST_LIMIT.max}`)).sort()).toEqual(
      claims
        .filter((c) => c.status === "alleged")
        .map((c) => c.id)
        .sort(),
    );
    const since = await list("?since=2018-01-01");
    expect(since.items.every((i) => i.date >= "2018")).toBe(true);
    expect(ids(since)).not.toContain("dnc-hack-2016");
    expect(ids(await list("?updatedSince=2100-01-01T00:00:00Z"))).toEqual([]);
  });

  it("pages with a cursor, without repeats or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const page: ClaimList = await list(`?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...ids(page));
      cursor = page.cursor;
      pages++;
    }
    const total = seedClaims().length;
    expect(pages).toBe(Math.ceil(total / 7));
    expect(seen).toEqual(ids(await list(`?limit=${LIST_LIMIT.max}`)));
    expect(new Set(seen).size).toBe(total);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["since=2018-13-01", "since"],
    ["lang=de", "lang"],
    ["status=proven", "status"],
    ["topic=Not%20A%20Slug", "topic"],
    ["acused=russia", "acused"],
    ["cursor=%3Cscript%3E", "cursor"],
    ["cursor=bm90LWEtY3Vyc29y", "cursor"],
    ["accused=a&accused=b", "accused"],
  ])("answers 400 problem+json naming the parameter for %s", async (query, name) => {
    const res = await request(`/v1/claims?${query}`);
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.errors?.some((e) => e.startsWith(`${name}:`)) ?? body.detail.startsWith(name)).toBe(true);
  });
});
