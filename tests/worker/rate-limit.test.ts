/**
 * The rate limit of `POST /v1/match`, with the real Rate Limiting binding of wrangler.toml
 * (`MATCH_LIMIT`, read from there) in workerd: its key, who shares one, and the
 * `Retry-After` of the problem catalogue, which waits out the binding's period.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { PROBLEMS } from "../../shared/problems.ts";
import { clientKey, NO_IP_KEY } from "../../worker/middleware/rate-limit.ts";
import { problem, request, sendRaw } from "./http.ts";
import { rateLimit } from "./rate-limits.ts";
import { seed } from "./seed.ts";

const { limit: LIMIT, period: PERIOD } = rateLimit("MATCH_LIMIT");

beforeAll(async () => {
  await seed();
});

const body = JSON.stringify({ text: "rien" });

/** Sends `n` matches, from the client IPs `ip(i)` (no header when it gives undefined), and returns their statuses. */
async function matches(n: number, ip: (i: number) => string | undefined): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const address = ip(i);
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (address !== undefined) headers["CF-Connecting-IP"] = address;
    const res = await (address === undefined ? sendRaw : request)("/v1/match", { method: "POST", headers, body });
    statuses.push(res.status);
    if (res.status === 429) {
      expect(res.headers.get("Retry-After")).toBe(String(PROBLEMS["rate-limited"].retryAfter));
      await problem(res);
    } else await res.arrayBuffer();
  }
  return statuses;
}

describe("clientKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:a:b:1:2:3:4", "2001:db8:a:b::/64"],
    ["2001:DB8:A:B::1", "2001:db8:a:b::/64"],
    ["2001:db8:a:b:ffff:ffff:ffff:ffff", "2001:db8:a:b::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::ffff:198.51.100.9", "198.51.100.9"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    [undefined, NO_IP_KEY],
    ["", NO_IP_KEY],
    ["not-an-ip", NO_IP_KEY],
    ["999.1.1.1", NO_IP_KEY],
    ["2001:db8::1::2", NO_IP_KEY],
    ["2001:db8:a:b:c:d:e:f:1", NO_IP_KEY],
  ])("keys %s as %s", (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });
});

describe("POST /v1/match rate limit", () => {
  it("tells a limited client to wait out the binding's period", () => {
    expect(PROBLEMS["rate-limited"].retryAfter).toBe(PERIOD);
  });

  it("counts an IPv6 client by its /64: rotating the address within it does not escape the limit", async () => {
    const statuses = await matches(LIMIT + 5, (i) => `2001:db8:77:1:${(i + 1).toString(16)}::${i.toString(16)}`);
    expect(
      statuses.slice(0, LIMIT).every((s) => s === 200),
      String(statuses),
    ).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429, 429]);
    // The next /64 is another subscriber.
    expect(await matches(1, () => "2001:db8:77:2::1")).toEqual([200]);
  });

  it("limits callers without a client IP (service bindings) together, under one key", async () => {
    const statuses = await matches(LIMIT + 5, (i) => (i % 2 ? undefined : `spoofed-${i}`));
    expect(
      statuses.slice(0, LIMIT).every((s) => s === 200),
      String(statuses),
    ).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429, 429]);
    // A real client is not in their bucket.
    expect(await matches(1, () => "198.51.100.20")).toEqual([200]);
  });
});
