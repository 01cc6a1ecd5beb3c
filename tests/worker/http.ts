/**
 * Requests to the Worker under test, through its real `fetch` handler in workerd.
 */
import { exports } from "cloudflare:workers";
import { PROBLEM_MEDIA_TYPE, PROBLEMS, problemKind } from "../../shared/problems.ts";

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
