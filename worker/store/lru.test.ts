import { describe, expect, it } from "vitest";
import { Lru } from "./lru.ts";

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("Lru", () => {
  it("evicts the least recently used entry, not the first one in", () => {
    const c = clock();
    const lru = new Lru<string>({ max: 2, ttlMs: 1000, now: c.now });
    lru.set("a", "1");
    lru.set("b", "2");
    expect(lru.get("a")).toBe("1");
    lru.set("c", "3");
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("1");
    expect(lru.get("c")).toBe("3");
    expect(lru.size).toBe(2);
  });

  it("bounds the measured size: a big entry pushes out older ones, and one over the bound is not kept", () => {
    const lru = new Lru<string>({ max: 10, maxSize: 10, sizeOf: (v) => v.length, ttlMs: 1000, now: () => 0 });
    lru.set("a", "aaaa");
    lru.set("b", "bbbb");
    lru.set("c", "cccccc");
    expect(lru.get("a")).toBeUndefined();
    expect(lru.get("b")).toBe("bbbb");
    expect(lru.calculatedSize).toBe(10);
    lru.set("huge", "x".repeat(11));
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.calculatedSize).toBe(10);
  });

  it("forgets an entry once its lifetime is over, each entry with its own", () => {
    const c = clock();
    const lru = new Lru<string>({ max: 10, ttlMs: 1000, now: c.now });
    lru.set("long", "1");
    lru.set("short", "2", 100);
    c.advance(100);
    expect(lru.get("short")).toBeUndefined();
    expect(lru.get("long")).toBe("1");
    c.advance(900);
    expect(lru.get("long")).toBeUndefined();
    expect(lru.size).toBe(0);
    expect(lru.calculatedSize).toBe(0);
  });

  it("replaces a key's value and size, and deletes and clears", () => {
    const lru = new Lru<string>({ max: 10, maxSize: 100, sizeOf: (v) => v.length, ttlMs: 1000, now: () => 0 });
    lru.set("a", "aaa");
    lru.set("a", "a");
    expect(lru.calculatedSize).toBe(1);
    lru.set("b", "bb");
    lru.delete("a");
    expect([...lru.keys()]).toEqual(["b"]);
    lru.clear();
    expect(lru.size).toBe(0);
    expect(lru.calculatedSize).toBe(0);
  });
});
