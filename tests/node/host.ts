/**
 * A publisher's site for the browser tests: a plain Node HTTP server on another port,
 * hence another origin than the claimcard server, serving the pages the tests write.
 * It can also play two APIs that the real one never is, and that the tests name for
 * what they are: a hostile API serving records the real schema refuses (mock), and an
 * API that never answers (mock).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launch } from "../../lib/browser.ts";

/** A running host. */
export interface Host {
  origin: string;
  /** Serves `html` at `path`. */
  page(path: string, html: string): string;
  /** Serves `body` as JSON at `path`, with CORS open, as an API would. */
  json(path: string, body: unknown, status?: number): string;
  /** Paths under `/hang/` never answer. */
  close(): Promise<void>;
  /** Requests received, by path. */
  hits: Map<string, number>;
  /** Every request received, as "METHOD path content-type". */
  log: string[];
  /**
   * Forwards requests under `prefix` to `target` (the real API), so that a test sees
   * what the browser sends it, preflights included.
   */
  proxy(prefix: string, target: string): string;
}

/**
 * Starts a host on a free port of 127.0.0.1.
 *
 * @example
 * const host = await startHost();
 * await page.goto(host.page("/a.html", "<html>…</html>"));
 */
export async function startHost(): Promise<Host> {
  const routes = new Map<string, { type: string; body: string; status: number }>();
  const hits = new Map<string, number>();
  const log: string[] = [];
  const proxies = new Map<string, string>();
  const hanging = new Set<import("node:http").ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    log.push(`${req.method} ${path} ${req.headers["content-type"] ?? ""}`.trim());
    const proxied = [...proxies].find(([prefix]) => path.startsWith(prefix));
    if (proxied) {
      void forward(req, res, proxied[1] + (req.url ?? "/").slice(proxied[0].length));
      return;
    }
    if (path.startsWith("/hang/")) {
      hanging.add(res);
      return;
    }
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/plain", "Access-Control-Allow-Origin": "*" }).end("not found");
      return;
    }
    res
      .writeHead(route.status, {
        "Content-Type": route.type,
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "no-store",
      })
      .end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    log,
    proxy(prefix, target) {
      proxies.set(prefix, target);
      return origin + prefix;
    },
    page(path, html) {
      routes.set(path, { type: "text/html; charset=utf-8", body: html, status: 200 });
      return origin + path;
    },
    json(path, body, status = 200) {
      routes.set(path, { type: "application/json", body: JSON.stringify(body), status });
      return origin + path;
    },
    async close() {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Forwards one request to `url` and its answer back. */
async function forward(
  req: import("node:http").IncomingMessage,
  res: import("node:http").ServerResponse,
  url: string,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const name of [
    "content-type",
    "accept",
    "origin",
    "access-control-request-method",
    "access-control-request-headers",
  ])
    if (typeof req.headers[name] === "string") headers[name] = req.headers[name];
  const answer = await fetch(url, {
    method: req.method ?? "GET",
    headers,
    ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
  });
  const out: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(name)) out[name] = value;
  });
  res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
}

/**
 * A minimal publisher page around some body HTML.
 *
 * @example
 * host.page("/fr.html", hostPage("fr", `<claim-card claim="x"></claim-card>`, widgetUrl));
 */
export function hostPage(lang: string, body: string, widget: string, head = ""): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Publisher</title>${head}
<script type="module" src="${widget}"></script></head><body style="margin:0;padding:16px;font-family:Georgia,serif">${body}</body></html>`;
}

/**
 * Registers, for the calling test file, a Chromium and a publisher host started before
 * its tests and stopped after them.
 *
 * @example
 * const env = useBrowserAndHost();
 * it("…", async () => { const page = await env.browser.newPage(); await page.goto(env.host.page("/a.html", html)); });
 */
export function useBrowserAndHost(): { readonly browser: Browser; readonly host: Host } {
  const env = {} as { browser: Browser; host: Host };
  beforeAll(async () => {
    [env.browser, env.host] = await Promise.all([launch(), startHost()]);
  });
  afterAll(async () => {
    await Promise.all([env.browser?.close(), env.host?.close()]);
  });
  return env;
}

/**
 * Waits until the API serves a record (after an admin PUT: the writer may publish it a
 * moment later), instead of sleeping a fixed time.
 *
 * @example
 * await untilServed(base, "xss-corpus-2026");
 */
export async function untilServed(base: string, id: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await fetch(`${base}/v1/claims/${id}?poll=${Date.now()}`)).status !== 200) {
    if (Date.now() > until) throw new Error(`${id} was not served within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
