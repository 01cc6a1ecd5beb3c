/**
 * Requests to the Worker under test, through its real `fetch` handler in workerd.
 */
import { exports } from "cloudflare:workers";

/** The origin test requests are made against. */
export const ORIGIN = "https://claims.test";

/**
 * Sends a request to the Worker.
 *
 * @example
 * const res = await request("/v1/claims/dnc-hack-2016");
 */
export function request(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, ORIGIN), init));
}

/** Parses a problem+json response, checking its media type and shape. */
export async function problem(res: Response): Promise<{ type: string; title: string; status: number; detail: string; errors?: string[] }> {
  if (!res.headers.get("Content-Type")?.startsWith("application/problem+json")) {
    throw new Error(`expected application/problem+json, got ${res.headers.get("Content-Type")} (${res.status}): ${await res.text()}`);
  }
  return res.json();
}
