/**
 * `npm run deploy [-- --data]`: after `deploy:check` and `build` (package.json), deploys
 * the Worker. Data is not touched: the writer holds the live records, and a deploy must
 * never replace what editors wrote.
 * With `--data`, it then runs `data:load --remote` (an import through the writer that
 * leaves newer live versions alone and lists them).
 *
 * @module
 */
import { spawn } from "node:child_process";
import { WRANGLER_BIN } from "../lib/wrangler.ts";

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    spawn(process.execPath, args, { stdio: "inherit" }).on("close", (code) => resolve(code ?? 1));
  });
}

const steps: string[][] = [
  [WRANGLER_BIN, "deploy"],
  ...(process.argv.includes("--data") ? [["scripts/data-load.ts", "--remote"]] : []),
];
for (const step of steps) {
  const code = await run(step);
  if (code !== 0) {
    console.error(`deploy: ${step.join(" ")} exited with ${code}`);
    process.exit(code);
  }
}
