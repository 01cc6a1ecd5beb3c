/**
 * The writer as the single source of truth: `data:load` is an admin import through it.
 * An import never overwrites a newer live version (without `force`), a load racing with
 * editors' writes loses nothing, and what KV holds afterwards equals a full rebuild of
 * the writer's live set.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import registry from "../../data/entities.json";
import type { Claim, ExportResult, ImportResult } from "../../schema/index.ts";
import { buildEntries, historyEntry, type UrlLinks } from "../../worker/store/entries.ts";
import { CATALOG_KEY, HISTORY_PREFIX, MATCH_KEY, URL_PREFIX } from "../../worker/store/keys.ts";
import { request } from "./http.ts";
import { seed, seedClaims } from "./seed.ts";
import { ADMIN_TOKEN, ALICE, as, draftClaim, putClaim, settle, theWriter } from "./writer-helpers.ts";

beforeAll(async () => {
  await seed();
});

function importSet(body: Record<string, unknown>, token = ADMIN_TOKEN): Promise<Response> {
  return request("/v1/admin/import", { method: "POST", headers: as(token), body: JSON.stringify(body) });
}

async function live(id: string): Promise<{ claim: Claim; etag: string }> {
  const res = await request(`/v1/claims/${id}?t=${Date.now()}`);
  return { claim: await res.json<Claim>(), etag: res.headers.get("ETag")! };
}

/** Every KV entry of the live set, as a full rebuild writes it, and what KV holds for those keys now. */
async function kvEqualsRebuild(): Promise<void> {
  const exported = await (await request("/v1/admin/export", { headers: as(ADMIN_TOKEN) })).json<ExportResult>();
  const rebuilt = await buildEntries(exported.claims, "compare");
  const catalog = JSON.parse(rebuilt.find((e) => e.key === CATALOG_KEY)!.value as string);
  expect(await env.KV.get(CATALOG_KEY, "json")).toEqual(catalog);
  const match = new Uint8Array(rebuilt.find((e) => e.key === MATCH_KEY)!.value as ArrayBuffer);
  expect(new Uint8Array((await env.KV.get(MATCH_KEY, "arrayBuffer"))!)).toEqual(match);
  for (const e of rebuilt.filter((x) => x.key.startsWith("claim:"))) expect(await env.KV.get(e.key)).toBe(e.value);
  const urlKeys = rebuilt.filter((x) => x.key.startsWith(URL_PREFIX));
  for (const e of urlKeys) expect(await env.KV.get(e.key)).toBe(e.value);
  // No URL entry beyond those of the rebuild, and each holds ids only.
  const listed = (await env.KV.list({ prefix: URL_PREFIX })).keys.map((k) => k.name).sort();
  expect(listed).toEqual(urlKeys.map((e) => e.key).sort());
  for (const name of listed) {
    const links = (await env.KV.get<UrlLinks>(name, "json"))!;
    expect(Object.keys(links).sort()).toEqual(["ids", "url"]);
  }
}

