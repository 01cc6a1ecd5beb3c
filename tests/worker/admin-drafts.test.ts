/**
 * Drafts, publishing and history: a draft is never public; publishing it is a write with
 * `If-Match` of the live record; with the second-editor setting only another editor can
 * publish; every version is kept, with editor, time and note; a revert is an ordinary
 * write of an old version.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Claim, DraftDocument, DraftList, HistoryList, VersionDocument } from "../../schema/index.ts";
import { PROBLEMS } from "../../shared/problems.ts";
import { app } from "../../worker/app.ts";
import { ORIGIN, problem, request } from "./http.ts";
import { seed } from "./seed.ts";
import { ALICE, as, BRUNO, draftClaim, putClaim, settle } from "./writer-helpers.ts";

beforeAll(async () => {
  await seed();
});

function saveDraft(id: string, record: unknown, token = ALICE, headers: Record<string, string> = {}) {
  return request(`/v1/drafts/${id}`, { method: "PUT", headers: as(token, headers), body: JSON.stringify({ record }) });
}

function publish(id: string, token: string, headers: Record<string, string> = {}, note?: string) {
  return request(`/v1/drafts/${id}/publish`, {
    method: "POST",
    headers: as(token, headers),
    body: JSON.stringify(note ? { note } : {}),
  });
}

/** The app with the second-editor setting on (a variable of the deployment, set here for this request). */
async function withSecondEditor(path: string, init: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(new URL(path, ORIGIN), init), { ...env, SECOND_EDITOR: "required" }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function live(id: string): Promise<{ claim: Claim; etag: string }> {
  const res = await request(`/v1/claims/${id}?t=${Date.now()}`);
  return { claim: await res.json<Claim>(), etag: res.headers.get("ETag")! };
}

describe("drafts", () => {
  it("saves unfinished work, lists what keeps it from being published, and never serves it publicly", async () => {
    const { version: _v, updatedAt: _u, ...record } = draftClaim("draft-only");
    const unfinished = { ...record, accusations: [] };
    const saved = await saveDraft("draft-only", unfinished);
    expect(saved.status).toBe(201);
    const doc = await saved.json<DraftDocument>();
    expect(doc).toMatchObject({ id: "draft-only", revision: 1, editor: "alice", baseVersion: null });
    expect(doc.errors.join("\n")).toMatch(/accusations: is empty/);
    expect((await request("/v1/claims/draft-only")).status).toBe(404);
    expect((await request("/claims/draft-only")).status).toBe(404);
    const list = await (await request("/v1/drafts", { headers: as(BRUNO) })).json<DraftList>();
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: "draft-only", editor: "alice", errors: doc.errors.length }),
    );
    const publishing = await publish("draft-only", ALICE);
    expect(publishing.status).toBe(422);
    expect((await problem(publishing)).errors?.join("\n")).toMatch(/accusations: is empty/);
  });

  it("needs the draft's ETag to save over it, so that two editors never overwrite each other", async () => {
    const first = await saveDraft("shared-draft", draftClaim("shared-draft"));
    const tag = first.headers.get("ETag")!;
    expect((await saveDraft("shared-draft", draftClaim("shared-draft"), BRUNO)).status).toBe(428);
    const second = await saveDraft("shared-draft", draftClaim("shared-draft", { status: "disputed" }), BRUNO, {
      "If-Match": tag,
    });
    expect(second.status).toBe(200);
    const stale = await saveDraft("shared-draft", draftClaim("shared-draft"), ALICE, { "If-Match": tag });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("ETag")).toBe(second.headers.get("ETag"));
    const got = await request("/v1/drafts/shared-draft", { headers: as(ALICE) });
    expect((await got.json<DraftDocument>()).record.status).toBe("disputed");
  });

  it("publishes a draft over the live record with its If-Match; a stale one gets 412 and the live ETag", async () => {
    const current = await live("opm-breach-2015");
    const { version: _v, updatedAt: _u, ...record } = current.claim;
    const retitled = {
      ...record,
      incident: { ...record.incident, title: { ...record.incident.title, en: "OPM breach (draft title)" } },
    };
    expect((await saveDraft("opm-breach-2015", retitled)).status).toBe(201);
    const other = await putClaim(
      "opm-breach-2015",
      { ...record, status: "disputed" },
      { "If-Match": current.etag },
      BRUNO,
    );
    expect(other.status).toBe(200);
    const stale = await publish("opm-breach-2015", ALICE, { "If-Match": current.etag });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("ETag")).toBe(other.headers.get("ETag"));
    expect((await publish("opm-breach-2015", ALICE)).status).toBe(428);
    const ok = await publish("opm-breach-2015", ALICE, { "If-Match": other.headers.get("ETag")! }, "title shortened");
    expect(ok.status).toBe(200);
    await settle();
    const now = await live("opm-breach-2015");
    expect(now.claim.incident.title.en).toBe("OPM breach (draft title)");
    expect(now.claim.version).toBe(current.claim.version + 2);
    expect((await request("/v1/drafts/opm-breach-2015", { headers: as(ALICE) })).status).toBe(404);
    const history = await (
      await request("/v1/claims/opm-breach-2015/history", { headers: as(ALICE) })
    ).json<HistoryList>();
    expect(history.items.slice(0, 2)).toEqual([
      expect.objectContaining({ version: current.claim.version + 2, editor: "alice", note: "title shortened" }),
      expect.objectContaining({ version: current.claim.version + 1, editor: "bruno", note: "edited" }),
    ]);
  });

  it("with the second-editor setting, refuses the draft's author and lets another editor publish it", async () => {
    expect((await saveDraft("reviewed-claim", draftClaim("reviewed-claim"), ALICE)).status).toBe(201);
    const self = await withSecondEditor("/v1/drafts/reviewed-claim/publish", {
      method: "POST",
      headers: as(ALICE),
      body: "{}",
    });
    expect(self.status).toBe(403);
    expect((await problem(self)).title).toBe(PROBLEMS["second-editor-required"].title);
    const direct = await withSecondEditor("/v1/claims/reviewed-claim", {
      method: "PUT",
      headers: as(ALICE),
      body: JSON.stringify(draftClaim("reviewed-claim")),
    });
    expect(direct.status).toBe(403);
    const other = await withSecondEditor("/v1/drafts/reviewed-claim/publish", {
      method: "POST",
      headers: as(BRUNO),
      body: JSON.stringify({ note: "checked against the sources" }),
    });
    expect(other.status).toBe(201);
    const history = await (
      await request("/v1/claims/reviewed-claim/history", { headers: as(BRUNO) })
    ).json<HistoryList>();
    expect(history.items).toEqual([
      expect.objectContaining({ version: 1, editor: "alice", reviewer: "bruno", note: "checked against the sources" }),
    ]);
    const me = await withSecondEditor("/v1/admin/me", { headers: as(BRUNO) });
    expect(await me.json()).toEqual({ editor: "bruno", via: "token", secondEditor: true });
  });
});

