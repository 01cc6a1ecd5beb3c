/**
 * `npm run test:wordpress`: the plugin in real WordPress (see global.setup.ts), driven by
 * Debian's Chromium. Separate from the main config, so that `npm test` needs no database.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../../../../", import.meta.url)),
  test: {
    name: "wordpress",
    include: ["integrations/wordpress/tests/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["integrations/wordpress/tests/e2e/global.setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
