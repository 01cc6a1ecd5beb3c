/**
 * Where the data tools (`data:load`, `data:export`) send their admin requests, and with
 * which token. Locally: the running `npm start` server at `http://127.0.0.1:$PORT`
 * (default 8787), with `ADMIN_TOKEN` from the environment or `.dev.vars`. `--url <base>`
 * picks any other server; `--remote` the deployed one, at `CLAIMCARD_URL`. The token is
 * never taken from the command line (other users of the machine can read it there).
 *
 * @module
 */
import { existsSync, readFileSync } from "node:fs";

/** A server to send admin requests to. */
export interface AdminTarget {
  base: string;
  token: string;
  /** Says where, for messages: never the token. */
  label: string;
}

/**
 * Reads `--url` / `--remote` from `argv` and the token from the environment or `.dev.vars`.
 *
 * @example
 * const target = adminTarget(process.argv.slice(2));
 * await fetch(`${target.base}/v1/admin/status`, { headers: { Authorization: `Bearer ${target.token}` } });
 */
export function adminTarget(argv: readonly string[]): AdminTarget {
  const urlAt = argv.indexOf("--url");
  let base: string;
  if (urlAt >= 0) {
    const given = argv[urlAt + 1];
    if (!given || !/^https?:\/\//.test(given)) throw new Error("--url needs an http(s) base URL");
    base = given;
  } else if (argv.includes("--remote")) {
    if (!process.env.CLAIMCARD_URL)
      throw new Error("--remote needs CLAIMCARD_URL (the deployed Worker's URL), or pass --url");
    base = process.env.CLAIMCARD_URL;
  } else base = `http://127.0.0.1:${process.env.PORT ?? 8787}`;
  const token = process.env.ADMIN_TOKEN ?? devVar("ADMIN_TOKEN");
  if (!token) throw new Error("set ADMIN_TOKEN (an editor's token) in the environment or in .dev.vars");
  return { base: base.replace(/\/+$/, ""), token, label: base };
}

/** A variable of `.dev.vars` (KEY=value lines, optionally quoted), or undefined. */
export function devVar(name: string): string | undefined {
  if (!existsSync(".dev.vars")) return undefined;
  const m = new RegExp(`^${name}\\s*=\\s*(.*)$`, "m").exec(readFileSync(".dev.vars", "utf8"));
  return m?.[1]?.trim().replace(/^(["'])(.*)\1$/, "$2") || undefined;
}

/**
 * An admin request as JSON; throws with the server's problem detail when it fails.
 *
 * @example
 * const status = await adminJson<WriterStatus>(target, "/v1/admin/status");
 */
export async function adminJson<T>(target: AdminTarget, path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(target.base + path, {
      ...init,
      headers: { Authorization: `Bearer ${target.token}`, "Content-Type": "application/json", ...init.headers },
    });
  } catch (e) {
    throw new Error(`${target.label} does not answer (${(e as Error).message}): is npm start running?`);
  }
  const text = await res.text();
  if (!res.ok) {
    let detail = text;
    try {
      const p = JSON.parse(text) as { detail?: string; errors?: string[] };
      detail = [p.detail, ...(p.errors ?? []).slice(0, 20)].filter(Boolean).join("\n  ");
    } catch {}
    throw new Error(`${init.method ?? "GET"} ${path}: ${res.status}\n  ${detail}`);
  }
  return JSON.parse(text) as T;
}
