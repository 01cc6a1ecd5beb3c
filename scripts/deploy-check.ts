/**
 * `npm run deploy:check` (run first by `npm run deploy`): refuses to deploy a
 * configuration without a real `PUBLIC_ORIGIN`. The Worker builds every link on it
 * (worker/origin.ts), so a placeholder, http, a path or a missing value would publish
 * wrong links into pages that publishers and WordPress cache, or 500s.
 *
 * It reads the configuration as `wrangler deploy` will (wrangler's own reader, with the
 * same `--config` and `--env`), so that what it checks is what would be deployed.
 *
 * @example
 * node scripts/deploy-check.ts                      # wrangler.toml
 * node scripts/deploy-check.ts --config x.toml --env production
 *
 * @module
 */
import { parseArgs } from "node:util";
import { unstable_readConfig } from "wrangler";
import { deployOriginProblem } from "../worker/origin.ts";

const { values } = parseArgs({
  options: { config: { type: "string", default: "wrangler.toml" }, env: { type: "string" } },
});

const config = unstable_readConfig(
  { config: values.config, ...(values.env ? { env: values.env } : {}) },
  { hideWarnings: true },
);
const problem = deployOriginProblem((config.vars as Record<string, unknown>).PUBLIC_ORIGIN);
if (problem) {
  console.error(
    `deploy:check: ${problem}.\nSet it in ${values.config}, under [vars]${values.env ? ` of [env.${values.env}]` : ""}: PUBLIC_ORIGIN = "https://…"`,
  );
  process.exit(1);
}
console.log(`deploy:check: PUBLIC_ORIGIN is ${(config.vars as Record<string, unknown>).PUBLIC_ORIGIN}`);
