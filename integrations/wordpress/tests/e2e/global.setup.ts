/**
 * Global setup of `npm run test:wordpress`: the real claimcard API (as `npm start` runs
 * it, on a free port), MariaDB, and one real WordPress per version in VERSIONS, all
 * under one temporary directory; the teardown stops them and removes it.
 */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startLocalServer } from "../../../../lib/local-server.ts";
import { removeState, startMariaDb, startWordPress, stateDir, VERSIONS, type Site, type SiteInfo } from "./wordpress.ts";

declare module "vitest" {
  export interface ProvidedContext {
    apiUrl: string;
    sites: SiteInfo[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await stateDir();
  const stops: (() => Promise<void>)[] = [];
  const removeOnExit = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", removeOnExit);
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.error(e));
    await removeState(dir);
    process.off("exit", removeOnExit);
  };
  try {
    const api = await startLocalServer();
    stops.push(api.stop);
    const db = await startMariaDb(dir);
    stops.push(db.stop);
    const sites: Site[] = [];
    for (const version of VERSIONS) {
      const site = await startWordPress(version, dir, db);
      stops.push(site.stop);
      sites.push(site);
    }
    project.provide("apiUrl", api.url);
    project.provide("sites", sites.map(({ stop: _stop, ...info }) => info));
    console.log(`claimcard API ${api.url}; ${sites.map((s) => `WordPress ${s.wpVersion} ${s.url}`).join("; ")}; state in ${dir}`);
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}
