/**
 * The desk's calls to the admin API: same origin, the editor's token in the
 * `Authorization` header (kept in this tab's `sessionStorage` only, so that it is gone
 * when the tab closes and no other site's page can use it), or no token at all behind
 * Cloudflare Access. Every answer comes back as `{ status, body, etag }`: the desk shows
 * problems itself, it never throws on an HTTP error.
 *
 * @module
 */

const TOKEN_KEY = "claimcard-desk-token";

/** An API answer. */
export interface Answer<T> {
  status: number;
  ok: boolean;
  body: T;
  etag: string | null;
}

/** A problem document, as the API answers errors. */
export interface ProblemBody {
  title: string;
  detail: string;
  errors?: string[];
}

/**
 * @example
 * const api = new DeskApi();
 * const me = await api.get<EditorInfo>("/v1/admin/me");
 */
export class DeskApi {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  set token(value: string | null) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  }

  get<T>(path: string): Promise<Answer<T>> {
    return this.send<T>("GET", path);
  }

  async send<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const init: RequestInit = {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: {
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    let res: Response;
    try {
      res = await fetch(path, init);
    } catch (e) {
      return { status: 0, ok: false, body: { title: "Network", detail: String(e) } as T, etag: null };
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { title: String(res.status), detail: text.slice(0, 200) };
    }
    return { status: res.status, ok: res.ok, body: parsed as T, etag: res.headers.get("ETag") };
  }
}
