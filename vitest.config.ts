/**
 * The kinds of tests, one run:
 * - `unit`: the pure modules' own tests, beside them (`shared/x.test.ts`,
 *   `worker/store/x.test.ts`…), in Node: they need nothing of workerd.
 * - `worker`: inside workerd, against real (local) KV, through `@cloudflare/vitest-plugin`.
 * - `node`: data tools, and end-to-end tests that start the real server and drive
 *   Debian's Chromium with playwright-core.
 * - `reliability`: load at a fixed rate against the real server (10 s here; 60 s in
 *   `npm run test:reliability`).
 */
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["schema/**/*.test.ts", "shared/**/*.test.ts", "worker/**/*.test.ts", "client/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                ADMIN_TOKEN: "test-admin-token-0123456789",
                ADMIN_TOKEN_NEXT: "test-next-token-9876543210",
                // The local default of the required public origin: the origin tests/worker/http.ts requests.
                PUBLIC_ORIGIN: "https://claims.test",
                // A small publishing budget, so that every test spreads its KV writes over alarms.
                WRITER_KV_BUDGET: "40",
                EDITORS: JSON.stringify({
                  // sha256("alice-token-0123456789abcdef") and sha256("bruno-token-0123456789abcdef")
                  alice: "380b4b4121ca83f5367b54432e63220108395d27fbac45559096b42ca5ce8fe3",
                  bruno: "2c9652555fd0b8408e5e97d7af90505499ceda2c41864e696af7dfa86aea4e78",
                }),
              },
            },
          }),
        ],
        test: { name: "worker", include: ["tests/worker/**/*.test.ts"] },
      },
      {
        test: {
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 120_000,
          globalSetup: ["tests/node/server.setup.ts"],
        },
      },
      {
        test: {
          name: "node",
          include: ["tests/node/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 120_000,
          globalSetup: ["tests/node/server.setup.ts"],
        },
      },
    ],
  },
});
