/**
 * How the widget reaches the API: the base URL, and fetches that time out instead of
 * hanging, and never throw anything but a plain `Error`.
 *
 * @module
 */
import type { Claim, MatchRequest, MatchResult } from "../schema/index.ts";

/** The origin `widget.js` was loaded from: the default API base. */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * The API base: an explicit `api` attribute if it is an http(s) URL, else the origin
 * the widget was loaded from.
 *
 * @example
 * apiBase("https://claims.example.org/"); // "https://claims.example.org"
 * apiBase("");                            // the script's origin
 */
export function apiBase(api?: string | null): string {
  if (api) {
    try {
      const u = new URL(api, document.baseURI);
      if (u.protocol === "https:" || u.protocol === "http:") return u.href.replace(/\/+$/, "");
    } catch {
      /* fall back to the script's origin */
    }
  }
  return SCRIPT_ORIGIN;
}

/**
 * Requests JSON (a GET, or a POST when there is a body) with a timeout. Resolves `null` on 404, rejects on anything else that
 * is not a 2xx JSON answer.
 *
 * @example
 * const claim = await requestJson<Claim>(`${base}/v1/claims/x`, { timeout: 5000 });
 */
export async function requestJson<T>(
  url: string,
  { timeout, signal, body }: { timeout: number; signal?: AbortSignal; body?: unknown },
): Promise<T | null> {
  // AbortSignal.any and .timeout are recent: one controller and a timer work everywhere.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  signal?.addEventListener("abort", () => abort.abort(), { once: true });
  try {
    return await request<T>(url, body, abort.signal);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A POST sends its JSON as a string with no Content-Type of its own, so the browser
 * labels it text/plain: a CORS-simple request, with no preflight round trip (the API
 * reads a text/plain body as JSON).
 */
async function request<T>(url: string, body: unknown, signal: AbortSignal): Promise<T | null> {
  const res = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    headers: { Accept: "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
    signal,
    credentials: "omit",
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * One claim by id, or `null` when there is none.
 *
 * @example
 * await fetchClaim(base, "dnc-hack-2016", { timeout: 5000 });
 */
export function fetchClaim(
  base: string,
  id: string,
  opts: { timeout: number; signal?: AbortSignal },
): Promise<Claim | null> {
  return requestJson<Claim>(`${base}/v1/claims/${encodeURIComponent(id)}`, opts);
}

/**
 * The claims relevant to an article's text.
 *
 * @example
 * const { matches } = await requestMatches(base, { text, lang: "fr" }, { timeout: 5000 });
 */
export async function requestMatches(
  base: string,
  body: MatchRequest,
  opts: { timeout: number },
): Promise<MatchResult> {
  return (await requestJson<MatchResult>(`${base}/v1/match`, { ...opts, body })) ?? { matches: [] };
}
