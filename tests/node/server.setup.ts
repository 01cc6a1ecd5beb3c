/**
 * Global setup of the node and reliability tests: runs the real main job (as
 * `npm start` does) on a free port with a KV state of its own, and hands its URL to
 * the tests.
 */
import type { TestProject } from "vitest/node";
import { startLocalServer } from "../../lib/local-server.ts";

/** The admin token of the server under test. */
export const E2E_ADMIN_TOKEN = "e2e-admin-token-abcdefghijklmnop";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
    /** The process group of the server (start.ts, wrangler, workerd), for memory readings. */
    serverGroup: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startLocalServer({ adminToken: E2E_ADMIN_TOKEN });
  project.provide("baseUrl", server.url);
  project.provide("adminToken", server.adminToken);
  project.provide("serverGroup", server.group);
  return server.stop;
}
