import { beforeAll, describe, expect, it } from "vitest";
import type { Claim, ClaimList, LookupResult, MatchResult } from "../../schema/index.ts";
import { LIST_LIMIT, MATCH_LIMIT } from "../../shared/constants.ts";
import { STRINGS } from "../../shared/i18n.ts";
import { PROBLEMS } from "../../shared/problems.ts";
import { problem, request } from "./http.ts";
import { seed, seedClaims } from "./seed.ts";
import { settle, theWriter } from "./writer-helpers.ts";

const TOKEN = "test-admin-token-0123456789";
const auth = { Authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  await seed();
});

/** A new, valid claim built from a seed record, with its own id, URL and keyword. */
function draft(id: string, changes: Partial<Claim> = {}): Claim {
  const base = structuredClone(seedClaims().find((c) => c.id === "ukraine-ministries-2022")!);
  return { ...base, id, urls: [`https://news.example.org/${id}`], topics: [id], related: [], ...changes };
}

function put(id: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return request(`/v1/claims/${id}`, {
    method: "PUT",
    headers: { ...auth, "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

function del(id: string, headers: Record<string, string> = {}): Promise<Response> {
  return request(`/v1/claims/${id}`, { method: "DELETE", headers: { ...auth, ...headers } });
}

describe("admin authentication", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong token", { Authorization: "Bearer wrong-token-wrong-token" }],
    ["the token minus its last character", { Authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ["the token plus one character", { Authorization: `Bearer ${TOKEN}x` }],
    ["the token in another case", { Authorization: `Bearer ${TOKEN.toUpperCase()}` }],
    [
      "the right prefix, then garbage",
      { Authorization: `Bearer ${TOKEN.slice(0, 10)}${"z".repeat(TOKEN.length - 10)}` },
    ],
    ["another scheme", { Authorization: `Basic ${btoa(`admin:${TOKEN}`)}` }],
  ])("refuses %s with 401 or 400 problem+json, and writes nothing", async (_what, headers) => {
    const res = await request("/v1/claims/auth-probe", {
      method: "PUT",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(draft("auth-probe")),
    });
    expect([400, 401]).toContain(res.status);
    const p = await problem(res);
    expect(p.detail).not.toContain(TOKEN);
    expect((await request("/v1/claims/auth-probe")).status).toBe(404);
  });

  it("accepts the next token during a rotation, and only the configured ones", async () => {
    const next = await request("/v1/claims/rotation-probe", {
      method: "PUT",
      headers: { Authorization: "Bearer test-next-token-9876543210", "Content-Type": "application/json" },
      body: JSON.stringify(draft("rotation-probe")),
    });
    expect(next.status).toBe(201);
    const old = await request("/v1/claims/rotation-probe", {
      method: "DELETE",
      headers: { Authorization: "Bearer test-next-token-987654321", "If-Match": next.headers.get("ETag")! },
    });
    expect(old.status).toBe(401);
  });

  it("asks for a bearer token in WWW-Authenticate", async () => {
    const res = await del("dnc-hack-2016", { Authorization: "" });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer realm="claimcard-admin"/);
  });

  it("is never open cross-origin: no CORS headers, and a preflight for PUT is refused", async () => {
    const res = await put("cors-probe", draft("cors-probe"), { Origin: "https://evil.example" });
    expect(res.status).toBe(201);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("same-origin");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const preflight = await request("/v1/claims/cors-probe", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "PUT" },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toBeNull();
  });
});

describe("PUT /v1/claims/:id", () => {
  it("creates a record (201), versioned and readable, and indexes it everywhere", async () => {
    const base = draft("created-claim");
    const keywords = {
      fr: [...base.keywords.fr, "Opération Zéphyrine"],
      en: [...base.keywords.en, "Operation Zephyrine"],
    };
    const res = await put("created-claim", { ...base, keywords });
    expect(res.status).toBe(201);
    expect(res.headers.get("Location")).toBe("/v1/claims/created-claim");
    const created = await res.json<Claim>();
    expect(created.version).toBe(1);
    expect(res.headers.get("ETag")).toMatch(/^"1-[0-9a-f]{16}"$/);
    await settle();

    const read = await request("/v1/claims/created-claim");
    expect(read.status).toBe(200);
    expect(read.headers.get("ETag")).toBe(res.headers.get("ETag"));
    const listed = await (await request("/v1/claims?topic=created-claim")).json<ClaimList>();
    expect(listed.items.map((i) => i.id)).toEqual(["created-claim"]);
    const looked = await (
      await request(`/v1/lookup?url=${encodeURIComponent("https://news.example.org/created-claim/")}`)
    ).json<LookupResult>();
    expect(looked.claims.map((c) => c.id)).toEqual(["created-claim"]);
    const text =
      "Selon Kiev, des pirates informatiques russes ont mené l'opération Zéphyrine : les sites des ministères ukrainiens ont été défigurés et le logiciel destructeur WhisperGate a effacé des serveurs. Le Kremlin dément toute implication dans l'opération Zéphyrine.";
    const matched = await (
      await request("/v1/match", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, limit: MATCH_LIMIT.max }),
      })
    ).json<MatchResult>();
    expect(matched.matches.map((m) => m.id)).toContain("created-claim");
  });

  it("replaces a record with If-Match (200), bumping its version", async () => {
    const first = await put("replaced-claim", draft("replaced-claim"));
    const tag = first.headers.get("ETag")!;
    const next = draft("replaced-claim", { status: "disputed" });
    const res = await put("replaced-claim", next, { "If-Match": tag });
    expect(res.status).toBe(200);
    const body = await res.json<Claim>();
    expect(body.version).toBe(2);
    expect(body.status).toBe("disputed");
    expect(res.headers.get("ETag")).not.toBe(tag);
    await settle();
    expect((await (await request("/v1/claims/replaced-claim")).json<Claim>()).status).toBe("disputed");
  });

  it("refuses to replace without If-Match (428) or with a stale one (412), and loses nothing", async () => {
    const first = await put("guarded-claim", draft("guarded-claim"));
    const tag = first.headers.get("ETag")!;
    const without = await put("guarded-claim", draft("guarded-claim", { status: "disputed" }));
    expect(without.status).toBe(428);
    expect(without.headers.get("ETag")).toBe(tag);
    const stale = await put("guarded-claim", draft("guarded-claim", { status: "disputed" }), {
      "If-Match": '"1-0000000000000000"',
    });
    expect(stale.status).toBe(412);
    expect((await problem(stale)).title).toBe(PROBLEMS["stale-etag"].title);
    const weak = await put("guarded-claim", draft("guarded-claim"), { "If-Match": `W/${tag}` });
    expect(weak.status).toBe(412);
    await settle();
    const read = await (await request("/v1/claims/guarded-claim")).json<Claim>();
    expect(read.status).toBe(draft("x").status);
    expect(read.version).toBe(1);
  });

  it("with two writers holding the same If-Match, lets one win and gives the other 412, losing nothing", async () => {
    const first = await put("raced-claim", draft("raced-claim"));
    const tag = first.headers.get("ETag")!;
    const a = draft("raced-claim", { status: "disputed" });
    const b = draft("raced-claim", { status: "officially-attributed" });
    const [ra, rb] = await Promise.all([
      put("raced-claim", a, { "If-Match": tag }),
      put("raced-claim", b, { "If-Match": tag }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 412]);
    const winner = ra.status === 200 ? await ra.json<Claim>() : await rb.json<Claim>();
    const loser = ra.status === 200 ? rb : ra;
    expect(loser.headers.get("ETag")).not.toBe(tag);
    await settle();
    const read = await (await request("/v1/claims/raced-claim")).json<Claim>();
    expect(read.status).toBe(winner.status);
    expect(read.version).toBe(2);
    const listed = await (
      await request("/v1/claims?topic=raced-claim&updatedSince=2000-01-01T00:00:00Z")
    ).json<ClaimList>();
    expect(listed.items).toEqual([expect.objectContaining({ id: "raced-claim", status: winner.status, version: 2 })]);
  });

  it("keeps many concurrent writes to different records, and every index up to date", async () => {
    const n = 8;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => put(`bulk-claim-${i}`, draft(`bulk-claim-${i}`, { topics: ["bulk-claim"] }))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(n).fill(201));
    await settle();
    const status = await theWriter().status();
    expect(status).toMatchObject({ pending: 0, failed: [] });
    const listed = await (await request(`/v1/claims?topic=bulk-claim&limit=${LIST_LIMIT.max}`)).json<ClaimList>();
    expect(listed.items.map((i) => i.id).sort()).toEqual(Array.from({ length: n }, (_, i) => `bulk-claim-${i}`).sort());
    for (let i = 0; i < n; i++) {
      const looked = await (
        await request(`/v1/lookup?url=${encodeURIComponent(`https://news.example.org/bulk-claim-${i}`)}`)
      ).json<LookupResult>();
      expect(looked.claims.map((c) => c.id)).toEqual([`bulk-claim-${i}`]);
    }
  });

  it("defers a second write of the same key within a second to the alarm, and the alarm publishes it", async () => {
    const first = await put("quick-claim", draft("quick-claim"));
    const second = await put("quick-claim", draft("quick-claim", { status: "disputed" }), {
      "If-Match": first.headers.get("ETag")!,
    });
    expect(second.status).toBe(200);
    const writer = theWriter();
    expect((await writer.status()).pending).toBeGreaterThan(0);
    await settle();
    expect((await writer.status()).pending).toBe(0);
    const read = await (await request("/v1/claims/quick-claim?after-alarm")).json<Claim>();
    expect(read.status).toBe("disputed");
  });

  it("reads back what was just written at the same URLs, with no cache-buster", async () => {
    const first = await put("readback-claim", draft("readback-claim"));
    await settle();
    const url = "/v1/claims/readback-claim";
    expect((await (await request(url)).json<Claim>()).status).toBe(draft("x").status);
    expect(await (await request("/embed/readback-claim?lang=en")).text()).toContain(
      STRINGS.en.status[draft("x").status],
    );
    const next = draft("readback-claim", { status: "disputed" });
    next.incident = { ...next.incident, title: { fr: "Titre corrigé", en: "Corrected title" } };
    const res = await put("readback-claim", next, { "If-Match": first.headers.get("ETag")! });
    expect(res.status).toBe(200);
    const read = await request(url);
    expect(read.headers.get("ETag")).toBe(res.headers.get("ETag"));
    expect((await read.json<Claim>()).status).toBe("disputed");
    expect(await (await request("/embed/readback-claim?lang=en")).text()).toContain("Corrected title");
  });

  it("refuses If-Match: * on an existing record (no blind overwrite or delete), with 428", async () => {
    await put("starred-claim", draft("starred-claim"));
    expect(
      (await put("starred-claim", draft("starred-claim", { status: "disputed" }), { "If-Match": "*" })).status,
    ).toBe(428);
    expect((await del("starred-claim", { "If-Match": "*" })).status).toBe(428);
  });

  it("sets the version and updatedAt itself: a body may leave them out", async () => {
    const { version: _v, updatedAt: _u, ...body } = draft("versionless-claim");
    const res = await put("versionless-claim", body);
    expect(res.status).toBe(201);
    const created = await res.json<Claim>();
    expect(created.version).toBe(1);
    expect(Date.parse(created.updatedAt)).toBeGreaterThan(Date.parse("2026-01-01"));
  });

  it("refuses a record whose related ids name no claim", async () => {
    const res = await put("lonely-claim", draft("lonely-claim", { related: ["dnc-hack-2016", "no-such-claim"] }));
    expect(res.status).toBe(400);
    expect((await problem(res)).detail).toContain('"no-such-claim"');
  });

  it("refuses create-only (If-None-Match: *) over an existing record", async () => {
    const res = await put(
      "dnc-hack-2016",
      seedClaims().find((c) => c.id === "dnc-hack-2016"),
      { "If-None-Match": "*" },
    );
    expect(res.status).toBe(412);
  });

  it.each([
    ["an invalid record, naming the field", draft("invalid-claim", { accusations: [] }), /accusations: is empty/],
    [
      "a javascript: source",
      { ...draft("invalid-claim"), urls: ["javascript:alert(1)"] },
      /urls\[0\]: must be an absolute http\(s\) URL/,
    ],
    ["an unknown field", { ...draft("invalid-claim"), verdict: "true" }, /verdict: is not a known field/],
    [
      "an entity reference that the record does not carry",
      { ...draft("invalid-claim"), accused: ["atlantis"] },
      /accused\[0\]: names unknown entity "atlantis"/,
    ],
  ])("answers 400 problem+json for %s", async (_what, body, message) => {
    const res = await put("invalid-claim", body);
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.errors?.join("\n")).toMatch(message);
    expect((await request("/v1/claims/invalid-claim")).status).toBe(404);
  });

  it("answers 400 when the body's id is not the path's", async () => {
    const res = await put("path-id", draft("body-id"));
    expect(res.status).toBe(400);
    expect((await problem(res)).title).toBe(PROBLEMS["id-mismatch"].title);
  });

  it("answers 415 for a non-JSON body and 413 for an oversized one", async () => {
    const text = await request("/v1/claims/x-claim", {
      method: "PUT",
      headers: { ...auth, "Content-Type": "text/plain" },
      body: "{}",
    });
    expect(text.status).toBe(415);
    const big = await put("x-claim", { ...draft("x-claim"), padding: "x".repeat(600 * 1024) });
    expect(big.status).toBe(413);
  });
});

describe("DELETE /v1/claims/:id", () => {
  it("needs If-Match, then deletes the record and its index entries", async () => {
    const created = await put("deleted-claim", draft("deleted-claim"));
    const tag = created.headers.get("ETag")!;
    await settle();
    expect((await del("deleted-claim")).status).toBe(428);
    expect((await del("deleted-claim", { "If-Match": '"9-0000000000000000"' })).status).toBe(412);
    const res = await del("deleted-claim", { "If-Match": tag });
    expect(res.status).toBe(204);
    await settle();
    expect((await request("/v1/claims/deleted-claim?gone")).status).toBe(404);
    const listed = await (await request("/v1/claims?topic=deleted-claim&limit=99")).json<ClaimList>();
    expect(listed.items).toEqual([]);
    const looked = await (
      await request(`/v1/lookup?url=${encodeURIComponent("https://news.example.org/deleted-claim")}`)
    ).json<LookupResult>();
    expect(looked.claims).toEqual([]);
  });

  it("answers 404 for an unknown record", async () => {
    expect((await del("never-was", { "If-Match": '"1-0000000000000000"' })).status).toBe(404);
  });
});
