/**
 * Related records link both ways, whatever writes them: a PUT, a draft's publication, a
 * revert, a deletion or an import. The other record gets a version of its own, by the
 * same editor, whose history note says why; its ETag, its KV copy and its published
 * history follow like any write's; and the live set, exported, passes `data:check`
 * (the rule `data:load` enforces).
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import registry from "../../data/entities.json";
import {
  type Claim,
  checkDataset,
  type ExportResult,
  type HistoryList,
  type ImportResult,
  type VersionDocument,
} from "../../schema/index.ts";
import { claimKey, historyKey } from "../../worker/store/keys.ts";
import { problem, request } from "./http.ts";
import { seed, seedClaims } from "./seed.ts";
import { ADMIN_TOKEN, ALICE, as, BRUNO, draftClaim, putClaim, settle } from "./writer-helpers.ts";

beforeAll(async () => {
  await seed();
});

async function live(id: string): Promise<{ claim: Claim; etag: string }> {
  const res = await request(`/v1/claims/${id}?t=${Date.now()}`);
  expect(res.status, id).toBe(200);
  return { claim: await res.json<Claim>(), etag: res.headers.get("ETag")! };
}

async function history(id: string): Promise<HistoryList> {
  return (await request(`/v1/claims/${id}/history`, { headers: as(ALICE) })).json<HistoryList>();
}

/** Creates a record with no related records, and answers its ETag. */
async function create(id: string): Promise<string> {
  const res = await putClaim(id, draftClaim(id), {}, ALICE);
  expect(res.status, id).toBe(201);
  return res.headers.get("ETag")!;
}

/** Rewrites a live record's `related`, as an editor in the desk would. */
async function relate(id: string, related: string[], token = ALICE, note = ""): Promise<Response> {
  const { claim, etag } = await live(id);
  const { version: _v, updatedAt: _u, ...body } = claim;
  return putClaim(
    id,
    { ...body, related },
    { "If-Match": etag },
    token,
    note ? `?note=${encodeURIComponent(note)}` : "",
  );
}

/** The live set, exported as `data:export` writes it, checked as `data:check` and `data:load` check it. */
async function exportedSetErrors(): Promise<string[]> {
  const exported = await (await request("/v1/admin/export", { headers: as(ADMIN_TOKEN) })).json<ExportResult>();
  const files = exported.claims.map(({ entities: _e, ...file }) => ({
    path: `data/claims/${file.id}.json`,
    json: file,
  }));
  return checkDataset({ path: "data/entities.json", json: registry }, files).errors;
}

