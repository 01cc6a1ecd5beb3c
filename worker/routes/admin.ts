/**
 * Admin writes of records: `PUT /v1/claims/:id` and `DELETE /v1/claims/:id`, by a named
 * editor (see `admin-auth.ts`), never open cross-origin. They go through the writer
 * (the Durable Object that holds the records), which checks `If-Match` against the true
 * current version and keeps every version; `?note=` is the one-line change note the
 * history shows. A revert is such a write, of an old version.
 *
 * @module
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { resolver } from "hono-openapi";
import * as v from "valibot";
import { ChangeNote, ClaimDocument, ClaimInput } from "../../schema/index.ts";
import { CLAIM_MAX_BYTES } from "../../shared/constants.ts";
import type { AppEnv } from "../env.ts";
import { adminGuard, afterWrite, IF_MATCH, writeResponse, writer } from "../middleware/admin-write.ts";
import { idParam } from "../middleware/claim-id.ts";
import { requireJson, validate } from "../middleware/validate.ts";
import { json, operation } from "../openapi/describe.ts";
import { Problem } from "../problem.ts";

/** `?note=`: the change note of a write. */
const NoteQuery = v.strictObject({ note: v.optional(ChangeNote) });

const NOTE_PARAM = {
  name: "note",
  in: "query",
  required: false,
  schema: { type: "string" },
  description: "A one-line change note for the history.",
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
        "An existing record needs `If-Match` with its current ETag (`*` is refused); `If-None-Match: *` creates only. `version` and `updatedAt` may be left out: the server sets them. `related` names live records other than this one; each record it adds or drops gets a version that links back or drops the link. Refused (403) when publishing takes a second editor: save a draft instead.",
      parameters: [
        IF_MATCH,
        {
          name: "If-None-Match",
          in: "header",
          required: false,
          schema: { type: "string", enum: ["*"] },
          description: "`*`: create only, refuse to replace.",
        },
        NOTE_PARAM,
      ],
      requestBody: { required: true, content: { "application/json": { schema: resolver(ClaimInput) } } },
      problems: [
        "invalid-json",
        "invalid-param",
        "invalid-query",
        "bad-request",
        "id-mismatch",
        "second-editor-required",
        "stale-etag",
        "payload-too-large",
        "unsupported-media-type",
        "if-match-required",
        "unavailable",
      ],
      responses: {
        200: json(ClaimDocument, "Replaced; the new version, with its ETag"),
        201: json(ClaimDocument, "Created, with its ETag and Location"),
      },
    }),
    ...adminGuard,
    bodyLimit({
      maxSize: CLAIM_MAX_BYTES,
      onError: () => {
        throw new Problem("payload-too-large", `A record must be at most ${CLAIM_MAX_BYTES} bytes.`);
      },
    }),
    requireJson,
    idParam,
    validate("query", NoteQuery),
    validate("json", ClaimInput),
    async (c) => {
      const { id } = c.req.valid("param");
      const claim = c.req.valid("json");
      if (claim.id !== id)
        throw new Problem("id-mismatch", `The body's id "${claim.id}" is not the path's id "${id}".`);
      refuseWithoutReview(c.env.SECOND_EDITOR);
      const result = await writer(c).put(
        claim,
        { ifMatch: c.req.header("If-Match") ?? null, ifNoneMatch: c.req.header("If-None-Match") ?? null },
        { editor: c.var.editor.editor, note: c.req.valid("query").note },
      );
      await afterWrite(c, "put", id, result);
      return writeResponse(result);
    },
  )
  .delete(
    "/:id",
    operation({
      operationId: "deleteClaim",
      access: "admin",
      tags: ["admin"],
      summary: "Delete a claim",
      description:
        "The history keeps every version, and says it was deleted. Every record that lists it in `related` gets a version without it.",
      parameters: [IF_MATCH, NOTE_PARAM],
      problems: [
        "invalid-param",
        "invalid-query",
        "second-editor-required",
        "claim-not-found",
        "stale-etag",
        "if-match-required",
        "unavailable",
      ],
      responses: {
        204: { description: "Deleted" },
      },
    }),
    ...adminGuard,
    idParam,
    validate("query", NoteQuery),
    async (c) => {
      const { id } = c.req.valid("param");
      refuseWithoutReview(c.env.SECOND_EDITOR);
      const result = await writer(c).remove(id, c.req.header("If-Match") ?? null, {
        editor: c.var.editor.editor,
        note: c.req.valid("query").note,
      });
      await afterWrite(c, "delete", id, result);
      return writeResponse(result);
    },
  );

/** When publishing takes a second editor, a record changes only through a draft. */
function refuseWithoutReview(setting: string | undefined): void {
  if (setting === "required")
    throw new Problem(
      "second-editor-required",
      "Publishing takes a second editor here: save a draft (PUT /v1/drafts/:id), and another editor publishes it.",
    );
}
