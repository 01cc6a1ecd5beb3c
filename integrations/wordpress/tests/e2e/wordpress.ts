/**
 * A real WordPress for the plugin's end-to-end tests, as a new user would run it from
 * Debian's packages, with no Docker and nothing installed system-wide but the packages
 * install.sh brings:
 * - MariaDB, started as the current user (root included) with its own data directory
 *   and a private socket, no TCP;
 * - one WordPress per Debian package (`dpkg-deb -x` of the .deb files install.sh keeps),
 *   with Debian's layout (core in usr/share/wordpress, wp-content in var/lib/wordpress),
 *   a wp-config.php of its own, the plugin copied into wp-content/plugins, installed
 *   by wp.php and served by `php -S` through router.php.
 * Everything lives under one temporary directory, which stop() removes.
 *
 * @module
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readlink, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { freePort } from "../../../../lib/local-server.ts";

const run = promisify(execFile);
const here = fileURLToPath(new URL(".", import.meta.url));
const pluginDir = fileURLToPath(new URL("../../claimcard", import.meta.url));
const cache = process.env.CLAIMCARD_WP_CACHE ?? fileURLToPath(new URL("../../../../node_modules/.cache/claimcard-wordpress", import.meta.url));
const php = process.env.PHP ?? "php";

/** The WordPress versions under test: which .deb files make each, and its two themes. */
export const VERSIONS = [
  {
    name: "6.8",
    debs: ["trixie/wordpress_", "trixie/wordpress-theme-twentytwentyfive_", "bookworm/wordpress-theme-twentytwentyone_"],
    classicTheme: "twentytwentyone",
    blockTheme: "twentytwentyfive",
  },
  {
    name: "6.1",
    debs: ["bookworm/wordpress_", "bookworm/wordpress-theme-twentytwentyone_", "bookworm/wordpress-theme-twentytwentythree_"],
    classicTheme: "twentytwentyone",
    blockTheme: "twentytwentythree",
  },
] as const;

export type Version = (typeof VERSIONS)[number];

/** What the tests need to know about a running site (serializable, for provide/inject). */
export interface SiteInfo {
  version: Version["name"];
  /** The exact version WordPress reports, such as 6.8.12. */
  wpVersion: string;
  url: string;
  abspath: string;
  classicTheme: string;
  blockTheme: string;
  adminPassword: string;
  authorPassword: string;
}

