/**
 * `npm start`: builds the widget and the desk, serves the API, the widget, the demo page
 * and the desk (`/admin`) on http://127.0.0.1:${PORT:-8787} with `wrangler dev`
 * (workerd, on-disk state in .wrangler/state, or in `CLAIMCARD_STATE`), offline and
 * quiet; then loads `data/` through the writer (`data:load`, an admin import: a record
 * an editor changed locally since is listed, never overwritten).
 *
 * The admin token comes from `ADMIN_TOKEN`, else `.dev.vars`, else a random one made for
 * this run and printed once. It reaches wrangler through a file only this user can read
 * (mode 0600, in a private directory, deleted on exit), never on a command line, where
 * any local user could read it in `ps`. `EDITORS` and `SECOND_EDITOR` are passed the same
 * way when set.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { devVar } from "../lib/admin-target.ts";
import { devArgs, QUIET_ENV } from "../lib/wrangler.ts";

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`start: PORT must be a TCP port number (got "${process.env.PORT}")`);
  process.exit(1);
}

// Refuse a port something else listens on: the load below must reach this server, no other.
const free = await new Promise<boolean>((resolve) => {
  const probe = createServer();
  probe.once("error", () => resolve(false));
  probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
});
if (!free) {
  console.error(`start: 127.0.0.1:${port} is already in use: set PORT to a free port`);
  process.exit(1);
}

/** Runs a Node script of this repo and waits for it; resolves with its exit code. */
function run(script: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: "inherit", env });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

for (const script of ["scripts/build.ts", "scripts/build-desk.ts"]) {
  if ((await run(script)) !== 0) {
    console.error(`start: ${script} failed`);
    process.exit(1);
  }
}

let token = process.env.ADMIN_TOKEN ?? devVar("ADMIN_TOKEN");
if (!token) {
  token = randomBytes(24).toString("base64url");
  console.log(`start: admin token for this run (local only): ${token}`);
}

// Secrets go to wrangler in a file of this user's own, never as arguments.
const secretsDir = mkdtempSync(join(tmpdir(), "claimcard-secrets-"));
const secrets = join(secretsDir, "secrets.env");
const lines = [`ADMIN_TOKEN=${token}`];
for (const name of ["ADMIN_TOKEN_NEXT", "EDITORS", "SECOND_EDITOR"] as const) {
  const value = process.env[name];
  if (value) lines.push(`${name}='${value.replace(/'/g, "")}'`);
}
writeFileSync(secrets, `${lines.join("\n")}\n`, { mode: 0o600 });
const cleanup = () => rmSync(secretsDir, { recursive: true, force: true });
process.on("exit", cleanup);

const base = `http://127.0.0.1:${port}`;
console.log(`start: serving on ${base}/ (demo), /admin (desk), /v1/… (API), /widget.js`);
const dev = spawn(
  process.execPath,
  devArgs(port, [
    // Links and cache keys are built on PUBLIC_ORIGIN (worker/origin.ts): locally, this address.
    "--var",
    `PUBLIC_ORIGIN:http://127.0.0.1:${port}`,
    "--env-file",
    secrets,
    ...(process.env.CLAIMCARD_STATE ? ["--persist-to", process.env.CLAIMCARD_STATE] : []),
  ]),
  { stdio: "inherit", env: { ...process.env, ...QUIET_ENV } },
);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    dev.kill(signal);
  });
dev.on("close", (code) => {
  cleanup();
  process.exit(code ?? 0);
});

// Once the server answers, load data/ through it.
const until = Date.now() + 120_000;
for (;;) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  if (Date.now() > until || dev.exitCode !== null) {
    console.error("start: the server did not come up");
    dev.kill("SIGTERM");
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}
const loaded = await run("scripts/data-load.ts", ["--url", base], { ...process.env, ADMIN_TOKEN: token });
if (loaded !== 0 && loaded !== 3) console.error("start: data:load failed; the server goes on without it");
console.log(`start: ready on ${base}/`);
