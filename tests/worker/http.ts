/**
 * Requests to the Worker under test, through its real `fetch` handler in workerd.
 */
import { exports } from "cloudflare:workers";
import { PROBLEM_MEDIA_TYPE, PROBLEMS, problemKind } from "../../shared/problems.ts";

/** The origin test requests are made against. */
export const ORIGIN = "https://claims.test";

/**
 * The client IP test requests come from unless they say otherwise: loopback, as every
 * request to `wrangler dev` does, so that the rate limit of `POST /v1/match` (which
 * exempts loopback) does not count the other tests' requests. The rate-limit tests send
 * their own `CF-Connecting-IP`, or none (`sendRaw`).
 */
export const TEST_CLIENT_IP = "127.0.0.1";

/**
 * Sends a request to the Worker, from {@link TEST_CLIENT_IP} unless `init` sets `CF-Connecting-IP`.
 *
 * @example
 * const res = await request("/v1/claims/dnc-hack-2016");
 */
export function request(path: string, init?: RequestInit): Promise<Response> {
  const req = new Request(new URL(path, ORIGIN), init);
  if (!req.headers.has("CF-Connecting-IP")) req.headers.set("CF-Connecting-IP", TEST_CLIENT_IP);
  return exports.default.fetch(req);
}

/**
 * Sends a request exactly as given: no client IP unless `init` sets one (a service binding's call).
 *
 * @example
 * const res = await sendRaw("/v1/match", { method: "POST", body });
 */
export function sendRaw(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, ORIGIN), init));
}

/**
 * Parses a problem+json response, checking its media type, and that it is the catalogue's
 * problem of its kind: the same status, the same title, `errors` exactly when the kind
 * lists bad fields.
 */
export async function problem(
  res: Response,
): Promise<{ type: string; title: string; status: number; detail: string; errors?: string[] }> {
  if (!res.headers.get("Content-Type")?.startsWith(PROBLEM_MEDIA_TYPE)) {
    throw new Error(
      `expected ${PROBLEM_MEDIA_TYPE}, got ${res.headers.get("Content-Type")} (${res.status}): ${await res.text()}`,
    );
  }
  const body = (await res.json()) as { type: string; title: string; status: number; detail: string; errors?: string[] };
  const kind = problemKind(body.type);
  if (!kind) throw new Error(`problem type ${body.type} is not in the catalogue`);
  const entry = PROBLEMS[kind];
  if (
    body.status !== res.status ||
    entry.status !== res.status ||
    body.title !== entry.title ||
    Array.isArray(body.errors) !== entry.errors ||
    typeof body.detail !== "string"
  ) {
    throw new Error(
      `problem ${kind} does not follow the catalogue (${JSON.stringify(entry)}): ${res.status} ${JSON.stringify(body)}`,
    );
  }
  return body;
}
