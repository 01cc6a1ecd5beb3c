/**
 * The OpenAPI document against the running app: every route is documented with an
 * operation id and its access, and every status an operation really answers, for its
 * success and for each of its error cases (KV outages included), is one the document
 * lists for that operation.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { PROBLEM_MEDIA_TYPE } from "../../shared/problems.ts";
import { app } from "../../worker/app.ts";
import { forgetReads } from "../../worker/store/isolate-memory.ts";
import { ORIGIN, problem, request } from "./http.ts";
import { seed } from "./seed.ts";

type Operation = {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Doc = {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { type?: string; required?: string[]; properties?: Record<string, unknown> }> };
};

const TOKEN = "test-admin-token-0123456789";
const admin = (headers: Record<string, string> = {}) => ({ Authorization: `Bearer ${TOKEN}`, ...headers });
const jsonBody = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

let doc: Doc;
let record: Record<string, unknown>;
let etag: string;

beforeAll(async () => {
  await seed();
  doc = await (await request("/openapi.json")).json<Doc>();
  const res = await request("/v1/claims/dnc-hack-2016");
  etag = res.headers.get("ETag")!;
  record = await res.json();
});

/** The documented operation a request goes to: its path template and method. */
function operationOf(method: string, path: string): Operation {
  const pathname = new URL(path, ORIGIN).pathname;
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+").replace(/\./g, "\\.")}$`);
    const op = item[method.toLowerCase() === "head" ? "get" : method.toLowerCase()];
    if (pattern.test(pathname) && op) return op;
  }
  throw new Error(`${method} ${pathname} is not documented`);
}