describe("POST /v1/admin/import (npm run data:load)", () => {
  it("imports the reviewed set: unchanged records stay as they are, and KV equals a full rebuild", async () => {
    const res = await importSet({ claims: seedClaims(), entities: registry });
    expect(res.status).toBe(200);
    const result = await res.json<ImportResult>();
    expect(result.unchanged).toHaveLength(seedClaims().length);
    expect(result.conflicts).toEqual([]);
    await settle();
    await kvEqualsRebuild();
    const entities = await (await request("/v1/admin/entities", { headers: as(ADMIN_TOKEN) })).json<{
      entities: unknown[];
    }>();
    expect(entities.entities).toHaveLength(registry.length);
  });

  it("never overwrites a record whose live version is newer: lists the conflict and changes nothing, unless --force", async () => {
    const before = await live("dnc-hack-2016");
    const edited = await putClaim(
      "dnc-hack-2016",
      { ...before.claim, status: "disputed" },
      { "If-Match": before.etag },
      ALICE,
      "?note=status%20after%20review",
    );
    expect(edited.status).toBe(200);
    const file = seedClaims().find((c) => c.id === "dnc-hack-2016")!;
    const res = await importSet({ claims: [file] });
    const result = await res.json<ImportResult>();
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        id: "dnc-hack-2016",
        fileVersion: file.version,
        liveVersion: file.version + 1,
        liveEditor: "alice",
      }),
    ]);
    expect(result.updated).toEqual([]);
    await settle();
    expect((await live("dnc-hack-2016")).claim.status).toBe("disputed");

    const forced = await (await importSet({ claims: [file], force: true })).json<ImportResult>();
    expect(forced.updated).toEqual(["dnc-hack-2016"]);
    await settle();
    const after = await live("dnc-hack-2016");
    expect(after.claim.status).toBe(file.status);
    expect(after.claim.version).toBe(file.version + 2);
    const history = await (await request("/v1/claims/dnc-hack-2016/history", { headers: as(ADMIN_TOKEN) })).json<{
      items: Array<{ version: number; editor: string; note: string }>;
    }>();
    expect(history.items.slice(0, 2).map((i) => [i.version, i.editor])).toEqual([
      [file.version + 2, "admin"],
      [file.version + 1, "alice"],
    ]);
  });

  it("applies a file ahead of the live version, keeps live records the set lacks unless --prune", async () => {
    const file = { ...seedClaims().find((c) => c.id === "gru-indictment-2018")!, status: "disputed" as const };
    const ahead = { ...file, version: file.version + 5 };
    const created = await putClaim("desk-only-claim", draftClaim("desk-only-claim"));
    expect(created.status).toBe(201);
    const result = await (
      await importSet({ claims: [ahead], setIds: seedClaims().map((c) => c.id) })
    ).json<ImportResult>();
    expect(result.updated).toEqual(["gru-indictment-2018"]);
    expect(result.onlyLive).toEqual(["desk-only-claim"]);
    await settle();
    expect((await live("gru-indictment-2018")).claim).toMatchObject({ status: "disputed", version: file.version + 5 });
    expect((await request("/v1/claims/desk-only-claim?kept")).status).toBe(200);

    const pruned = await (await importSet({ claims: seedClaims(), prune: true })).json<ImportResult>();
    expect(pruned.deleted).toEqual(["desk-only-claim"]);
    await settle();
    expect((await request("/v1/claims/desk-only-claim?pruned")).status).toBe(404);
    await kvEqualsRebuild();
  });

  it("a load racing with editors' writes loses nothing, and the indexes equal a full rebuild", async () => {
    const ids = ["dnc-hack-2016", "gru-opcw-wada-2018", "ukraine-ministries-2022"];
    const current = await Promise.all(ids.map(live));
    const edits = current.map(({ claim, etag }, i) =>
      putClaim(
        claim.id,
        { ...claim, keywords: { ...claim.keywords, en: [...claim.keywords.en, `race keyword ${i}`] } },
        { "If-Match": etag },
        ALICE,
      ),
    );
    const creates = [0, 1, 2].map((i) => putClaim(`race-new-${i}`, draftClaim(`race-new-${i}`), {}, ALICE));
    const load = importSet({ claims: seedClaims() });
    const [loaded, ...written] = await Promise.all([load, ...edits, ...creates]);
    expect(loaded.status).toBe(200);
    expect(written.map((r) => r.status)).toEqual([200, 200, 200, 201, 201, 201]);
    const result = await loaded.json<ImportResult>();
    await settle();
    // Each edit is live, whether it came before the load (a conflict, left alone) or after.
    for (const [i, id] of ids.entries()) expect((await live(id)).claim.keywords.en).toContain(`race keyword ${i}`);
    for (const i of [0, 1, 2]) expect((await request(`/v1/claims/race-new-${i}?x`)).status).toBe(200);
    expect(result.updated).toEqual([]);
    await kvEqualsRebuild();
    expect(await theWriter().status()).toMatchObject({ pending: 0, failed: [] });
  });

  it("refuses an invalid set whole, naming the record and the field", async () => {
    const bad = { ...seedClaims()[0]!, accusations: [] };
    const res = await importSet({ claims: [seedClaims()[1], bad] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/claims\[1\]\.accusations: is empty/);
  });

  it("publishes each record's history for the claim page, at history:<id>", async () => {
    const before = await live("bundestag-hack-2015");
    await putClaim(
      "bundestag-hack-2015",
      before.claim,
      { "If-Match": before.etag },
      ALICE,
      "?note=sources%20rechecked",
    );
    await settle();
    const published = await env.KV.get(`${HISTORY_PREFIX}bundestag-hack-2015`, "json");
    const fromWriter = await theWriter().history("bundestag-hack-2015");
    expect(published).toEqual(JSON.parse(historyEntry(fromWriter!).value));
    expect(fromWriter!.items[0]).toMatchObject({
      editor: "alice",
      note: "sources rechecked",
      version: before.claim.version + 1,
    });
  });
});

describe("GET /v1/admin/export (npm run data:export)", () => {
  it("returns every live record, and the admin routes are closed to anyone without a token", async () => {
    const res = await request("/v1/admin/export", { headers: as(ADMIN_TOKEN) });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = await res.json<ExportResult>();
    expect(body.claims.map((c) => c.id)).toEqual(expect.arrayContaining(seedClaims().map((c) => c.id)));
    for (const path of ["/v1/admin/export", "/v1/admin/status", "/v1/drafts", "/v1/claims/dnc-hack-2016/history"])
      expect((await request(path)).status).toBe(401);
  });
});
