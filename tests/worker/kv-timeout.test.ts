/**
 * Unit tests of `worker/store/kv-timeout.ts`: every KV read settles in time, and only
 * ever fails as `StoreUnavailable` (which the app answers 503). The reads are plain
 * promises the test makes: one that resolves, one that rejects, one that never settles.
 */
import { describe, expect, it } from "vitest";
import { StoreUnavailable, withinTimeout } from "../../worker/store/kv-timeout.ts";

describe("withinTimeout", () => {
  it("gives the read's value", async () => {
    expect(await withinTimeout(async () => "value", 50)).toBe("value");
  });

  it("turns a failed read into StoreUnavailable, keeping the cause", async () => {
    const cause = new Error("KV: internal error");
    const err = await withinTimeout(() => Promise.reject(cause), 50).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect((err as Error).cause).toBe(cause);
  });

  it("turns a read that throws at once into StoreUnavailable", async () => {
    const err = await withinTimeout(() => {
      throw new TypeError("bad key");
    }, 50).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailable);
  });

  it("gives up a read that never settles after the timeout, and says how long it waited", async () => {
    const start = Date.now();
    const err = await withinTimeout(() => new Promise(() => {}), 60).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect((err as Error).message).toBe("KV read took over 60 ms");
    expect(Date.now() - start).toBeGreaterThanOrEqual(50);
  });
});