/** Each request: [method, path, init]. Error cases first, then the success. */
const CASES: Array<[string, string, RequestInit?]> = [
  ["GET", "/healthz"],
  ["GET", "/"],
  ["GET", "/openapi.json"],
  ["GET", "/widget.js"],
  ["GET", "/widget-auto.js"],
  ["GET", "/v1/claims?limit=0"],
  ["GET", "/v1/claims?acused=russia"],
  ["GET", "/v1/claims?cursor=bm9wZQ"],
  ["GET", "/v1/claims?limit=2"],
  ["GET", "/v1/claims/Not_A_Slug"],
  ["GET", "/v1/claims/unknown-claim"],
  ["GET", "/v1/claims/dnc-hack-2016?format=xml"],
  ["GET", "/v1/claims/dnc-hack-2016?format=jsonld&lang=fr"],
  ["GET", "/v1/claims/dnc-hack-2016"],
  ["GET", "/v1/lookup"],
  ["GET", "/v1/lookup?url=javascript:alert(1)"],
  ["GET", "/v1/lookup?url=https%3A%2F%2Fexample.org%2Fa"],
  ["POST", "/v1/match", { body: "{}", headers: { "Content-Type": "text/plain" } }],
  ["POST", "/v1/match", { body: "{not json", headers: { "Content-Type": "application/json" } }],
  ["POST", "/v1/match", jsonBody({ text: "" })],
  ["POST", "/v1/match", jsonBody({ text: "x".repeat(300_000) })],
  [
    "POST",
    "/v1/match",
    jsonBody({ text: "Les hackers russes ont piraté le Comité national démocrate, selon CrowdStrike." }),
  ],
  ["GET", "/v1/oembed"],
  ["GET", `/v1/oembed?url=${encodeURIComponent("https://elsewhere.example/claims/dnc-hack-2016")}`],
  ["GET", `/v1/oembed?url=${encodeURIComponent(`${ORIGIN}/claims/unknown-claim`)}`],
  ["GET", `/v1/oembed?url=${encodeURIComponent(`${ORIGIN}/claims/dnc-hack-2016`)}&format=xml`],
  ["GET", `/v1/oembed?url=${encodeURIComponent(`${ORIGIN}/claims/dnc-hack-2016`)}&maxwidth=0`],
  ["GET", `/v1/oembed?url=${encodeURIComponent(`${ORIGIN}/claims/dnc-hack-2016`)}`],
  ["GET", "/embed/Bad_Id"],
  ["GET", "/embed/unknown-claim"],
  ["GET", "/embed/dnc-hack-2016?lang=de"],
  ["GET", "/embed/dnc-hack-2016"],
  ["GET", "/claims/Bad_Id"],
  ["GET", "/claims/unknown-claim"],
  ["GET", "/claims/dnc-hack-2016?lang=xx"],
  ["GET", "/claims/dnc-hack-2016"],
  ["PUT", "/v1/claims/dnc-hack-2016", jsonBody({})],
  ["PUT", "/v1/claims/dnc-hack-2016", jsonBody({}, { Authorization: "Basic abc" })],
  ["PUT", "/v1/claims/dnc-hack-2016", jsonBody({}, { Authorization: "Bearer wrong-token-0123456789" })],
  ["PUT", "/v1/claims/dnc-hack-2016", { body: "{}", headers: admin({ "Content-Type": "text/plain" }) }],
  ["PUT", "/v1/claims/dnc-hack-2016", { body: "{not json", headers: admin({ "Content-Type": "application/json" }) }],
  ["PUT", "/v1/claims/dnc-hack-2016", jsonBody({ id: "dnc-hack-2016" }, admin())],
  ["PUT", "/v1/claims/Bad_Id", jsonBody({}, admin())],
  ["PUT", "/v1/claims/dnc-hack-2016", jsonBody({ pad: "x".repeat(600 * 1024) }, admin())],
  ["DELETE", "/v1/claims/Bad_Id", { headers: admin() }],
  ["DELETE", "/v1/claims/unknown-claim", { headers: admin({ "If-Match": '"x"' }) }],
  ["DELETE", "/v1/claims/dnc-hack-2016", { headers: admin() }],
  ["DELETE", "/v1/claims/dnc-hack-2016", { headers: admin({ "If-Match": '"stale"' }) }],
  ["DELETE", "/v1/claims/dnc-hack-2016"],
  ["GET", "/v1/claims/dnc-hack-2016/history"],
  ["GET", "/v1/claims/Bad_Id/history", { headers: admin() }],
  ["GET", "/v1/claims/never-was-here/history", { headers: admin() }],
  ["GET", "/v1/claims/dnc-hack-2016/history", { headers: admin() }],
  ["GET", "/v1/claims/dnc-hack-2016/versions/x", { headers: admin() }],
  ["GET", "/v1/claims/dnc-hack-2016/versions/999", { headers: admin() }],
  ["GET", "/v1/claims/dnc-hack-2016/versions/1", { headers: admin() }],
  ["GET", "/v1/drafts"],
  ["GET", "/v1/drafts", { headers: admin() }],
  ["GET", "/v1/drafts/no-such-draft", { headers: admin() }],
  ["PUT", "/v1/drafts/openapi-draft", jsonBody({ record: 3 }, admin())],
  ["PUT", "/v1/drafts/openapi-draft", jsonBody({ record: { id: "other-id" } }, admin())],
  [
    "PUT",
    "/v1/drafts/openapi-draft",
    jsonBody({ record: { id: "openapi-draft" } }, admin({ "If-Match": '"draft-9"' })),
  ],
  ["PUT", "/v1/drafts/openapi-draft", jsonBody({ record: { id: "openapi-draft" } }, admin())],
  ["PUT", "/v1/drafts/openapi-draft", jsonBody({ record: { id: "openapi-draft" } }, admin())],
  ["GET", "/v1/drafts/openapi-draft", { headers: admin() }],
  ["POST", "/v1/drafts/no-such-draft/publish", jsonBody({}, admin())],
  ["POST", "/v1/drafts/openapi-draft/publish", jsonBody({ note: 3 }, admin())],
  ["POST", "/v1/drafts/openapi-draft/publish", jsonBody({}, admin())],
  ["DELETE", "/v1/drafts/no-such-draft", { headers: admin() }],
  ["DELETE", "/v1/drafts/openapi-draft", { headers: admin() }],
  ["DELETE", "/v1/drafts/openapi-draft", { headers: admin({ "If-Match": '"draft-9"' }) }],
  ["DELETE", "/v1/drafts/openapi-draft", { headers: admin({ "If-Match": '"draft-1"' }) }],
  ["POST", "/v1/admin/import", jsonBody({ claims: "none" }, admin())],
  ["POST", "/v1/admin/import", jsonBody({ claims: [] })],
  ["POST", "/v1/admin/import", jsonBody({ claims: [] }, admin())],
  ["GET", "/v1/admin/export", { headers: admin() }],
  ["GET", "/v1/admin/status", { headers: admin() }],
  ["GET", "/v1/admin/me"],
  ["GET", "/v1/admin/me", { headers: admin() }],
  ["GET", "/v1/admin/entities", { headers: admin() }],
  ["POST", "/v1/admin/republish", { headers: admin() }],
  ["GET", "/admin"],
  ["GET", "/admin/desk.js"],
];

