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
                KV_WRITE_INTERVAL_MS: "30000",
                // The local default of the required public origin: the origin tests/worker/http.ts requests.
                PUBLIC_ORIGIN: "https://claims.test",
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
