import { describe, expect, it } from "vitest";
import { app } from "../../worker/app.ts";
import { request } from "./http.ts";

type Doc = { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>>; components: { schemas: Record<string, { type?: string; required?: string[]; properties?: Record<string, unknown> }> } };

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document of every public route", async () => {
    const res = await request("/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json<Doc>();
    expect(doc.openapi).toBe("3.1.0");
    const routes = app.routes.filter((r) => r.method !== "ALL").map((r) => r.path.replace(/:(\w+)/g, "{$1}").replace(/\/$/, "") || "/");
    const documented = Object.keys(doc.paths);
    expect(routes.filter((r) => r !== "/" && r !== "/auto" && !documented.includes(r))).toEqual([]);
    expect(documented).toEqual(expect.arrayContaining(["/healthz", "/v1/claims", "/v1/claims/{id}", "/v1/lookup", "/v1/match", "/v1/oembed", "/embed/{id}", "/claims/{id}", "/openapi.json", "/widget.js"]));
    expect(Object.keys(doc.paths["/v1/claims/{id}"]!)).toEqual(expect.arrayContaining(["get", "put", "delete"]));
    expect(doc.paths["/v1/claims"]!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["accused", "accuser", "topic", "lang", "since", "limit", "cursor"]));
  });

  it("has schemas generated from the Valibot schemas, with every reference resolvable", async () => {
    const doc = await (await request("/openapi.json")).json<Doc>();
    const claim = doc.components.schemas.Claim!;
    expect(claim.type).toBe("object");
    expect(claim.required).toEqual(expect.arrayContaining(["id", "incident", "accused", "accusations", "entities"]));
    expect(Object.keys(claim.properties!)).toEqual(expect.arrayContaining(["denials", "noDenialOnRecord", "consequences", "urls"]));
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name);
    expect(JSON.stringify(doc)).not.toContain("#/$defs/");
  });
});
