/**
 * Global setup of the node tests: runs the real main job (`scripts/start.ts`, as
 * `npm start` does: build, load `data/` into local KV, `wrangler dev`) on a free port,
 * with a KV state directory of its own, and hands its URL to the tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";

/** The admin token of the server under test. */
export const E2E_ADMIN_TOKEN = "e2e-admin-token-abcdefghijklmnop";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url} within ${ms} ms:\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const state = await mkdtemp(".wrangler/e2e-state-");
  let output = "";
  const child = spawn(process.execPath, ["scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), CLAIMCARD_STATE: state, ADMIN_TOKEN: E2E_ADMIN_TOKEN },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/healthz`, child, () => output, 120_000);
  project.provide("baseUrl", baseUrl);
  project.provide("adminToken", E2E_ADMIN_TOKEN);
  return async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 300));
    await rm(state, { recursive: true, force: true });
  };
}
