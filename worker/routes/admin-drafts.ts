/**
 * Drafts: an editor's work in progress, kept by the writer and never served publicly.
 * `PUT /v1/drafts/:id` saves one (valid or not: nothing an editor writes is refused for
 * being unfinished), `GET /v1/drafts` lists them, `GET /v1/drafts/:id` returns one with
 * what keeps it from being published, `DELETE` discards it, and
 * `POST /v1/drafts/:id/publish` makes it live, with `If-Match` of the live record when
 * there is one. With `SECOND_EDITOR=required`, another editor than the draft's last
 * author must publish it.
 *
 * @module
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { resolver } from "hono-openapi";
import { ClaimDocument, DraftDocument, DraftInput, DraftList, PublishInput } from "../../schema/index.ts";
import { CLAIM_MAX_BYTES } from "../../shared/constants.ts";
import type { AppEnv } from "../env.ts";
import { adminGuard, afterWrite, audit, IF_MATCH, writeResponse, writer } from "../middleware/admin-write.ts";
import { idParam } from "../middleware/claim-id.ts";
import { requireJson, validate } from "../middleware/validate.ts";
import { json, operation } from "../openapi/describe.ts";
import { Problem, problemResponse } from "../problem.ts";
import type { DraftResult } from "../writer/claim-writer.ts";

const DRAFT_IF_MATCH = { ...IF_MATCH, description: "The draft's ETag. Required when the draft exists." } as const;

const limit = bodyLimit({
  maxSize: CLAIM_MAX_BYTES + 4096,
  onError: () => {
    throw new Problem("payload-too-large", `A draft must be at most ${CLAIM_MAX_BYTES} bytes.`);
  },
});

/**
 * @example
 * app.route("/v1/drafts", drafts);
 */
export const drafts = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      operationId: "listDrafts",
      access: "admin",
      tags: ["admin"],
      summary: "Every draft, newest first",
      problems: ["unavailable"],
      responses: {
        200: json(DraftList, "The drafts, each with its number of problems"),
      },
    }),
    ...adminGuard,
    async (c) => c.json(await writer(c).drafts()),
  )
  .get(
    "/:id",
    operation({
      operationId: "getDraft",
      access: "admin",
      tags: ["admin"],
      summary: "One draft, with what keeps it from being published",
      problems: ["invalid-param", "draft-not-found", "unavailable"],
      responses: {
        200: json(DraftDocument, "The draft, with its ETag"),
      },
    }),
    ...adminGuard,
    idParam,
    async (c) => {
      const { id } = c.req.valid("param");
      // The record of a draft is any JSON object, which the RPC types cannot express.
      const found = (await writer(c).draft(id)) as { draft: DraftDocument; etag: string } | null;
      if (!found) throw new Problem("draft-not-found", `No draft has the id "${id}".`);
      return c.json(found.draft, 200, { ETag: found.etag });
    },
  )
  .put(
    "/:id",
    operation({
      operationId: "putDraft",
      access: "admin",
      tags: ["admin"],
      summary: "Save a draft",
      description:
        "The record may be unfinished: the answer lists what keeps it from being published. A draft that exists needs `If-Match` with its ETag.",
      parameters: [DRAFT_IF_MATCH],
      requestBody: { required: true, content: { "application/json": { schema: resolver(DraftInput) } } },
      problems: [
        "invalid-param",
        "invalid-json",
        "bad-request",
        "id-mismatch",
        "too-many-drafts",
        "stale-etag",
        "payload-too-large",
        "unsupported-media-type",
        "if-match-required",
        "unavailable",
      ],
      responses: {
        200: json(DraftDocument, "Saved over the earlier revision"),
        201: json(DraftDocument, "Created"),
      },
    }),
    ...adminGuard,
    limit,
    requireJson,
    idParam,
    validate("json", DraftInput),
    async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      if (input.record.id !== undefined && input.record.id !== id)
        throw new Problem("id-mismatch", `The record's id "${String(input.record.id)}" is not the path's id "${id}".`);
      const result = await writer(c).saveDraft(id, input, c.req.header("If-Match") ?? null, {
        editor: c.var.editor.editor,
      });
      audit(c, "save-draft", id, result.status);
      return draftResponse(c, result);
    },
  )
  .delete(
    "/:id",
    operation({
      operationId: "deleteDraft",
      access: "admin",
      tags: ["admin"],
      summary: "Discard a draft",
      parameters: [DRAFT_IF_MATCH],
      problems: ["invalid-param", "draft-not-found", "stale-etag", "if-match-required", "unavailable"],
      responses: {
        204: { description: "Discarded" },
      },
    }),
    ...adminGuard,
    idParam,
    async (c) => {
      const { id } = c.req.valid("param");
      const result = await writer(c).discardDraft(id, c.req.header("If-Match") ?? null);
      audit(c, "discard-draft", id, result.status);
      return draftResponse(c, result);
    },
  )
  .post(
    "/:id/publish",
    operation({
      operationId: "publishDraft",
      access: "admin",
      tags: ["admin"],
      summary: "Publish a draft",
      description:
        "`If-Match`: the live record's ETag, when there is one (412 when it changed since: merge, then publish again). The body may carry a change note. With the second-editor setting, the draft's last author cannot publish it (403).",
      parameters: [{ ...IF_MATCH, description: "The live record's ETag. Required when the record exists." }],
      requestBody: { required: false, content: { "application/json": { schema: resolver(PublishInput) } } },
      problems: [
        "invalid-param",
        "invalid-json",
        "bad-request",
        "second-editor-required",
        "draft-not-found",
        "stale-etag",
        "unsupported-media-type",
        "draft-invalid",
        "if-match-required",
        "unavailable",
      ],
      responses: {
        200: json(ClaimDocument, "Published over the live record"),
        201: json(ClaimDocument, "Published as a new record"),
      },
    }),
    ...adminGuard,
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw new Problem("bad-request", "The body is only a change note.");
      },
    }),
    requireJson,
    idParam,
    validate("json", PublishInput),
    async (c) => {
      const { id } = c.req.valid("param");
      const result = await writer(c).publishDraft(
        id,
        c.req.header("If-Match") ?? null,
        { editor: c.var.editor.editor, note: c.req.valid("json").note },
        { secondEditor: c.env.SECOND_EDITOR === "required" },
      );
      await afterWrite(c, "publish", id, result);
      return writeResponse(result);
    },
  );

function draftResponse(c: Context<AppEnv>, result: DraftResult): Response {
  if (result.ok) {
    if (result.status === 204) return c.body(null, 204);
    return c.json(result.draft, result.status, { ETag: result.etag });
  }
  const headers: Record<string, string> = result.etag ? { ETag: result.etag } : {};
  const kind = (
    { 404: "draft-not-found", 409: "too-many-drafts", 412: "stale-etag", 428: "if-match-required" } as const
  )[result.status];
  return problemResponse(kind, result.detail, { headers });
}
