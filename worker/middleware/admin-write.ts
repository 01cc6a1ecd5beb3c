/**
 * What every admin route shares: its guard (security headers, `no-store`, the editor's
 * authentication), the writer's stub, the audit line of each change, and how a writer's
 * answer becomes HTTP.
 *
 * @module
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { publicOrigin } from "../origin.ts";
import { problemResponse } from "../problem.ts";
import type { LinkedVersion, WriteResult } from "../writer/claim-writer.ts";
import { adminAuth } from "./admin-auth.ts";
import { purgeClaim } from "./edge-cache.ts";
import { adminHeaders } from "./security.ts";

/** Nothing an admin route answers may be stored by a cache. */
const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
};

/**
 * The middleware every admin route starts with.
 *
 * @example
 * app.get("/v1/drafts", ...adminGuard, handler);
 */
export const adminGuard = [adminHeaders, noStore, adminAuth] as const;

/**
 * The writer, the single Durable Object that holds the records.
 *
 * @example
 * await writer(c).history("dnc-hack-2016");
 */
export function writer(c: Context<AppEnv>) {
  return c.env.WRITER.getByName("claims");
}

/**
 * Writes one audit line to Workers Logs: who did what to which record, and how it went.
 *
 * @example
 * audit(c, "publish", "dnc-hack-2016", 200, { etag });
 */
export function audit(c: Context<AppEnv>, action: string, id: string | null, status: number, extra: object = {}): void {
  console.log(
    JSON.stringify({
      event: "claimcard.admin-write",
      action,
      method: c.req.method,
      id,
      status,
      editor: c.var.editor?.editor ?? null,
      via: c.var.editor?.via ?? null,
      ip: c.req.header("CF-Connecting-IP") ?? null,
      at: new Date().toISOString(),
      ...extra,
    }),
  );
}

/**
 * After a record write: the audit line; then this isolate answers with the new state of
 * the record and of the records it linked to or unlinked from, and this location's Cache
 * API forgets the old ones.
 *
 * @example
 * await afterWrite(c, "put", id, result);
 */
export async function afterWrite(c: Context<AppEnv>, action: string, id: string, result: WriteResult): Promise<void> {
  const linked = result.ok ? result.linked : [];
  audit(c, action, id, result.status, {
    etag: result.ok && result.status !== 204 ? result.etag : null,
    ...(linked.length ? { linked: linked.map((l) => l.claim.id) } : {}),
  });
  if (!result.ok) return;
  c.var.store.forgetWritten([id, ...linked.map((l) => l.claim.id)]);
  const stored = ({ claim, etag }: LinkedVersion) => ({
    json: JSON.stringify(claim),
    meta: { version: claim.version, etag },
  });
  c.var.store.written(id, result.status === 204 ? null : stored(result));
  for (const l of linked) c.var.store.written(l.claim.id, stored(l));
  const origin = publicOrigin(c);
  await Promise.all([id, ...linked.map((l) => l.claim.id)].map((x) => purgeClaim(origin, x)));
}

/**
 * A writer's answer as HTTP: the record with its ETag (and `Location` when created), 204,
 * or the problem, with the current ETag when there is one.
 *
 * @example
 * return writeResponse(await writer(c).put(claim, cond, who));
 */
export function writeResponse(result: WriteResult): Response {
  if (!result.ok) {
    const headers: Record<string, string> = result.etag ? { ETag: result.etag } : {};
    switch (result.status) {
      case 400:
        return problemResponse("invalid-json", result.detail, { errors: [result.detail], headers });
      case 422:
        return problemResponse("draft-invalid", result.detail, { errors: result.errors ?? [result.detail], headers });
      case 403:
        return problemResponse("second-editor-required", result.detail, { headers });
      case 404:
        return problemResponse(
          result.detail.startsWith("No draft") ? "draft-not-found" : "claim-not-found",
          result.detail,
          {
            headers,
          },
        );
      case 412:
        return problemResponse("stale-etag", result.detail, { headers });
      case 428:
        return problemResponse("if-match-required", result.detail, { headers });
    }
  }
  if (result.status === 204) return new Response(null, { status: 204 });
  return new Response(JSON.stringify(result.claim), {
    status: result.status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      ETag: result.etag,
      ...(result.status === 201 ? { Location: `/v1/claims/${result.claim.id}` } : {}),
    },
  });
}

/** `If-Match`: the ETag of the version being replaced, deleted or published over. */
export const IF_MATCH = {
  name: "If-Match",
  in: "header",
  required: false,
  schema: { type: "string" },
  description: "The ETag of the current version. Required when it exists; `*` is refused.",
} as const;
