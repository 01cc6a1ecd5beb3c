/// <reference types="vite/client" />
/**
 * The list index: `buildCatalog` over the reviewed records of `data/` (Vite inlines the
 * JSON, as in the Worker tests), and `pageCatalog`'s filters and cursor, which must page
 * through a list without repeating or skipping a claim, even when claims are added or
 * removed between two requests.
 */
import { describe, expect, it } from "vitest";
import registry from "../../data/entities.json";
import { type Claim, checkDataset } from "../../schema/index.ts";
import { LIST_LIMIT } from "../../shared/constants.ts";
import { buildCatalog, type Catalog, type CatalogEntry, isValidCursor, pageCatalog } from "./catalog.ts";

const files = import.meta.glob("../../data/claims/*.json", { eager: true, import: "default" });
const { claims, entities, errors } = checkDataset(
  { path: "data/entities.json", json: registry },
  Object.entries(files).map(([path, json]) => ({ path: path.replace(/^(\.\.\/)+/, ""), json })),
);
const catalog = buildCatalog(claims, "test");
const parentOf = new Map(entities.map((e) => [e.id, e.parent]));

/** An entity and every entity it belongs to (the GRU's unit, the GRU, Russia). */
function lineage(id: string): string[] {
  const out: string[] = [];
  for (let at: string | undefined = id; at !== undefined && !out.includes(at); at = parentOf.get(at) ?? undefined)
    out.push(at);
  return out;
}

/** The ids of every claim, page after page, `limit` at a time. */
function pageAll(list: Catalog, query: Parameters<typeof pageCatalog>[1] = {}): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = pageCatalog(list, { ...query, ...(cursor === undefined ? {} : { cursor }) });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.cursor ?? undefined;
  } while (cursor !== undefined);
  return ids;
}

const newestFirst = (a: Claim, b: Claim) =>
  a.incident.date === b.incident.date ? (a.id < b.id ? -1 : 1) : a.incident.date < b.incident.date ? 1 : -1;

describe("buildCatalog over the reviewed records", () => {
  it("holds every record once, newest incident first, ties by id", () => {
    expect(errors).toEqual([]);
    expect(catalog.entries.map((e) => e.id)).toEqual([...claims].sort(newestFirst).map((c) => c.id));
  });

  it("finds claims by an accused's id, name or alias, its parts included", () => {
    const accusing = (id: string) =>
      claims.filter((c) => c.accused.some((a) => lineage(a).includes(id))).map((c) => c.id);
    const ids = (accused: string) => pageAll(catalog, { accused, limit: LIST_LIMIT.max }).sort();
    expect(ids("APT28")).toEqual(accusing("gru-unit-26165").sort());
    expect(ids("fancy bear")).toEqual(ids("APT28"));
    expect(ids("russia")).toEqual(accusing("russia").sort());
    expect(ids("Russie")).toEqual(ids("russia"));
    expect(ids("russia")).toEqual(expect.arrayContaining(ids("APT28")));
    expect(ids("russia").length).toBeGreaterThan(ids("APT28").length);
  });

  it("finds claims by an accuser, its agencies included", () => {
    const accusedBy = (id: string) =>
      claims.filter((c) => c.accusations.some((a) => lineage(a.by).includes(id))).map((c) => c.id);
    const ids = pageAll(catalog, { accuser: "United States", limit: LIST_LIMIT.max }).sort();
    expect(ids).toEqual(accusedBy("united-states").sort());
    expect(ids).toEqual(expect.arrayContaining(accusedBy("cisa")));
  });

  it("finds nothing for a name nobody has, prototype keys included", () => {
    for (const accused of ["nobody-at-all", "constructor", "__proto__", "toString"])
      expect(pageCatalog(catalog, { accused }).items, accused).toEqual([]);
  });

  it("filters by topic, status and incident date, and writes titles in the language asked", () => {
    const wipers = pageCatalog(catalog, { topic: "wiper-malware", limit: LIST_LIMIT.max }).items;
    expect(wipers.map((i) => i.id).sort()).toEqual(
      claims
        .filter((c) => c.topics.includes("wiper-malware"))
        .map((c) => c.id)
        .sort(),
    );
    const alleged = pageCatalog(catalog, { status: "alleged", limit: LIST_LIMIT.max }).items;
    expect(alleged.length).toBeGreaterThan(0);
    expect(alleged.every((i) => i.status === "alleged")).toBe(true);
    const recent = pageCatalog(catalog, { since: "2022-01-01", limit: LIST_LIMIT.max }).items;
    expect(recent.map((i) => i.id).sort()).toEqual(
      claims
        .filter((c) => c.incident.date >= "2022")
        .map((c) => c.id)
        .sort(),
    );
    const [fr] = pageCatalog(catalog, { lang: "fr", limit: 1 }).items;
    const newest = [...claims].sort(newestFirst)[0]!;
    expect(fr).toMatchObject({
      id: newest.id,
      lang: "fr",
      title: newest.incident.title.fr,
      href: `/v1/claims/${newest.id}`,
    });
    expect(pageCatalog(catalog, { limit: 1 }).items[0]?.title).toBe(newest.incident.title.en);
  });

  it("answers LIST_LIMIT.default items when no limit is asked", () => {
    expect(claims.length).toBeGreaterThan(LIST_LIMIT.default);
    expect(pageCatalog(catalog, {}).items).toHaveLength(LIST_LIMIT.default);
  });
});

