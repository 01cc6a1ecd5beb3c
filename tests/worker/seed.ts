/// <reference types="vite/client" />
/**
 * Loads the reviewed dataset of `data/` into the test's real (local) KV, with the same
 * code as `npm run data:load`. Vite inlines the JSON files, since workerd has no
 * filesystem.
 */
import { env } from "cloudflare:workers";
import registry from "../../data/entities.json";
import { type Claim, checkDataset } from "../../schema/index.ts";
import { buildEntries } from "../../worker/store/entries.ts";

const files = import.meta.glob("../../data/claims/*.json", { eager: true, import: "default" });

/** The seed claims, checked. Throws if the dataset is invalid. */
export function seedClaims(): Claim[] {
  const { claims, errors } = checkDataset(
    { path: "data/entities.json", json: registry },
    Object.entries(files).map(([path, json]) => ({ path: path.replace(/^(\.\.\/)+/, ""), json })),
  );
  if (errors.length) throw new Error(`invalid dataset:\n${errors.join("\n")}`);
  return claims;
}

/**
 * Writes every KV entry of `claims` (default: the seed dataset) into `env.KV`.
 *
 * @example
 * beforeAll(() => seed());
 */
export async function seed(claims: Claim[] = seedClaims()): Promise<Claim[]> {
  for (const e of await buildEntries(claims, `test-load-${crypto.randomUUID()}`))
    await env.KV.put(e.key, e.value, e.metadata ? { metadata: e.metadata } : {});
  return claims;
}
