/**
 * The control of the memory measurement: wrangler dev's local runtime grows by tens of
 * kilobytes per request even for a Worker that only answers "ok" (measured: 86 → 316 MB
 * over 6,000 requests). So claimcard's growth is compared with that of this one-line
 * Worker, run the same way, under the same load.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { devArgs, QUIET_ENV } from "../../lib/wrangler.ts";

/** A running control Worker. */
export interface Control {
  url: string;
  rss(): number;
  stop(): Promise<void>;
}

/**
 * Resident memory (KB) of the workerd process that serves `port`, in process group `group`.
 *
 * @example
 * workerdRss(process.pid, 8787);
 */
export function workerdRss(group: number, port: string | number): number {
  const out = execFileSync("ps", ["-o", "rss=,args=", "-g", String(group)], { encoding: "utf8" });
  const line = out.split("\n").find((l) => l.includes("workerd") && l.includes(`entry=127.0.0.1:${port}`));
  return line ? Number(line.trim().split(/\s+/)[0]) : 0;
}

/**
 * Starts the control Worker with `wrangler dev` on `port`.
 *
 * @example
 * const control = await startControl(8790);
 */
export async function startControl(port: number): Promise<Control> {
  await mkdir(".wrangler", { recursive: true });
  const dir = await mkdtemp(join(".wrangler", "control-"));
  await writeFile(
    join(dir, "wrangler.toml"),
    `name = "control"\nmain = "index.js"\ncompatibility_date = "2026-11-01"\n`,
  );
  await writeFile(join(dir, "index.js"), `export default { fetch() { return new Response("ok"); } };\n`);
  const child = spawn(process.execPath, devArgs(port), {
    cwd: dir,
    env: { ...process.env, ...QUIET_ENV },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    url,
    rss: () => workerdRss(child.pid!, port),
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* gone */
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
