/**
 * Helpers for the tests of the writer and the admin routes: the editors configured in
 * `vitest.config.ts`, requests as each of them, and `settle()`, which runs the writer's
 * alarm until everything is published (as the runtime would, a moment later).
 */
import { env, runDurableObjectAlarm } from "cloudflare:test";
import type { Claim } from "../../schema/index.ts";
import { request } from "./http.ts";
import { seedClaims } from "./seed.ts";

/** `ADMIN_TOKEN` in vitest.config.ts: the editor `admin`. */
export const ADMIN_TOKEN = "test-admin-token-0123456789";
/** Named editors' tokens; their SHA-256 hashes are in `EDITORS` (vitest.config.ts). */
export const ALICE = "alice-token-0123456789abcdef";
export const BRUNO = "bruno-token-0123456789abcdef";

/** Headers of a JSON request as the editor whose token this is. */
export function as(token: string, headers: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers };
}

/** The writer's stub. */
export function theWriter() {
  return env.WRITER.getByName("claims");
}

/**
 * Runs the writer's alarm until nothing is left to publish (at most 15 s), waiting for
 * keys that KV's one-write-per-second rule holds back.
 */
export async function settle(): Promise<void> {
  const writer = theWriter();
  const until = Date.now() + 15_000;
  while ((await writer.status()).pending > 0) {
    if (Date.now() > until) throw new Error(`the writer did not settle: ${JSON.stringify(await writer.status())}`);
    if (!(await runDurableObjectAlarm(writer))) await new Promise((r) => setTimeout(r, 50));
  }
}

/** A new, valid record built from a seed record, with its own id, URL and topic. */
export function draftClaim(id: string, changes: Partial<Claim> = {}): Claim {
  const base = structuredClone(seedClaims().find((c) => c.id === "ukraine-ministries-2022")!);
  return { ...base, id, urls: [`https://news.example.org/${id}`], topics: [id], related: [], ...changes };
}

/** `PUT /v1/claims/:id` as an editor. */
export function putClaim(
  id: string,
  body: unknown,
  headers: Record<string, string> = {},
  token = ADMIN_TOKEN,
  query = "",
): Promise<Response> {
  return request(`/v1/claims/${id}${query}`, {
    method: "PUT",
    headers: as(token, headers),
    body: JSON.stringify(body),
  });
}