describe("history and revert", () => {
  it("keeps every version with its editor and note, returns each, and reverts by an ordinary write", async () => {
    const created = await putClaim("history-claim", draftClaim("history-claim"), {}, ALICE, "?note=first%20version");
    const v1 = await created.json<Claim>();
    const changed = await putClaim(
      "history-claim",
      draftClaim("history-claim", { status: "disputed" }),
      { "If-Match": created.headers.get("ETag")! },
      BRUNO,
      "?note=status%20disputed",
    );
    expect(changed.status).toBe(200);
    const history = await (
      await request("/v1/claims/history-claim/history", { headers: as(ALICE) })
    ).json<HistoryList>();
    expect(history.items.map((i) => [i.version, i.editor, i.note])).toEqual([
      [2, "bruno", "status disputed"],
      [1, "alice", "first version"],
    ]);
    const old = await (
      await request("/v1/claims/history-claim/versions/1", { headers: as(ALICE) })
    ).json<VersionDocument>();
    expect(old.claim).toEqual(v1);
    expect((await request("/v1/claims/history-claim/versions/9", { headers: as(ALICE) })).status).toBe(404);
    expect((await request("/v1/claims/history-claim/versions/0", { headers: as(ALICE) })).status).toBe(400);

    const { version: _v, updatedAt: _u, ...revert } = old.claim!;
    const stale = await putClaim("history-claim", revert, { "If-Match": created.headers.get("ETag")! }, ALICE);
    expect(stale.status).toBe(412);
    const reverted = await putClaim(
      "history-claim",
      revert,
      { "If-Match": changed.headers.get("ETag")! },
      ALICE,
      "?note=revert%20to%20version%201",
    );
    expect(reverted.status).toBe(200);
    await settle();
    const now = await live("history-claim");
    expect(now.claim.status).toBe(v1.status);
    expect(now.claim.version).toBe(3);

    const del = await request("/v1/claims/history-claim?note=duplicate", {
      method: "DELETE",
      headers: as(ALICE, { "If-Match": now.etag }),
    });
    expect(del.status).toBe(204);
    const after = await (await request("/v1/claims/history-claim/history", { headers: as(ALICE) })).json<HistoryList>();
    expect(after.items[0]).toEqual(
      expect.objectContaining({ version: 4, editor: "alice", note: "duplicate", deleted: true }),
    );
    const again = await putClaim("history-claim", revert, {}, ALICE);
    expect((await again.json<Claim>()).version).toBe(5);
  });

  it("refuses a change note with invisible characters or on several lines", async () => {
    const res = await putClaim(
      "note-claim",
      draftClaim("note-claim"),
      {},
      ALICE,
      `?note=${encodeURIComponent("a\u202Eb")}`,
    );
    expect(res.status).toBe(400);
    const lines = await putClaim(
      "note-claim",
      draftClaim("note-claim"),
      {},
      ALICE,
      `?note=${encodeURIComponent("a\nb")}`,
    );
    expect(lines.status).toBe(400);
  });
});