describe("related records link both ways", () => {
  it("adds the link back when a PUT adds a link: both records list each other, and both histories say so", async () => {
    await create("link-a");
    const bTag = await create("link-b");
    const res = await relate("link-a", ["link-b"], ALICE, "linked to B");
    expect(res.status).toBe(200);
    expect((await res.json<Claim>()).related).toEqual(["link-b"]);

    const b = await live("link-b");
    expect(b.claim.related).toEqual(["link-a"]);
    expect(b.claim.version).toBe(2);
    expect(b.etag).not.toBe(bTag);
    expect((await history("link-a")).items[0]).toEqual(
      expect.objectContaining({ version: 2, editor: "alice", note: "linked to B" }),
    );
    expect((await history("link-b")).items[0]).toEqual(
      expect.objectContaining({ version: 2, editor: "alice", note: "related: linked from link-a" }),
    );
    // The version the history keeps is the live record, with its ETag.
    const v2 = await (await request("/v1/claims/link-b/versions/2", { headers: as(ALICE) })).json<VersionDocument>();
    expect(v2.claim).toEqual(b.claim);
    expect(v2.etag).toBe(b.etag);
    // An editor holding B's old ETag is told that B changed.
    const { version: _v, updatedAt: _u, ...stale } = b.claim;
    const refused = await putClaim("link-b", { ...stale, related: [] }, { "If-Match": bTag }, BRUNO);
    expect(refused.status).toBe(412);
    expect(refused.headers.get("ETag")).toBe(b.etag);

    // KV gets B's new version and its history, like any write's.
    await settle();
    expect(await env.KV.get<Claim>(claimKey("link-b"), "json")).toEqual(b.claim);
    const published = await env.KV.get<HistoryList>(historyKey("link-b"), "json");
    expect(published?.items[0]).toEqual(expect.objectContaining({ version: 2, note: "related: linked from link-a" }));
    expect(await exportedSetErrors()).toEqual([]);
  });

  it("drops the link from both records when a PUT removes it", async () => {
    await create("unlink-a");
    await create("unlink-b");
    await create("unlink-c");
    expect((await relate("unlink-a", ["unlink-b", "unlink-c"])).status).toBe(200);
    expect((await relate("unlink-a", ["unlink-c"], BRUNO)).status).toBe(200);

    expect((await live("unlink-a")).claim.related).toEqual(["unlink-c"]);
    expect((await live("unlink-b")).claim.related ?? []).toEqual([]);
    expect((await live("unlink-c")).claim.related).toEqual(["unlink-a"]);
    expect((await history("unlink-b")).items.map((i) => [i.version, i.editor, i.note])).toEqual([
      [3, "bruno", "related: unlinked from unlink-a"],
      [2, "alice", "related: linked from unlink-a"],
      [1, "alice", "created"],
    ]);
    // C was not touched by the second write.
    expect((await history("unlink-c")).items).toHaveLength(2);
    await settle();
    expect((await env.KV.get<Claim>(claimKey("unlink-b"), "json"))?.related ?? []).toEqual([]);
    expect(await exportedSetErrors()).toEqual([]);
  });

  it("gives a link back when a record is linked from the other side too, once", async () => {
    await create("both-a");
    await create("both-b");
    expect((await relate("both-a", ["both-b"])).status).toBe(200);
    // B's editor adds the same link: nothing else changes.
    expect((await relate("both-b", ["both-a"])).status).toBe(200);
    expect((await history("both-a")).items).toHaveLength(2);
    expect((await live("both-a")).claim.related).toEqual(["both-b"]);
  });

  it("removes a deleted record from every record that lists it", async () => {
    await create("gone-a");
    await create("gone-b");
    await create("gone-c");
    expect((await relate("gone-a", ["gone-b", "gone-c"])).status).toBe(200);
    const a = await live("gone-a");
    const del = await request("/v1/claims/gone-a?note=duplicate", {
      method: "DELETE",
      headers: as(BRUNO, { "If-Match": a.etag }),
    });
    expect(del.status).toBe(204);

    for (const id of ["gone-b", "gone-c"]) {
      expect((await live(id)).claim.related ?? [], id).toEqual([]);
      expect((await history(id)).items[0], id).toEqual(
        expect.objectContaining({ version: 3, editor: "bruno", note: "related: gone-a deleted" }),
      );
    }
    await settle();
    const exported = await (await request("/v1/admin/export", { headers: as(ADMIN_TOKEN) })).json<ExportResult>();
    expect(exported.claims.filter((c) => c.related?.includes("gone-a")).map((c) => c.id)).toEqual([]);
    for (const id of ["gone-b", "gone-c"])
      expect((await env.KV.get<Claim>(claimKey(id), "json"))?.related ?? [], id).toEqual([]);
    expect(await exportedSetErrors()).toEqual([]);
  });

  it("links back when a draft with a new link is published, naming the draft's editor and its publisher", async () => {
    await create("draft-link-b");
    const { version: _v, updatedAt: _u, ...record } = draftClaim("draft-link-a", { related: ["draft-link-b"] });
    const saved = await request("/v1/drafts/draft-link-a", {
      method: "PUT",
      headers: as(ALICE),
      body: JSON.stringify({ record }),
    });
    expect(saved.status).toBe(201);
    // A draft is not live: it links nothing yet.
    expect((await live("draft-link-b")).claim.related ?? []).toEqual([]);
    const published = await request("/v1/drafts/draft-link-a/publish", {
      method: "POST",
      headers: as(BRUNO),
      body: JSON.stringify({ note: "checked" }),
    });
    expect(published.status).toBe(201);

    expect((await live("draft-link-b")).claim.related).toEqual(["draft-link-a"]);
    expect((await history("draft-link-b")).items[0]).toEqual(
      expect.objectContaining({ editor: "alice", reviewer: "bruno", note: "related: linked from draft-link-a" }),
    );
    await settle();
    expect(await exportedSetErrors()).toEqual([]);
  });

  it("keeps a draft of the other record as it is: its base version shows the link it has to merge", async () => {
    await create("base-b");
    await create("base-a");
    const b = await live("base-b");
    const { version: _v, updatedAt: _u, ...record } = b.claim;
    const saved = await request("/v1/drafts/base-b", {
      method: "PUT",
      headers: as(ALICE),
      body: JSON.stringify({ record: { ...record, status: "disputed" } }),
    });
    expect(saved.status).toBe(201);
    expect((await relate("base-a", ["base-b"])).status).toBe(200);
    const draft = await (await request("/v1/drafts/base-b", { headers: as(ALICE) })).json<{
      baseVersion: number;
      liveVersion: number;
    }>();
    expect(draft).toEqual(expect.objectContaining({ baseVersion: 1, liveVersion: 2 }));
    // Publishing it over the old version is refused: the editor merges the link first.
    const stale = await request("/v1/drafts/base-b/publish", {
      method: "POST",
      headers: as(ALICE, { "If-Match": b.etag }),
      body: "{}",
    });
    expect(stale.status).toBe(412);
  });

  it("follows a revert: reverting to a version without the link drops it from the other record", async () => {
    await create("revert-a");
    await create("revert-b");
    expect((await relate("revert-a", ["revert-b"])).status).toBe(200);
    const v1 = await (await request("/v1/claims/revert-a/versions/1", { headers: as(ALICE) })).json<VersionDocument>();
    const { version: _v, updatedAt: _u, ...old } = v1.claim!;
    const reverted = await putClaim(
      "revert-a",
      old,
      { "If-Match": (await live("revert-a")).etag },
      ALICE,
      "?note=revert%20to%20version%201",
    );
    expect(reverted.status).toBe(200);
    expect((await live("revert-b")).claim.related ?? []).toEqual([]);
    expect((await history("revert-b")).items[0]?.note).toBe("related: unlinked from revert-a");
  });

  it("still refuses a link to a record that does not exist, or to the record itself, and changes nothing", async () => {
    await create("refuse-a");
    await create("refuse-b");
    for (const related of [["refuse-b", "no-such-claim"], ["refuse-a"]]) {
      const res = await relate("refuse-a", related);
      expect(res.status, related.join()).toBe(400);
      expect((await problem(res)).detail).toMatch(related.length > 1 ? /no-such-claim/ : /itself/);
    }
    expect((await live("refuse-b")).claim.related ?? []).toEqual([]);
    expect((await history("refuse-a")).items).toHaveLength(1);
    expect((await history("refuse-b")).items).toHaveLength(1);
  });

  it("links back live records an import links to, and reports them", async () => {
    await create("import-live-b");
    const file = { ...draftClaim("import-new-a", { related: ["import-live-b"] }), version: 1 };
    const res = await request("/v1/admin/import", {
      method: "POST",
      headers: as(ADMIN_TOKEN),
      body: JSON.stringify({ claims: [file], setIds: [...seedClaims().map((c) => c.id), file.id] }),
    });
    expect(res.status).toBe(200);
    const result = await res.json<ImportResult>();
    expect(result.created).toEqual(["import-new-a"]);
    expect(result.linked).toEqual(["import-live-b"]);
    await settle();
    expect((await live("import-live-b")).claim.related).toEqual(["import-new-a"]);
    expect((await history("import-live-b")).items[0]).toEqual(
      expect.objectContaining({ editor: "admin", note: "related: linked from import-new-a" }),
    );

    // The reviewed set, whole and checked, links both ways already: an import of it links nothing back.
    const seedSet = await request("/v1/admin/import", {
      method: "POST",
      headers: as(ADMIN_TOKEN),
      body: JSON.stringify({ claims: seedClaims() }),
    });
    expect((await seedSet.json<ImportResult>()).linked).toEqual([]);
    await settle();
    expect(await exportedSetErrors()).toEqual([]);
  });
});
