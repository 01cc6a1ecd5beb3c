/**
 * `npm run deploy:check`, which `npm run deploy` runs before `wrangler deploy`: it refuses
 * a configuration whose `PUBLIC_ORIGIN` is missing, a placeholder, http or not an origin.
 * The real script, on the repository's wrangler.toml and on copies of it that the test edits.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dir: string;
let repoConfig: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "claimcard-deploy-"));
  repoConfig = await readFile("wrangler.toml", "utf8");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function check(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/deploy-check.ts", ...args]);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** The repository's wrangler.toml with its PUBLIC_ORIGIN line replaced (or removed, with null). */
async function configWith(origin: string | null): Promise<string> {
  const line = /^PUBLIC_ORIGIN = .*$/m;
  expect(repoConfig).toMatch(line);
  const path = join(dir, `wrangler-${Math.random().toString(36).slice(2)}.toml`);
  await writeFile(path, repoConfig.replace(line, origin === null ? "" : `PUBLIC_ORIGIN = ${JSON.stringify(origin)}`));
  return path;
}

describe("npm run deploy:check", () => {
  it("runs before wrangler deploy in npm run deploy", async () => {
    const { scripts } = JSON.parse(await readFile("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.deploy).toMatch(/^npm run deploy:check && .*node scripts\/deploy\.ts$/);
    expect(await readFile("scripts/deploy.ts", "utf8")).toMatch(/\[WRANGLER_BIN, "deploy"\]/);
  });

  it("refuses the repository's placeholder, so that nobody deploys it by mistake", async () => {
    const { code, out } = await check([]);
    expect(code).toBe(1);
    expect(out).toMatch(/PUBLIC_ORIGIN is a placeholder/);
  });

  it.each([
    [null, /PUBLIC_ORIGIN is not set/],
    ["http://claims.newsroom.fr", /must use https/],
    ["https://claims.newsroom.fr/api", /must be exactly an origin/],
    ["claims.newsroom.fr", /must be exactly an origin/],
    ["https://claims.test", /placeholder/],
  ])("refuses PUBLIC_ORIGIN = %s", async (origin, reason) => {
    const { code, out } = await check(["--config", await configWith(origin)]);
    expect(code).toBe(1);
    expect(out).toMatch(reason);
  });

  it("accepts a real https origin", async () => {
    const { code, out } = await check(["--config", await configWith("https://claims.newsroom.fr")]);
    expect(code, out).toBe(0);
    expect(out).toContain("PUBLIC_ORIGIN is https://claims.newsroom.fr");
  });
});
