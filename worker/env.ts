/**
 * The Worker's bindings and the Hono environment every route is typed with.
 *
 * @module
 */
import type { EditorIdentity } from "./middleware/admin-auth.ts";
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
  /** KV operations one invocation of the writer may spend publishing (default 200; KV allows 1,000). */
  WRITER_KV_BUDGET?: string;
  /** Per-client limit of `POST /v1/match` (see `rate-limit.ts`). */
  MATCH_LIMIT?: RateLimit;
  /**
   * The origin readers reach the service at; every link is built on it, never on the
   * request's Host. Required: wrangler.toml `[vars]` in production (`npm run deploy`
   * checks it), `npm start` and the tests set their own (see `origin.ts`). Typed optional
   * because a Worker deployed around the check may lack it: it then answers 500.
   */
  PUBLIC_ORIGIN?: string;
  /** Bearer token of the editor `admin` (scripts). `wrangler secret put ADMIN_TOKEN`, or `.dev.vars` locally. */
  ADMIN_TOKEN?: string;
  /** The next admin token, also accepted while a rotation is under way (see SECURITY.md). */
  ADMIN_TOKEN_NEXT?: string;
  /** Named editors: a JSON object of name → SHA-256 hex of the editor's token (a secret; `npm run editor:token`). */
  EDITORS?: string;
  /** `required`: a draft is published by another editor than the one who saved it last. */
  SECOND_EDITOR?: string;
  /** Cloudflare Access team domain (`newsroom.cloudflareaccess.com`): turns on Access sign-in. */
  ACCESS_TEAM_DOMAIN?: string;
  /** The Access application's audience tag. */
  ACCESS_AUD?: string;
  /** Pinned Access signing keys (a JWKS, JSON), instead of fetching the team's published ones. */
  ACCESS_JWKS?: string;
  /** Per-client limit of admin sign-in attempts (see `admin-auth.ts`). */
  ADMIN_AUTH_LIMIT?: RateLimit;
}

/** Per-request values that middleware puts on the context. */
export interface Variables {
  /** Reads claims from KV, counting reads for `Server-Timing`. */
  store: ClaimStore;
  /** On admin routes: the editor the request was authenticated as. */
  editor: EditorIdentity;
}

/** The Hono environment of the whole app. */
export type AppEnv = { Bindings: Bindings; Variables: Variables };