/** A list entry of a made-up claim. */
function entry(id: string, date: string): CatalogEntry {
  const text = { fr: `Incident ${id}`, en: `Incident ${id}` };
  return {
    id,
    version: 1,
    updatedAt: "2024-01-01T00:00:00.000Z",
    status: "alleged",
    date,
    title: text,
    summary: text,
    accused: ["russia"],
    accusers: ["united-states"],
    topics: ["espionage"],
  };
}

/** A catalog of `entries`, sorted as `buildCatalog` sorts. */
function listOf(entries: CatalogEntry[]): Catalog {
  const sorted = [...entries].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1));
  return { generation: "g", entries: sorted, names: {} };
}

describe("pageCatalog's cursor", () => {
  const list = listOf([
    entry("e-2024", "2024-03-01"),
    entry("d-2022", "2022-05"),
    entry("c-2022", "2022-05"),
    entry("b-2016", "2016"),
    entry("a-2014", "2014-12-31"),
  ]);

  it("pages through the list in order, each claim once, and ends with a null cursor", () => {
    expect(pageAll(list, { limit: 2 })).toEqual(["e-2024", "c-2022", "d-2022", "b-2016", "a-2014"]);
    expect(pageAll(list, { limit: 1 })).toEqual(pageAll(list, { limit: LIST_LIMIT.max }));
    expect(pageCatalog(list, { limit: 5 }).cursor).toBeNull();
  });

  it("stays right when claims are added and removed between two pages", () => {
    const first = pageCatalog(list, { limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual(["e-2024", "c-2022"]);
    // Between the two requests: the last claim of the first page is deleted, a newer
    // claim is added (the reader has passed its place), and an older one too.
    const changed = listOf([
      ...list.entries.filter((e) => e.id !== "c-2022"),
      entry("f-2025", "2025-01-01"),
      entry("a-2015", "2015-06"),
    ]);
    const rest = pageAll(changed, { limit: 2, cursor: first.cursor! });
    expect(rest).toEqual(["d-2022", "b-2016", "a-2015", "a-2014"]);
  });

  it("issues cursors that it recognizes, and recognizes no other string", () => {
    const { cursor } = pageCatalog(list, { limit: 1 });
    expect(cursor).not.toBeNull();
    expect(isValidCursor(cursor!)).toBe(true);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(isValidCursor("MjAxNi0wN3xkbmMtaGFjay0yMDE2")).toBe(true);
    const encode = (s: string) => btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    for (const forged of [
      "",
      "!!!",
      "bm90LWEtY3Vyc29y",
      encode("2016|DNC Hack"),
      encode("16-07|dnc"),
      encode("2016-07"),
    ])
      expect(isValidCursor(forged), forged).toBe(false);
  });
});
