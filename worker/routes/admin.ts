/**
 * Admin writes: `PUT /v1/claims/:id` and `DELETE /v1/claims/:id`, behind the
 * `ADMIN_TOKEN` bearer (compared in constant time), never open cross-origin. Writes go
 * through the {@link ClaimWriter} Durable Object, which serializes them.
 *
 * @module
 */
import { type Context, Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { bodyLimit } from "hono/body-limit";
import { timingSafeEqual } from "hono/utils/buffer";
import { resolver } from "hono-openapi";
import { ClaimDocument, ClaimInput } from "../../schema/index.ts";
import { CLAIM_MAX_BYTES } from "../../shared/constants.ts";
import type { AppEnv } from "../env.ts";
import { idParam } from "../middleware/claim-id.ts";
import { purgeClaim } from "../middleware/edge-cache.ts";
import { adminHeaders } from "../middleware/security.ts";
import { requireJson, validate } from "../middleware/validate.ts";
import { json, operation, problems } from "../openapi/describe.ts";
import { publicOrigin } from "../origin.ts";
import { Problem, problemResponse } from "../problem.ts";
import { forgetReads } from "../store/isolate-memory.ts";
import type { WriteResult } from "../writer/claim-writer.ts";

/** A token shorter than this is refused as a configuration mistake: admin stays closed. */
const MIN_TOKEN_LENGTH = 16;

const unauthorized = () => problemResponse("unauthorized", "Send Authorization: Bearer <ADMIN_TOKEN>.");

/**
 * Hono's bearer auth, with Hono's constant-time comparison (SHA-256 of both sides, then
 * a full-length compare), so that the time taken says nothing about the token. During a
 * rotation, `ADMIN_TOKEN_NEXT` is accepted too (see SECURITY.md); both are always
 * compared, so the time does not say which one matched either.
 */
const adminAuth = bearerAuth({
  realm: "claimcard-admin",
  verifyToken: async (token, c) => {
    const env = c.env as AppEnv["Bindings"];
    const checks = await Promise.all(
      [env.ADMIN_TOKEN, env.ADMIN_TOKEN_NEXT].map(
        async (expected) =>
          typeof expected === "string" &&
          expected.length >= MIN_TOKEN_LENGTH &&
          (await timingSafeEqual(token, expected)),
      ),
    );
    return checks.some(Boolean);
  },
  noAuthenticationHeader: { message: unauthorized },
  invalidToken: { message: unauthorized },
  invalidAuthenticationHeader: {
    message: () => problemResponse("bad-authorization", "Use Authorization: Bearer <token>."),
  },
});

/** Nothing an admin route answers may be stored by a cache. */
const noStore: Parameters<Hono<AppEnv>["use"]>[1] = async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
};

/** `If-Match`: the ETag of the version being replaced or deleted. */
const IF_MATCH = {
  name: "If-Match",
  in: "header",
  required: false,
  schema: { type: "string" },
  description: "The ETag of the version being replaced or deleted. Required when the claim exists; `*` is refused.",
} as const;

/**
 * @example
 * app.route("/v1/claims", admin);
 */
export const admin = new Hono<AppEnv>()
  .put(
    "/:id",
    operation({
      operationId: "putClaim",
      access: "admin",
      tags: ["admin"],
      summary: "Create or replace a claim",
      description:
        "An existing record needs `If-Match` with its current ETag (`*` is refused); `If-None-Match: *` creates only. `version` and `updatedAt` may be left out: the server sets them.",
      parameters: [
        IF_MATCH,
        {
          name: "If-None-Match",
          in: "header",
          required: false,
          schema: { type: "string", enum: ["*"] },
          description: "`*`: create only, refuse to replace.",
        },
      ],
      requestBody: { required: true, content: { "application/json": { schema: resolver(ClaimInput) } } },
      responses: {
        200: json(ClaimDocument, "Replaced; the new version, with its ETag"),
        201: json(ClaimDocument, "Created, with its ETag and Location"),
        ...problems(
          "invalid-json",
          "invalid-param",
          "bad-request",
          "bad-authorization",
          "id-mismatch",
          "unauthorized",
          "stale-etag",
          "payload-too-large",
          "unsupported-media-type",
          "if-match-required",
          "unavailable",
        ),
      },
    }),
    adminHeaders,
    noStore,
    adminAuth,
    bodyLimit({
      maxSize: CLAIM_MAX_BYTES,
      onError: () => {
        throw new Problem("payload-too-large", `A record must be at most ${CLAIM_MAX_BYTES} bytes.`);
      },
    }),
    requireJson,
    idParam,
    validate("json", ClaimInput),
    async (c) => {
      const { id } = c.req.valid("param");
      const claim = c.req.valid("json");
      if (claim.id !== id)
        throw new Problem("id-mismatch", `The body's id "${claim.id}" is not the path's id "${id}".`);
      const result = await writer(c).put(
        claim,
        c.req.header("If-Match") ?? null,
        c.req.header("If-None-Match") ?? null,
      );
      await afterWrite(c, id, result);
      return respond(result);
    },
  )
  .delete(
    "/:id",
    operation({
      operationId: "deleteClaim",
      access: "admin",
      tags: ["admin"],
      summary: "Delete a claim",
      parameters: [IF_MATCH],
      responses: {
        204: { description: "Deleted" },
        ...problems(
          "invalid-param",
          "bad-authorization",
          "unauthorized",
          "claim-not-found",
          "stale-etag",
          "if-match-required",
          "unavailable",
        ),
      },
    }),
    adminHeaders,
    noStore,
    adminAuth,
    idParam,
    async (c) => {
      const { id } = c.req.valid("param");
      const result = await writer(c).remove(id, c.req.header("If-Match") ?? null);
      await afterWrite(c, id, result);
      return respond(result);
    },
  );

function writer(c: Context<AppEnv>) {
  return c.env.WRITER.getByName("claims");
}

/**
 * Logs the write for the audit trail (Workers Logs); then makes this isolate answer with
 * the new state of the record, and purges this location's Cache API of it.
 */
async function afterWrite(c: Context<AppEnv>, id: string, result: WriteResult): Promise<void> {
  console.log(
    JSON.stringify({
      event: "claimcard.admin-write",
      method: c.req.method,
      id,
      status: result.status,
      etag: result.ok && result.status !== 204 ? result.etag : null,
      ip: c.req.header("CF-Connecting-IP") ?? null,
      at: new Date().toISOString(),
    }),
  );
  if (!result.ok) return;
  forgetReads();
  c.var.store.written(
    id,
    result.status === 204
      ? null
      : { json: JSON.stringify(result.claim), meta: { version: result.claim.version, etag: result.etag } },
  );
  await purgeClaim(publicOrigin(c), id);
}

function respond(result: WriteResult): Response {
  if (!result.ok) {
    const headers: Record<string, string> = result.etag ? { ETag: result.etag } : {};
    if (result.status === 400)
      return problemResponse("invalid-json", result.detail, { errors: [result.detail], headers });
    const kind = ({ 404: "claim-not-found", 412: "stale-etag", 428: "if-match-required" } as const)[result.status];
    return problemResponse(kind, result.detail, { headers });
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
