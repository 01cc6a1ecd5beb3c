/**
 * Starts the real main job (`scripts/start.ts`, as `npm start` does: build,
 * `wrangler dev`, then `data/` loaded through the writer) on a free port, with a state
 * directory of its own, and waits until it says it is ready (data loaded and
 * published). Used by the end-to-end tests and the benchmark.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";

/** A running local server. */
export interface LocalServer {
  url: string;
  /** The process group of start.ts, wrangler and workerd. */
  group: number;
  adminToken: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * @example
 * const server = await startLocalServer({ adminToken: "…" });
 * await fetch(`${server.url}/healthz`);
 * await server.stop();
 */
export async function startLocalServer({
  adminToken = "local-admin-token-abcdefghijklmnop",
  timeoutMs = 120_000,
} = {}): Promise<LocalServer> {
  const port = await freePort();
  await mkdir(".wrangler", { recursive: true });
  const state = await mkdtemp(".wrangler/local-state-");
  let output = "";
  const child = spawn(process.execPath, ["scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), CLAIMCARD_STATE: state, ADMIN_TOKEN: adminToken },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 300));
    await rm(state, { recursive: true, force: true });
  };
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (output.includes("start: ready on")) break;
    if (Date.now() > until) {
      await stop();
      throw new Error(`the server did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, group: child.pid!, adminToken, stop };
}
