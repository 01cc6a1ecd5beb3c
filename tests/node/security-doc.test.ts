/**
 * SECURITY.md says what the service does: the `Cache-Control` it quotes for public reads is
 * the constant the Worker sends (`PUBLIC_CACHE_CONTROL`), and the header the real local
 * server sends.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { PUBLIC_CACHE_CONTROL } from "../../shared/constants.ts";

const base = inject("baseUrl");

describe("SECURITY.md", () => {
  it("quotes the Cache-Control of public reads as the Worker sends it, and cites its constant", async () => {
    const doc = await readFile("SECURITY.md", "utf8");
    const quoted = [...doc.matchAll(/`Cache-Control: ([^`]+)`/g)].map((m) => m[1]);
    expect(quoted.length).toBeGreaterThan(0);
    for (const value of quoted) expect(value).toBe(PUBLIC_CACHE_CONTROL);
    expect(doc).toContain("`PUBLIC_CACHE_CONTROL` in `shared/constants.ts`");
    const res = await fetch(`${base}/v1/claims/dnc-hack-2016`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe(PUBLIC_CACHE_CONTROL);
  });
});