/** Runs a command; its failure throws with what it printed. */
async function sh(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...env } });
    return stdout;
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(" ").slice(0, 300)} failed: ${err.message}\n${err.stdout ?? ""}${err.stderr ?? ""}`);
  }
}

/** Waits until check() is true, or throws the message with the log after timeoutMs. */
async function until(check: () => Promise<boolean>, what: string, child: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${what}: the process exited (${child.exitCode}):\n${log()}`);
    if (Date.now() > end) throw new Error(`${what}: not ready after ${timeoutMs} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a process in its own group, keeping the end of what it prints; stop() ends the
 * group, and so does this process's exit if stop() was never reached (a crash, Ctrl+C).
 */
function start(cmd: string, args: string[], env?: NodeJS.ProcessEnv) {
  let out = "";
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  child.stdout!.on("data", (d: Buffer) => (out = (out + d).slice(-20_000)));
  child.stderr!.on("data", (d: Buffer) => (out = (out + d).slice(-20_000)));
  const kill = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.once("exit", kill);
  const stop = async () => {
    process.off("exit", kill);
    if (child.exitCode !== null) return;
    const gone = new Promise((r) => child.once("exit", r));
    kill();
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
  };
  return { child, log: () => out, stop };
}

/** MariaDB on a private socket, with one database and user per site. */
export async function startMariaDb(dir: string) {
  const datadir = join(dir, "mariadb");
  const socket = join(dir, "mariadb.sock");
  const asUser = ["--user", userInfo().username];
  await sh("mariadb-install-db", ["--no-defaults", `--datadir=${datadir}`, "--auth-root-authentication-method=normal", "--skip-test-db", ...asUser]);
  const server = start("mariadbd", [
    "--no-defaults", `--datadir=${datadir}`, `--socket=${socket}`, "--skip-networking", `--pid-file=${join(dir, "mariadb.pid")}`,
    "--innodb-buffer-pool-size=64M", "--skip-log-bin", ...asUser,
  ]);
  const sql = (q: string) => sh("mariadb", ["--no-defaults", "-S", socket, "-u", "root", "-e", q]);
  await until(() => sql("SELECT 1").then(() => true), "MariaDB", server.child, server.log);
  return {
    socket,
    /** Creates database `name`, owned by user `name` with the given password. */
    async createDatabase(name: string, password: string) {
      await sql(`CREATE DATABASE ${name}; CREATE USER '${name}'@'localhost' IDENTIFIED BY '${password}'; GRANT ALL ON ${name}.* TO '${name}'@'localhost';`);
    },
    stop: server.stop,
  };
}

/** The one .deb in the cache whose name starts with prefix (install.sh downloads them). */
async function deb(prefix: string): Promise<string> {
  const [sub, name] = prefix.split("/") as [string, string];
  const files = (await readdir(join(cache, sub)).catch(() => [])).filter((f) => f.startsWith(name) && f.endsWith(".deb"));
  if (files.length !== 1) throw new Error(`expected one ${prefix}*.deb in ${cache}, found ${files.length}: run integrations/wordpress/tests/e2e/install.sh`);
  return join(cache, sub, files[0]!);
}

/**
 * Unpacks the version's packages under root and points what Debian links to absolute
 * paths back into root (the theme links in var/lib/wordpress), and what it links to
 * other packages (usr/share/javascript, usr/share/php) to the system's copies.
 */
async function unpack(version: Version, root: string): Promise<void> {
  for (const d of version.debs) await sh("dpkg-deb", ["-x", await deb(d), root]);
  const themes = join(root, "var/lib/wordpress/wp-content/themes");
  for (const name of await readdir(themes)) {
    const link = join(themes, name);
    const target = await readlink(link).catch(() => null);
    if (target?.startsWith("/usr/share/wordpress/")) {
      await unlink(link);
      await symlink(join(root, target), link);
    }
  }
  for (const shared of ["usr/share/javascript", "usr/share/php"]) await symlink(`/${shared}`, join(root, shared)).catch(() => {});
}

/** wp-config.php: Debian's layout, the private database, and no requests off this machine. */
function wpConfig(o: { db: string; password: string; socket: string; url: string; content: string; debugLog: string }): string {
  const q = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  return `<?php
// Written by integrations/wordpress/tests/e2e/wordpress.ts (in place of Debian's, which
// reads /etc/wordpress/config-<host>.php).
define( 'DB_NAME', ${q(o.db)} );
define( 'DB_USER', ${q(o.db)} );
define( 'DB_PASSWORD', ${q(o.password)} );
define( 'DB_HOST', ${q(`localhost:${o.socket}`)} );
define( 'WP_HOME', ${q(o.url)} );
define( 'WP_SITEURL', ${q(o.url)} );
define( 'WP_CONTENT_DIR', ${q(o.content)} );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true ); // this site and its own host only (the API is on 127.0.0.1)
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', ${q(o.debugLog)} );
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`;
}

/** A running WordPress site. */
export interface Site extends SiteInfo {
  stop(): Promise<void>;
}

/** Runs wp.php against an installed WordPress. */
async function wp(abspath: string, command: string, arg: string): Promise<unknown> {
  const out = await sh(php, [join(here, "wp.php"), abspath, command, arg]);
  const result = JSON.parse(out.trim().split("\n").pop() ?? "null") as unknown;
  if (result && typeof result === "object" && "error" in result) throw new Error(`wp.php ${command}: ${(result as { error: string }).error}`);
  return result;
}

/**
 * Runs PHP inside a site's WordPress, as its admin, and returns the JSON-decoded result
 * (a WP_Error throws).
 *
 * @example
 * await siteEval(site, "return get_option( 'claimcard_api_base' );");
 */
export function siteEval<T = unknown>(site: Pick<SiteInfo, "abspath">, code: string): Promise<T> {
  return wp(site.abspath, "eval", code) as Promise<T>;
}

/** Unpacks, configures, installs and serves one WordPress version. */
export async function startWordPress(version: Version, dir: string, db: Awaited<ReturnType<typeof startMariaDb>>): Promise<Site> {
  const root = join(dir, `wordpress-${version.name}`);
  await mkdir(root, { recursive: true });
  await unpack(version, root);
  const abspath = join(root, "usr/share/wordpress");
  const content = join(root, "var/lib/wordpress/wp-content");
  await cp(pluginDir, join(content, "plugins/claimcard"), { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const name = `wp${version.name.replace(".", "")}`;
  const password = `pw-${name}-${Math.random().toString(36).slice(2)}`;
  await db.createDatabase(name, password);
  const debugLog = join(root, "debug.log");
  await writeFile(join(abspath, "wp-config.php"), wpConfig({ db: name, password, socket: db.socket, url, content, debugLog }));
  const info: SiteInfo = {
    version: version.name,
    wpVersion: "",
    url,
    abspath,
    classicTheme: version.classicTheme,
    blockTheme: version.blockTheme,
    adminPassword: "admin-password-0123456789",
    authorPassword: "author-password-0123456789",
  };
  await wp(abspath, "install", JSON.stringify(info));
  info.wpVersion = await siteEval<string>(info, "return get_bloginfo( 'version' );");
  // Two workers: the block editor loads many REST routes at once.
  const server = start(php, ["-S", `127.0.0.1:${port}`, "-t", abspath, join(here, "router.php")], {
    CLAIMCARD_WP_CONTENT: content,
    PHP_CLI_SERVER_WORKERS: "4",
  });
  const proc = server.child;
  await until(async () => (await fetch(`${url}/wp-login.php`)).ok, `WordPress ${version.name} (php -S)`, proc, server.log);
  return { ...info, stop: server.stop };
}

/** A temporary directory for one run's state. */
export function stateDir(): Promise<string> {
  return mkdtemp(join(process.env.CLAIMCARD_WP_TMP ?? tmpdir(), "claimcard-wordpress-"));
}

/** Removes a run's state directory. */
export function removeState(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
