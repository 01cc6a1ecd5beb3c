/**
 * Load at a fixed rate against the real local server (wrangler dev, workerd, on-disk
 * KV): a mix of the public routes for RELIABILITY_LOAD_SECONDS (60 in
 * `npm run test:reliability`, 10 in `npm test`), with zero errors; and the memory of the
 * workerd process that runs the Worker growing no more than that of a one-line control
 * Worker under the same load (see control.ts: wrangler dev's local runtime grows on its
 * own, production's does not run it).
 */
import type autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { run } from "../../lib/autocannon.ts";
import { freePort } from "../../lib/local-server.ts";
import { type Control, startControl, workerdRss } from "./control.ts";

const base = inject("baseUrl");
const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 10);
const RATE = Number(process.env.RELIABILITY_LOAD_RATE ?? 150);
const WARMUP_SECONDS = Number(process.env.RELIABILITY_WARMUP_SECONDS ?? 5);

const ARTICLE = JSON.stringify({
  text: "Selon CrowdStrike, deux groupes de hackers liés au renseignement russe, Fancy Bear et Cozy Bear, ont piraté le Comité national démocrate. WikiLeaks a publié près de 20 000 courriels à la veille de la convention démocrate, et la campagne d'Hillary Clinton accuse Moscou.",
});

const REQUESTS: autocannon.Request[] = [
  { method: "GET", path: "/v1/claims/dnc-hack-2016" },
  { method: "GET", path: "/v1/claims/gru-opcw-wada-2018" },
  { method: "GET", path: "/v1/claims?accused=russia&limit=3" },
  {
    method: "GET",
    path: `/v1/lookup?url=${encodeURIComponent("https://www.euronews.com/2018/10/04/dutch-government-says-it-disrupted-russian-attempt-to-hack-chemical-weapons-watchdog")}`,
  },
  { method: "POST", path: "/v1/match", headers: { "content-type": "application/json" }, body: ARTICLE },
  { method: "GET", path: "/embed/ukraine-ministries-2022?lang=fr" },
  { method: "GET", path: "/healthz" },
];

/** Warms up, then loads at the fixed rate, sampling memory: growth is the end minus the start of the loaded part. */
async function soak(
  url: string,
  rss: () => number,
  requests: autocannon.Request[],
): Promise<{ result: autocannon.Result; growthKb: number; samples: number[] }> {
  await run({ url, connections: 8, duration: WARMUP_SECONDS, overallRate: RATE, requests });
  const samples = [rss()];
  const sampler = setInterval(() => samples.push(rss()), 1000);
  const result = await run({ url, connections: 8, duration: SECONDS, overallRate: RATE, requests }).finally(() =>
    clearInterval(sampler),
  );
  samples.push(rss());
  return { result, growthKb: samples.at(-1)! - samples[0]!, samples };
}

let control: Control;
beforeAll(async () => {
  control = await startControl(await freePort());
}, 120_000);
afterAll(async () => {
  await control?.stop();
});

describe(`a ${SECONDS}-second load at ${RATE} requests/s`, () => {
  it("answers every request without error, and grows memory no more than a one-line Worker does", {
    timeout: (SECONDS + WARMUP_SECONDS) * 2000 + 60_000,
  }, async () => {
    const port = new URL(base).port;
    const claimcard = await soak(base, () => workerdRss(inject("serverGroup"), port), REQUESTS);
    const baseline = await soak(control.url, control.rss, [{ method: "GET", path: "/" }]);
    const mb = (kb: number) => (kb / 1024).toFixed(0);
    const { result } = claimcard;
    console.log(
      `load: ${result.requests.total} requests in ${SECONDS} s at ${RATE}/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `${result.errors} errors, ${result.non2xx} non-2xx; workerd RSS +${mb(claimcard.growthKb)} MB (${claimcard.samples.map(mb).join(" ")}), ` +
        `control +${mb(baseline.growthKb)} MB (${baseline.samples.map(mb).join(" ")})`,
    );
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.requests.total).toBeGreaterThanOrEqual(RATE * SECONDS * 0.9);
    expect(claimcard.samples[0]).toBeGreaterThan(0);
    expect(baseline.samples[0]).toBeGreaterThan(0);
    expect(claimcard.growthKb).toBeLessThanOrEqual(Math.max(baseline.growthKb, 0) * 1.5 + 32 * 1024);
  });
});
