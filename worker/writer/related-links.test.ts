/**
 * What a write asks of the other records' `related`, worked out before anything is
 * written: links added or removed go both ways, a deletion leaves no link to the deleted
 * record, an import's own records are changed in place, and a record at its cap of
 * related records refuses the write instead of going over it.
 */
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../schema/index.ts";
import { RelatedLinks, withRelated } from "./related-links.ts";

/** Links over a live set given as `{ id: related }`. */
function over(set: Record<string, string[]>): RelatedLinks {
  return new RelatedLinks((id) => (Object.hasOwn(set, id) ? set[id]! : null));
}

describe("RelatedLinks", () => {
  it("links back what a write links to, and unlinks what it drops, leaving the rest alone", () => {
    const links = over({ a: ["b"], b: ["a"], c: [], d: ["x"], x: ["d"] });
    links.write("a", ["c", "d"]);
    expect(links.reconcile()).toBeNull();
    expect(Object.fromEntries(links.edits())).toEqual({
      b: { related: [], note: "related: unlinked from a" },
      c: { related: ["a"], note: "related: linked from a" },
      d: { related: ["x", "a"], note: "related: linked from a" },
    });
  });

  it("changes nothing for links that already go both ways, and skips ids with no record", () => {
    const links = over({ a: ["b"], b: ["a"] });
    links.write("a", ["b", "ghost"]);
    expect(links.reconcile()).toBeNull();
    expect(links.edits().size).toBe(0);
  });

  it("removes a deleted record from every record that lists it, one-way links included", () => {
    const links = over({ a: ["b"], b: ["a", "c"], c: ["b"], e: ["a"] });
    links.write("a", null, ["b", "e"]);
    expect(links.reconcile()).toBeNull();
    expect(Object.fromEntries(links.edits())).toEqual({
      b: { related: ["c"], note: "related: a deleted" },
      e: { related: [], note: "related: a deleted" },
    });
  });

  it("changes an import's own records in place, and gives other records one version for all their changes", () => {
    const links = over({ live: ["gone"], gone: ["live"] });
    links.write("new-a", ["new-b", "live"]);
    links.write("new-b", []);
    links.write("gone", null, ["live"]);
    expect(links.reconcile()).toBeNull();
    expect(links.related("new-b")).toEqual(["new-a"]);
    expect(Object.fromEntries(links.edits())).toEqual({
      live: { related: ["new-a"], note: "related: linked from new-a; gone deleted" },
    });
  });

  it("names at most five records in a note", () => {
    const ids = Array.from({ length: 7 }, (_, i) => `r${i}`);
    const links = over({ hub: [], ...Object.fromEntries(ids.map((id) => [id, []])) });
    for (const id of ids) links.write(id, ["hub"]);
    expect(links.reconcile()).toBeNull();
    expect(links.edits().get("hub")).toEqual({
      related: ids,
      note: "related: linked from r0, r1, r2, r3, r4 and 2 more",
    });
  });

  it("refuses a link back that would take a record over its cap of related records", () => {
    const full = Array.from({ length: LIMITS.related }, (_, i) => `r${i}`);
    const links = over({ a: [], full });
    links.write("a", ["full"]);
    expect(links.reconcile()).toMatch(/"full" already lists 50 related records/);
  });
});

describe("withRelated", () => {
  it("keeps the schema's key order, and drops an empty list", () => {
    const claim = { id: "a", urls: [], related: ["b"], entities: [] };
    expect(Object.keys(withRelated({ id: "a", urls: [], entities: [] }, ["b"]))).toEqual(Object.keys(claim));
    expect(withRelated(claim, [])).toEqual({ id: "a", urls: [], entities: [] });
  });
});
