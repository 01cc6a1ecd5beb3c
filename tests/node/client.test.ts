/**
 * The typed client (`client/`), against the real local server that the global setup
 * starts (`npm start` on a free port, seeded from `data/`), plus local `node:http`
 * servers for the timeout and network failures.
 */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, expectTypeOf, inject, it, vi } from "vitest";
import { type Claim, ClaimcardError, type ClaimWithEtag, createClient } from "../../client/index.ts";
import { readDataset } from "../../lib/dataset.ts";
import { FETCH_TIMEOUT_MS, LIST_LIMIT } from "../../shared/constants.ts";
import { PROBLEM_MEDIA_TYPE, PROBLEMS, problemType } from "../../shared/problems.ts";

const baseUrl = inject("baseUrl");
const client = createClient({ baseUrl });
const checked = createClient({ baseUrl, validate: true });

/** The ClaimcardError a call rejects with (anything else fails the test). */
async function failure(call: Promise<unknown>): Promise<ClaimcardError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ClaimcardError) return err;
    throw err;
  }
  throw new Error("expected the call to reject with a ClaimcardError");
}

/** A `fetch` that answers every request with `body` (a service binding stand-in). */
function fakeFetch(body: string, init: ResponseInit = {}): typeof fetch {
  return async () => new Response(body, init);
}

const DNC_ARTICLE_FR =
  "En juin 2016, le Comité national démocrate (Democratic National Committee) a révélé que des hackers russes " +
  "s'étaient introduits dans ses serveurs. La société CrowdStrike, chargée de l'enquête, a attribué l'intrusion à deux " +
  "groupes liés au renseignement russe. En juillet, à la veille de la convention qui devait investir Hillary Clinton, " +
  "WikiLeaks a publié près de 20 000 courriels internes du parti.";

const UNRELATED_FR =
  "La tarte aux pommes normande demande des pommes acidulées, de la crème fraîche et une pointe de calvados. " +
  "Préchauffez le four à 180 degrés, étalez la pâte brisée et laissez cuire quarante minutes avant de servir tiède.";

describe("createClient: public reads", () => {
  it("gets a seed claim with its ETag", async () => {
    const hit = await checked.getClaim("dnc-hack-2016");
    expectTypeOf(hit).toEqualTypeOf<ClaimWithEtag | null>();
    expect(hit).not.toBeNull();
    expect(hit!.claim.id).toBe("dnc-hack-2016");
    expect(hit!.claim.incident.title.fr).toContain("Comité national démocrate");
    expect(hit!.claim.accused).toContain("russia");
    expect(hit!.etag).toMatch(/^(W\/)?".+"$/);
  });

  it("answers null for an unknown id", async () => {
    expect(await client.getClaim("no-such-claim-anywhere")).toBeNull();
  });

  it("answers { notModified: true } when If-None-Match still holds, and the record when it does not", async () => {
    const first = (await client.getClaim("dnc-hack-2016"))!;
    const again = await client.getClaim("dnc-hack-2016", { ifNoneMatch: first.etag });
    expect(again).toEqual({ notModified: true });
    expectTypeOf(client.getClaim).toBeCallableWith("dnc-hack-2016", { ifNoneMatch: undefined as string | undefined });
    const stale = await client.getClaim("dnc-hack-2016", { ifNoneMatch: '"0-stale"' });
    expect(stale && "claim" in stale ? stale.claim.id : stale).toBe("dnc-hack-2016");
  });

  it("lists claims with filters", async () => {
    const fr = await checked.listClaims({ accused: "APT28", lang: "fr" });
    const ids = fr.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(["dnc-hack-2016", "gru-indictment-2018", "gru-opcw-wada-2018"]));
    expect(ids).not.toContain("trump-campaign-iran-2024");
    expect(fr.items.every((i) => i.lang === "fr")).toBe(true);
    expect(fr.cursor).toBeNull();

    const wiper = await client.listClaims({ topic: "wiper-malware", limit: "100" });
    const { claims } = await readDataset("data");
    expect(wiper.items.map((i) => i.id).sort()).toEqual(
      claims
        .filter((c) => c.topics.includes("wiper-malware"))
        .map((c) => c.id)
        .sort(),
    );
    expect(wiper.items.map((i) => i.id)).toContain("ukraine-ministries-2022");
  });

  it("pages through every claim with allClaims, following the cursor", async () => {
    let requests = 0;
    const counting = createClient({
      baseUrl,
      validate: true,
      fetch: (...args) => {
        requests++;
        return fetch(...args);
      },
    });
    const all = (await client.listClaims({ limit: LIST_LIMIT.max })).items.map((i) => i.id);
    expect(all.length).toBeGreaterThanOrEqual(6);
    const paged: string[] = [];
    for await (const item of counting.allClaims({ limit: 2 })) paged.push(item.id);
    expect(paged).toEqual(all);
    expect(requests).toBe(Math.ceil(all.length / 2));
  });

  it("looks up an article URL, whatever its spelling", async () => {
    const linked = new URL((await readDataset("data")).claims.find((c) => c.id === "dnc-hack-2016")!.urls[0]!);
    const url = `http://${linked.host.toUpperCase()}${linked.pathname}/?utm_source=x${linked.search.replace("?", "&")}`;
    const result = await checked.lookup(url);
    expect(result.claims.map((c) => c.id)).toContain("dnc-hack-2016");
    expect((await client.lookup("https://example.org/nothing-here")).claims).toEqual([]);
  });

  it("matches a French paragraph about the DNC hack, and nothing for an unrelated one", async () => {
    const { matches } = await checked.match({ text: DNC_ARTICLE_FR, lang: "fr" });
    expect(matches.map((m) => m.id)).toContain("dnc-hack-2016");
    const dnc = matches.find((m) => m.id === "dnc-hack-2016")!;
    expect(dnc.score).toBeGreaterThan(0);
    expect(dnc.claim.id).toBe("dnc-hack-2016");
    expect(await client.match({ text: UNRELATED_FR, lang: "fr" })).toEqual({ matches: [] });
  });

  it("gets the oEmbed of a claim page", async () => {
    const embed = await checked.oembed(`${baseUrl}/claims/dnc-hack-2016`, { maxwidth: 480, lang: "fr" });
    expect(embed).toMatchObject({ version: "1.0", type: "rich" });
    expect(embed.html).toContain("/embed/dnc-hack-2016");
    expect(embed.width).toBeLessThanOrEqual(480);
  });
});