describe("GET /openapi.json", () => {
  it("documents every route of the app, each operation with an id and who may call it", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: ORIGIN }]);
    const routes = app.routes
      .filter((r) => r.method !== "ALL")
      .map((r) => [r.method.toLowerCase(), r.path.replace(/:(\w+)/g, "{$1}").replace(/(.)\/$/, "$1")] as const);
    for (const [method, path] of routes) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const ids = ops.map((op) => op.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of ops) expect(op.security, op.operationId).toBeInstanceOf(Array);
    expect(doc.paths["/v1/claims/{id}"]!.put!.security).toEqual([{ admin: [] }]);
    expect(doc.paths["/v1/claims/{id}"]!.get!.security).toEqual([]);
  });

  it("has component schemas generated from the Valibot schemas, every reference resolvable", () => {
    const claim = doc.components.schemas.Claim!;
    expect(claim.type).toBe("object");
    expect(claim.required).toEqual(expect.arrayContaining(["id", "incident", "accused", "accusations", "entities"]));
    expect(Object.keys(claim.properties!)).toEqual(
      expect.arrayContaining(["denials", "noDenialOnRecord", "consequences", "urls"]),
    );
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name);
  });

  it.each(CASES)("documents what %s %s answers", async (method, path, init) => {
    const res = await request(path, { method, ...init });
    const op = operationOf(method, path);
    expect(Object.keys(op.responses), `${method} ${path} answered ${res.status}`).toContain(String(res.status));
    if (res.status >= 400) {
      await problem(res);
      expect(Object.keys(op.responses[String(res.status)]!.content ?? {})).toContain(PROBLEM_MEDIA_TYPE);
    }
  });

  it("documents the 503 of every operation that reads the claim store, for a KV outage", async () => {
    const failing = new Proxy(env.KV, {
      get: (target, prop, receiver) =>
        prop === "get" || prop === "getWithMetadata"
          ? () => Promise.reject(new Error("KV down"))
          : Reflect.get(target, prop, receiver),
    });
    const reads = CASES.filter(
      ([method, path]) => method === "GET" && /^\/(v1\/(claims|lookup|oembed)|embed|claims)/.test(path),
    ).concat([
      CASES.find(([, p, i]) => p === "/v1/match" && typeof i?.body === "string" && i.body.includes("CrowdStrike"))!,
    ]);
    for (const [method, path, init] of reads) {
      forgetReads();
      const ctx = createExecutionContext();
      const res = await app.fetch(
        new Request(new URL(path, ORIGIN), { method, ...init }),
        { ...env, KV: failing },
        ctx,
      );
      await waitOnExecutionContext(ctx);
      if (res.status === 503)
        expect(Object.keys(operationOf(method, path).responses), `${method} ${path}`).toContain("503");
    }
  });

  it("lists a stale If-Match and a replacement for the same record as 412 and 200", async () => {
    const { version, updatedAt, ...input } = record;
    const stale = await request("/v1/claims/dnc-hack-2016", {
      method: "PUT",
      ...jsonBody(input, admin({ "If-Match": '"stale"' })),
    });
    expect(stale.status).toBe(412);
    expect(Object.keys(operationOf("PUT", "/v1/claims/x").responses)).toEqual(
      expect.arrayContaining(["200", "201", "412", "428"]),
    );
    const missing = await request("/v1/claims/dnc-hack-2016", { method: "PUT", ...jsonBody(input, admin()) });
    expect(missing.status).toBe(428);
    const ok = await request("/v1/claims/dnc-hack-2016", {
      method: "PUT",
      ...jsonBody(input, admin({ "If-Match": etag })),
    });
    expect(ok.status).toBe(200);
  });
});
