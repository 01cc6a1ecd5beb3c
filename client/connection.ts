/**
 * A client's connection: its options checked once and resolved to what every call uses
 * (the base URL without trailing slashes, the time limit, the `fetch` to call, the admin
 * token, the extra headers, whether responses are validated). It is plain data, made by
 * {@link connect} and handed to the transport and the endpoints, so that no call has to
 * look at the raw options again.
 *
 * @module
 */
import { FETCH_TIMEOUT_MS } from "../shared/constants.ts";
import type { ClaimcardClientOptions } from "./types.ts";

/**
 * How long a call may take, from sending the request to reading the whole body.
 *
 * @example
 * createClient({ baseUrl, timeoutMs: DEFAULT_TIMEOUT_MS * 2 });
 */
export const DEFAULT_TIMEOUT_MS = FETCH_TIMEOUT_MS;

/**
 * What every call of one client shares.
 *
 * @example
 * const conn: Connection = connect({ baseUrl: "http://127.0.0.1:8787" });
 */
export interface Connection {
  /** The API origin and path prefix, without a trailing slash. */
  readonly base: string;
  readonly timeoutMs: number;
  readonly fetch: typeof fetch;
  readonly token: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly validate: boolean;
}

/**
 * Checks a client's options and resolves their defaults. Throws a `TypeError` for a
 * `baseUrl` that is not an absolute http(s) URL or a `timeoutMs` that is not positive.
 *
 * @example
 * connect({ baseUrl: "https://claimcard.example.org/" }).base; // "https://claimcard.example.org"
 */
export function connect(options: ClaimcardClientOptions): Connection {
  const base = normalizeBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0))
    throw new TypeError(`claimcard: timeoutMs must be a positive number of milliseconds (got ${timeoutMs})`);
  return {
    base,
    timeoutMs,
    // Looked up at each call, so that a `fetch` installed later (a test's, a polyfill) is the one used.
    fetch: options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args)),
    token: options.token,
    headers: options.headers ?? {},
    validate: options.validate ?? false,
  };
}

/** Checks `baseUrl` and drops its trailing slashes. */
function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`claimcard: baseUrl must be an absolute http(s) URL (got ${JSON.stringify(baseUrl)})`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new TypeError(`claimcard: baseUrl must be an http(s) URL (got ${JSON.stringify(baseUrl)})`);
  if (url.search || url.hash)
    throw new TypeError(`claimcard: baseUrl must not have a query or a fragment (got ${JSON.stringify(baseUrl)})`);
  return (url.origin + url.pathname).replace(/\/+$/, "");
}