describe("createClient: errors", () => {
  it("surfaces a 400 as a ClaimcardError of kind problem, with the fields at fault", async () => {
    const err = await failure(client.listClaims({ limit: 500, since: "2016-13-01" }));
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("ClaimcardError");
    expect(err.kind).toBe("problem");
    expect(err.status).toBe(400);
    expect(err.problem).toMatchObject({ status: 400, type: problemType("invalid-query") });
    expect(err.problem!.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^limit: /), expect.stringMatching(/^since: /)]),
    );
  });

  it("surfaces a malformed id as a 400 problem, not as null", async () => {
    const err = await failure(client.getClaim("Not A Slug"));
    expect([err.kind, err.status]).toEqual(["problem", 400]);
    expect(err.problem!.errors?.[0]).toMatch(/^id: /);
  });

  it("synthesizes a problem for an error answer that is not problem+json", async () => {
    const proxy = createClient({
      baseUrl,
      fetch: fakeFetch("<h1>Bad gateway</h1>", {
        status: 502,
        statusText: "Bad Gateway",
        headers: { "Content-Type": "text/html" },
      }),
    });
    const err = await failure(proxy.lookup("https://example.org/a"));
    expect(err.kind).toBe("problem");
    expect(err.status).toBe(502);
    expect(err.problem).toMatchObject({
      type: "about:blank",
      title: "Bad Gateway",
      status: 502,
      detail: "<h1>Bad gateway</h1>",
    });
  });

  it("says how long to wait before retrying: the answer's Retry-After, else the catalogue's (fake fetch answers)", async () => {
    const problemOf = (kind: "rate-limited" | "unavailable" | "stale-etag") =>
      JSON.stringify({
        type: problemType(kind),
        title: PROBLEMS[kind].title,
        status: PROBLEMS[kind].status,
        detail: "…",
      });
    const answer = (kind: "rate-limited" | "unavailable" | "stale-etag", headers: Record<string, string> = {}) =>
      createClient({
        baseUrl,
        fetch: fakeFetch(problemOf(kind), {
          status: PROBLEMS[kind].status,
          headers: { "Content-Type": PROBLEM_MEDIA_TYPE, ...headers },
        }),
      });
    expect((await failure(answer("rate-limited", { "Retry-After": "7" }).listClaims())).retryAfter).toBe(7);
    expect((await failure(answer("rate-limited").listClaims())).retryAfter).toBe(PROBLEMS["rate-limited"].retryAfter);
    expect((await failure(answer("unavailable").listClaims())).retryAfter).toBe(PROBLEMS.unavailable.retryAfter);
    const later = new Date(Date.now() + 30_000).toUTCString();
    const dated = (await failure(answer("unavailable", { "Retry-After": later }).listClaims())).retryAfter!;
    expect(dated).toBeGreaterThanOrEqual(28);
    expect(dated).toBeLessThanOrEqual(31);
    expect((await failure(answer("stale-etag").listClaims())).retryAfter).toBeUndefined();
  });

  it("with validate: true, refuses a response that does not match the schema", async () => {
    const wrong = createClient({
      baseUrl,
      validate: true,
      fetch: fakeFetch(JSON.stringify({ items: "nope", cursor: null }), { status: 200 }),
    });
    const err = await failure(wrong.listClaims());
    expect(err.kind).toBe("invalid-response");
    expect(err.message).toMatch(/items/);
    const lax = createClient({ baseUrl, fetch: fakeFetch("not json", { status: 200 }) });
    expect((await failure(lax.listClaims())).kind).toBe("invalid-response");
  });

  describe("against a server that never answers", () => {
    let hanging: Server;
    let hangingUrl: string;
    beforeAll(async () => {
      hanging = createServer((req, res) => {
        // /v1/lookup: headers and the start of a body, then nothing; anything else: no answer at all.
        if (req.url?.startsWith("/v1/lookup")) {
          res.writeHead(200, { "Content-Type": "application/json" });
          res.write('{"url":"https://example.org/a","claims":[');
        }
      });
      await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
      hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    });

    it("times out after timeoutMs with kind timeout", async () => {
      const slow = createClient({ baseUrl: hangingUrl, timeoutMs: 200 });
      const started = Date.now();
      const err = await failure(slow.getClaim("dnc-hack-2016"));
      expect(err.kind).toBe("timeout");
      expect(err.status).toBeNull();
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(Date.now() - started).toBeLessThan(3000);
    });

    it("times out while the body is still arriving", async () => {
      const err = await failure(createClient({ baseUrl: hangingUrl, timeoutMs: 200 }).lookup("https://example.org/a"));
      expect(err.kind).toBe("timeout");
    });

    it("lets a caller's abort propagate as the AbortError it is", async () => {
      const slow = createClient({ baseUrl: hangingUrl, timeoutMs: FETCH_TIMEOUT_MS });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const err: unknown = await slow.listClaims({}, { signal: controller.signal }).catch((e: unknown) => e);
      expect(err).not.toBeInstanceOf(ClaimcardError);
      expect((err as Error).name).toBe("AbortError");
    });
  });

  it("reports a closed port as kind network", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const err = await failure(createClient({ baseUrl: `http://127.0.0.1:${port}` }).listClaims());
    expect(err.kind).toBe("network");
    expect(err.status).toBeNull();
    expect(err.message).toMatch(/ECONNREFUSED/);
  });
});

