/**
 * `npm start`: builds the widget, loads `data/` into local KV, and serves the API, the
 * widget and the demo page on http://127.0.0.1:${PORT:-8787} with `wrangler dev`
 * (workerd, on-disk KV in .wrangler/state), offline and quiet.
 *
 * Local state lives in .wrangler/state, or in `CLAIMCARD_STATE` (the end-to-end tests
 * use a state directory of their own).
 *
 * The admin token comes from `ADMIN_TOKEN`, else `.dev.vars`, else a random one made
 * for this run and printed once.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { QUIET_ENV, WRANGLER_BIN } from "../lib/wrangler.ts";

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`start: PORT must be a TCP port number (got "${process.env.PORT}")`);
  process.exit(1);
}

/** Runs a Node script of this repo and waits for it, stopping on failure. */
function step(script: string, args: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: "inherit" });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

try {
  await step("scripts/build.ts");
  await step("scripts/data-load.ts");
} catch (e) {
  console.error(`start: ${(e as Error).message}`);
  process.exit(1);
}

const vars: string[] = [];
const fromDevVars = existsSync(".dev.vars") && /^ADMIN_TOKEN=/m.test(readFileSync(".dev.vars", "utf8"));
if (process.env.ADMIN_TOKEN) vars.push("--var", `ADMIN_TOKEN:${process.env.ADMIN_TOKEN}`);
else if (!fromDevVars) {
  const token = randomBytes(24).toString("base64url");
  vars.push("--var", `ADMIN_TOKEN:${token}`);
  console.log(`start: admin token for this run (local only): ${token}`);
}

console.log(`start: serving on http://127.0.0.1:${port}/ (demo), /v1/… (API), /widget.js`);
const dev = spawn(
  process.execPath,
  [
    WRANGLER_BIN,
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    // Links and cache keys are built on PUBLIC_ORIGIN (worker/origin.ts): locally, this address.
    "--var",
    `PUBLIC_ORIGIN:http://127.0.0.1:${port}`,
    "--show-interactive-dev-session=false",
    "--log-level",
    process.env.WRANGLER_LOG_LEVEL ?? "warn",
    ...(process.env.CLAIMCARD_STATE ? ["--persist-to", process.env.CLAIMCARD_STATE] : []),
    ...vars,
  ],
  { stdio: "inherit", env: { ...process.env, ...QUIET_ENV } },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("close", (code) => process.exit(code ?? 0));
