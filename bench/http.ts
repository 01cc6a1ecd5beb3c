/**
 * HTTP throughput and latency with autocannon against the local server, each route
 * side by side with a no-op route (`/healthz`, which reads nothing) in the same run, and
 * the KV reads each route makes, cold and warm, from its `Server-Timing` header.
 *
 * @module
 */
import type autocannon from "autocannon";
import { run } from "../lib/autocannon.ts";

/** One measured route. */
export interface HttpRow {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** A route to measure. */
export interface Route {
  name: string;
  request: autocannon.Request;
}

/**
 * Measures each route for `seconds` with `connections` connections, no rate limit.
 *
 * @example
 * await throughput("http://127.0.0.1:8787", routes, { seconds: 10 });
 */
export async function throughput(
  base: string,
  routes: Route[],
  { seconds = 10, connections = 10 } = {},
): Promise<HttpRow[]> {
  const rows: HttpRow[] = [];
  for (const route of routes) {
    await run({ url: base, connections, duration: 2, requests: [route.request] });
    const r = await run({ url: base, connections, duration: seconds, requests: [route.request] });
    rows.push({
      name: route.name,
      requestsPerSecond: r.requests.average,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      errors: r.errors,
      non2xx: r.non2xx,
    });
  }
  return rows;
}

/** KV reads of one request, from `Server-Timing: kv;…;desc="N reads"`. */
async function kvReads(base: string, route: Route): Promise<number> {
  const { method = "GET", path = "/", headers, body } = route.request;
  const res = await fetch(base + path, {
    method,
    headers: headers as Record<string, string>,
    ...(body ? { body: body as string } : {}),
  });
  await res.arrayBuffer();
  const m = /desc="(\d+) reads?"/.exec(res.headers.get("Server-Timing") ?? "");
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * KV reads per request of each route: the first request (cold caches) and the next one.
 *
 * @example
 * await reads(base, routes); // [{ name, cold: 1, warm: 0 }, …]
 */
export async function reads(
  base: string,
  routes: Route[],
): Promise<Array<{ name: string; cold: number; warm: number }>> {
  const out = [];
  for (const route of routes)
    out.push({ name: route.name, cold: await kvReads(base, route), warm: await kvReads(base, route) });
  return out;
}

/**
 * The throughput of `route` as a share of the no-op route's, measured in alternating
 * rounds (no-op, route, no-op, route…), so that the server's drift over the run (its
 * heaps grow, the machine's other work) weighs on both alike.
 *
 * @example
 * await ratioToNoop(base, noop, byId, { rounds: 3, seconds: 5 });
 */
export async function ratioToNoop(
  base: string,
  noop: Route,
  route: Route,
  { rounds = 3, seconds = 5, connections = 10 } = {},
): Promise<{ ratio: number; noop: number; route: number }> {
  let a = 0;
  let b = 0;
  for (let i = 0; i < rounds; i++) {
    a += (await run({ url: base, connections, duration: seconds, requests: [noop.request] })).requests.average;
    b += (await run({ url: base, connections, duration: seconds, requests: [route.request] })).requests.average;
  }
  return { ratio: b / a, noop: a / rounds, route: b / rounds };
}