describe("createClient: admin writes", () => {
  const admin = createClient({ baseUrl, token: inject("adminToken"), validate: true });

  it("creates, replaces, refuses a stale If-Match (412) and deletes a claim", async () => {
    const id = `client-e2e-${Date.now().toString(36)}`;
    const seed = (await client.getClaim("ukraine-ministries-2022"))!.claim;
    const draft: Claim = {
      ...structuredClone(seed),
      id,
      urls: [`https://news.example.org/${id}`],
      topics: [id],
      related: [],
    };

    const created = await admin.putClaim(draft, { ifNoneMatch: "*" });
    expect(created.created).toBe(true);
    expect(created.claim).toMatchObject({ id, version: 1 });
    expect((await client.getClaim(id))?.etag).toBe(created.etag);

    const exists = await failure(admin.putClaim(draft, { ifNoneMatch: "*" }));
    expect([exists.kind, exists.status]).toEqual(["problem", 412]);

    const revised = {
      ...created.claim,
      incident: {
        ...created.claim.incident,
        summary: { fr: `${seed.incident.summary.fr} (révisé)`, en: `${seed.incident.summary.en} (revised)` },
      },
    };
    const replaced = await admin.putClaim(revised, { ifMatch: created.etag });
    expect(replaced.created).toBe(false);
    expect(replaced.claim.version).toBe(2);
    expect(replaced.claim.incident.summary.en).toMatch(/\(revised\)$/);
    expect(replaced.etag).not.toBe(created.etag);

    const stale = await failure(admin.putClaim(draft, { ifMatch: created.etag }));
    expect(stale.kind).toBe("problem");
    expect(stale.status).toBe(412);
    expect(stale.problem?.type).toBe(problemType("stale-etag"));

    expect((await failure(admin.deleteClaim(id, { ifMatch: created.etag }))).status).toBe(412);
    await expect(admin.deleteClaim(id, { ifMatch: replaced.etag })).resolves.toBeUndefined();
    expect((await failure(admin.deleteClaim(id, { ifMatch: replaced.etag }))).status).toBe(404);
  });

  it("refuses a wrong token with a 401 problem", async () => {
    const intruder = createClient({ baseUrl, token: "wrong-token-wrong-token-wrong" });
    const err = await failure(intruder.deleteClaim("dnc-hack-2016", { ifMatch: "*" }));
    expect([err.kind, err.status]).toEqual(["problem", 401]);
  });

  it("refuses admin calls without a token, without calling the network", async () => {
    const spy = vi.fn<typeof fetch>();
    const anonymous = createClient({ baseUrl, fetch: spy });
    const seed = (await client.getClaim("dnc-hack-2016"))!;
    const put = await failure(anonymous.putClaim(seed.claim, { ifMatch: seed.etag }));
    const del = await failure(anonymous.deleteClaim("dnc-hack-2016", { ifMatch: seed.etag }));
    for (const err of [put, del]) {
      expect(err.kind).toBe("problem");
      expect(err.status).toBeNull();
      expect(err.problem?.status).toBe(401);
    }
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("package export", () => {
  it('resolves "claimcard/client" from Node 22 (package self-reference, types stripped)', async () => {
    const script =
      'const m = await import("claimcard/client"); console.log(typeof m.createClient, typeof m.ClaimcardError);';
    const { stdout } = await promisify(execFile)(
      resolve("node_modules/.bin/node"),
      ["--input-type=module", "-e", script],
      { cwd: process.cwd() },
    );
    expect(stdout.trim()).toBe("function function");
  });
});
