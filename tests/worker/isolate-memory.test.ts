/**
 * Unit tests of `worker/store/isolate-memory.ts`, with small limits and a clock the test
 * moves (no mock: the class takes its clock as an argument).
 */
import { describe, expect, it } from "vitest";
import type { Catalog } from "../../worker/store/catalog.ts";
import { IsolateMemory, MEMORY_TTL_MS, MISS_TTL_MS } from "../../worker/store/isolate-memory.ts";

function memory(limits: Partial<ConstructorParameters<typeof IsolateMemory>[0]> = {}) {
  const clock = { t: 1_000_000 };
  return { clock, memory: new IsolateMemory({ now: () => clock.t, ...limits }) };
}

const record = (json: string) => ({ json, meta: { version: 1, etag: '"1-0000000000000000"' } });

describe("IsolateMemory", () => {
  it("tells a hit, a known miss and the unknown apart", () => {
    const { memory: m } = memory();
    m.remember("claim:a", record("{}"));
    m.remember("claim:b", null);
    expect(m.recall("claim:a")).toEqual(record("{}"));
    expect(m.recall("claim:b")).toBeNull();
    expect(m.recall("claim:c")).toBeUndefined();
  });

  it("evicts the least recently used hit, not the first one in", () => {
    const { memory: m } = memory({ maxHits: 3 });
    for (const k of ["a", "b", "c"]) m.remember(k, `"${k}"`);
    m.recall("a"); // a is now the most recently used
    m.remember("d", '"d"');
    expect(m.recall("a")).toBe('"a"');
    expect(m.recall("b")).toBeUndefined();
    expect(m.recall("c")).toBe('"c"');
    expect(m.recall("d")).toBe('"d"');
  });

  it("bounds hits by characters too: one huge entry pushes out older ones, never past the limit", () => {
    const { memory: m } = memory({ maxHits: 100, maxHitChars: 1000 });
    for (let i = 0; i < 5; i++) m.remember(`k${i}`, "x".repeat(150));
    m.remember("big", "y".repeat(600));
    expect(m.size.hitChars).toBeLessThanOrEqual(1000);
    expect(m.recall("big")).toHaveLength(600);
    expect(m.recall("k0")).toBeUndefined();
    expect(m.recall("k4")).toHaveLength(150);
  });

  it("keeps misses apart: any number of misses leaves every hit and index in place", () => {
    const { memory: m } = memory({ maxHits: 10, maxMisses: 10 });
    m.remember("claim:real", record("{}"));
    const catalog = { generation: "g", entries: [], names: {} } satisfies Catalog;
    m.catalog.set(catalog);
    for (let i = 0; i < 1000; i++) m.remember(`lookup:https://spam.example/${i}`, null);
    expect(m.recall("claim:real")).toEqual(record("{}"));
    expect(m.catalog.get()).toBe(catalog);
    expect(m.size.misses).toBe(10);
    expect(m.recall("lookup:https://spam.example/999")).toBeNull();
    expect(m.recall("lookup:https://spam.example/0")).toBeUndefined();
  });

  it("keeps indexes in their own slots: any number of hits leaves them in place", () => {
    const { memory: m } = memory({ maxHits: 10 });
    const catalog = { generation: "g", entries: [], names: {} } satisfies Catalog;
    m.catalog.set(catalog);
    for (let i = 0; i < 1000; i++) m.remember(`lookup:https://news.example/${i}`, "[]");
    expect(m.catalog.get()).toBe(catalog);
  });

  it("remembers a miss briefly, a hit and an index longer", () => {
    const { memory: m, clock } = memory();
    m.remember("claim:gone", null);
    m.remember("claim:here", record("{}"));
    m.catalog.set({ generation: "g", entries: [], names: {} });
    clock.t += MISS_TTL_MS - 1;
    expect(m.recall("claim:gone")).toBeNull();
    clock.t += 2;
    expect(m.recall("claim:gone")).toBeUndefined();
    expect(m.recall("claim:here")).toBeDefined();
    clock.t += MEMORY_TTL_MS;
    expect(m.recall("claim:here")).toBeUndefined();
    expect(m.catalog.get()).toBeUndefined();
  });

  it("lets a deletion be remembered as long as a record (a miss with its own lifetime)", () => {
    const { memory: m, clock } = memory();
    m.remember("claim:deleted", null, MEMORY_TTL_MS);
    clock.t += MISS_TTL_MS + 1;
    expect(m.recall("claim:deleted")).toBeNull();
  });

  it("turns a miss into a hit, and a hit into a miss, when told", () => {
    const { memory: m } = memory();
    m.remember("claim:x", null);
    m.remember("claim:x", record("{}"));
    expect(m.recall("claim:x")).toEqual(record("{}"));
    m.remember("claim:x", null);
    expect(m.recall("claim:x")).toBeNull();
  });

  it("forgets everything on clear()", () => {
    const { memory: m } = memory();
    m.remember("claim:x", record("{}"));
    m.remember("claim:y", null);
    m.catalog.set({ generation: "g", entries: [], names: {} });
    m.clear();
    expect(m.recall("claim:x")).toBeUndefined();
    expect(m.recall("claim:y")).toBeUndefined();
    expect(m.catalog.get()).toBeUndefined();
  });

  it("forgets after a write only what the write made stale: those records, the lookups and the indexes", () => {
    const { memory: m } = memory();
    m.remember("claim:written-before", record('{"v":2}'));
    m.remember("claim:x", record("{}"));
    m.remember("claim:gone", null);
    m.remember("lookup:https://example.org/a", '{"ids":["x"]}');
    m.remember("lookup:https://example.org/b", null);
    m.catalog.set({ generation: "g", entries: [], names: {} });
    m.forget(["claim:x", "claim:gone"], ["lookup:"]);
    expect(m.recall("claim:x")).toBeUndefined();
    expect(m.recall("claim:gone")).toBeUndefined();
    expect(m.recall("lookup:https://example.org/a")).toBeUndefined();
    expect(m.recall("lookup:https://example.org/b")).toBeUndefined();
    expect(m.catalog.get()).toBeUndefined();
    expect(m.recall("claim:written-before")).toEqual(record('{"v":2}'));
  });
});
