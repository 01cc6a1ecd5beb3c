/**
 * Fault injection: the real app, in workerd, over a KV namespace that fails or hangs.
 * The failing namespaces are wrappers of the real one (named mocks: KV outages cannot be
 * produced locally any other way).
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { PROBLEMS, problemKind, problemRetryAfter } from "../../shared/problems.ts";
import { app } from "../../worker/app.ts";
import { forgetReads } from "../../worker/store/isolate-memory.ts";
import { problem } from "./http.ts";
import { seed } from "./seed.ts";

beforeAll(async () => {
  await seed();
});

/** A KV namespace whose reads all reject (mock of an outage). */
const failingKV = new Proxy(env.KV, {
  get(target, prop, receiver) {
    if (prop === "get" || prop === "getWithMetadata" || prop === "list")
      return () => Promise.reject(new Error("KV: internal error"));
    return Reflect.get(target, prop, receiver);
  },
});

/** A KV namespace whose reads never settle (mock of a hang). */
const hangingKV = new Proxy(env.KV, {
  get(target, prop, receiver) {
    if (prop === "get" || prop === "getWithMetadata" || prop === "list") return () => new Promise(() => {});
    return Reflect.get(target, prop, receiver);
  },
});

async function call(path: string, kv: KVNamespace, init?: RequestInit): Promise<Response> {
  forgetReads();
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`https://faults.test${path}`, init), { ...env, KV: kv }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const match = {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ text: "Les hackers russes ont piraté le Comité national démocrate, selon CrowdStrike." }),
};

describe("when KV fails", () => {
  it.each([
    ["/v1/claims/dnc-hack-2016?fault=1", undefined],
    ["/v1/claims?limit=7", undefined],
    ["/v1/lookup?url=https%3A%2F%2Fexample.org%2Ffault", undefined],
    ["/v1/match", match],
    ["/embed/dnc-hack-2016?fault=1", undefined],
    ["/v1/oembed?url=https%3A%2F%2Ffaults.test%2Fclaims%2Fdnc-hack-2016&fault=1", undefined],
  ] as const)("%s answers 503 problem+json with Retry-After", async (path, init) => {
    const res = await call(path, failingKV, init as RequestInit | undefined);
    expect(res.status).toBe(503);
    const p = await problem(res);
    expect(res.headers.get("Retry-After")).toBe(String(problemRetryAfter(problemKind(p.type)!)));
    expect(JSON.stringify(p)).not.toMatch(/internal error|at \w+ \(/);
  });

  it("keeps answering /healthz, which reads nothing", async () => {
    expect((await call("/healthz", failingKV)).status).toBe(200);
  });
});

describe("when KV hangs", () => {
  it("gives up after the KV timeout with 503, instead of hanging the request", async () => {
    const started = Date.now();
    const res = await call("/v1/claims/dnc-hack-2016?hang=1", hangingKV);
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe(String(PROBLEMS.unavailable.retryAfter));
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
