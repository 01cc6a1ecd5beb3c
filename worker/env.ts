/**
 * The Worker's bindings and the Hono environment every route is typed with.
 *
 * @module
 */
import type { ClaimStore } from "./store/claim-store.ts";
import type { ClaimWriter } from "./writer/claim-writer.ts";

/** Bindings declared in `wrangler.toml`, plus the `ADMIN_TOKEN` secret. */
export interface Bindings {
  /** Claim records and their indexes (see `worker/store/keys.ts`). */
  KV: KVNamespace;
  /** Static files in `public/`: the demo page and the built `widget.js`. */
  ASSETS: Fetcher;
  /** The single writer that serializes admin writes (see `worker/writer/claim-writer.ts`). */
  WRITER: DurableObjectNamespace<ClaimWriter>;
  /** Milliseconds between two writes of one KV key by the writer (default 1000, KV's limit). */
  KV_WRITE_INTERVAL_MS?: string;
  /** Per-client limit of `POST /v1/match` (see `rate-limit.ts`). */
  MATCH_LIMIT?: RateLimit;
  /**
   * The origin readers reach the service at; every link is built on it, never on the
   * request's Host. Required: wrangler.toml `[vars]` in production (`npm run deploy`
   * checks it), `npm start` and the tests set their own (see `origin.ts`). Typed optional
   * because a Worker deployed around the check may lack it: it then answers 500.
   */
  PUBLIC_ORIGIN?: string;
  /** Bearer token for PUT/DELETE. Set by `wrangler secret put ADMIN_TOKEN`, `.dev.vars` or `--var`. */
  ADMIN_TOKEN?: string;
  /** The next admin token, also accepted while a rotation is under way (see SECURITY.md). */
  ADMIN_TOKEN_NEXT?: string;
}

/** Per-request values that middleware puts on the context. */
export interface Variables {
  /** Reads claims from KV, counting reads for `Server-Timing`. */
  store: ClaimStore;
}

/** The Hono environment of the whole app. */
export type AppEnv = { Bindings: Bindings; Variables: Variables };
