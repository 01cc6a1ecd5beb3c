/**
 * Runs wrangler with the Node that runs this script (Node 22 from the lockfile's pinned
 * platform package), quiet and offline.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
/** wrangler's own entry point, so that no shell or PATH lookup picks another Node. */
export const WRANGLER_BIN = join(dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");

/** Environment that keeps wrangler offline and silent about telemetry. */
export const QUIET_ENV = {
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
};

/**
 * The arguments of `wrangler dev` on 127.0.0.1:`port`, with no interactive session and
 * warnings only (or `WRANGLER_LOG_LEVEL`), and `extra` after them.
 *
 * @example
 * spawn(process.execPath, devArgs(8787, ["--persist-to", state]), { env: { ...process.env, ...QUIET_ENV } });
 */
export function devArgs(port: number, extra: string[] = []): string[] {
  return [
    WRANGLER_BIN,
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--show-interactive-dev-session=false",
    "--log-level",
    process.env.WRANGLER_LOG_LEVEL ?? "warn",
    ...extra,
  ];
}

/**
 * Runs `wrangler …args` and resolves with its stdout; rejects with its stderr on failure.
 *
 * @example
 * const json = await wrangler(["kv", "key", "list", "--binding", "KV", "--local"]);
 */
export function wrangler(args: string[], options: { echo?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER_BIN, ...args], {
      env: { ...process.env, ...QUIET_ENV },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      if (options.echo) process.stdout.write(d);
    });
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`wrangler ${args.slice(0, 3).join(" ")} failed (${code}):\n${err || out}`)),
    );
  });
}
