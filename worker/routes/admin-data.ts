/**
 * The writer as a whole, for the data tools and the desk: `POST /v1/admin/import` (what
 * `npm run data:load` sends), `GET /v1/admin/export` (what `npm run data:export` writes
 * back to `data/`), `POST /v1/admin/republish` (a repair of KV), `GET /v1/admin/status`
 * (what is left to publish, and what was given up on), `GET /v1/admin/me` (who is
 * signed in) and `GET /v1/admin/entities` (the registry the desk picks entities from).
 *
 * @module
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { resolver } from "hono-openapi";
import { EditorInfo, ExportResult, ImportRequest, ImportResult, Registry, WriterStatus } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import { adminGuard, audit, writeResponse, writer } from "../middleware/admin-write.ts";
import { purgeClaim } from "../middleware/edge-cache.ts";
import { requireJson, validate } from "../middleware/validate.ts";
import { json, operation } from "../openapi/describe.ts";
import { publicOrigin } from "../origin.ts";
import { Problem } from "../problem.ts";

/** The largest import request: `data:load` sends batches below it. */
export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * @example
 * app.route("/v1/admin", adminData);
 */
export const adminData = new Hono<AppEnv>()
  .post(
    "/import",
    operation({
      operationId: "importClaims",
      access: "admin",
      tags: ["admin"],
      summary: "Import a reviewed set of records (npm run data:load)",
      description:
        "Records whose live version is newer than the set's are listed as conflicts and left alone, unless `force`. Records live but not in the set are listed, and deleted only with `prune`. Every record of the set, its URLs, its history and the indexes are published again.",
      requestBody: { required: true, content: { "application/json": { schema: resolver(ImportRequest) } } },
      problems: ["invalid-json", "bad-request", "payload-too-large", "unsupported-media-type", "unavailable"],
      responses: {
        200: json(ImportResult, "What the import did"),
      },
    }),
    ...adminGuard,
    bodyLimit({
      maxSize: IMPORT_MAX_BYTES,
      onError: () => {
        throw new Problem("payload-too-large", `An import must be at most ${IMPORT_MAX_BYTES} bytes: send batches.`);
      },
    }),
    requireJson,
    validate("json", ImportRequest),
    async (c) => {
      const request = c.req.valid("json");
      const outcome = await writer(c).importSet(request, { editor: c.var.editor.editor, note: request.note });
      if (!("result" in outcome)) {
        audit(c, "import", null, outcome.status);
        return writeResponse(outcome);
      }
      const { result } = outcome;
      const changed = [...result.created, ...result.updated, ...result.deleted, ...result.linked];
      c.var.store.forgetWritten(changed);
      // This isolate answers for the records it knows are gone (KV may serve them from its
      // read cache for a while); the Cache API of this location forgets every changed one.
      for (const id of result.deleted) c.var.store.written(id, null);
      const origin = publicOrigin(c);
      await Promise.all(changed.map((id) => purgeClaim(origin, id)));
      audit(c, "import", null, 200, {
        created: result.created.length,
        updated: result.updated.length,
        conflicts: result.conflicts.map((x) => x.id),
        deleted: result.deleted,
        linked: result.linked,
        force: request.force ?? false,
      });
      return c.json(result);
    },
  )
  .get(
    "/export",
    operation({
      operationId: "exportClaims",
      access: "admin",
      tags: ["admin"],
      summary: "Every live record and the entity registry (npm run data:export)",
      problems: ["unavailable"],
      responses: {
        200: json(ExportResult, "The live set"),
      },
    }),
    ...adminGuard,
    async (c) => c.json(await writer(c).exportAll()),
  )
  .post(
    "/republish",
    operation({
      operationId: "republish",
      access: "admin",
      tags: ["admin"],
      summary: "Publish every key of the live set to KV again, and delete the keys it does not hold",
      problems: ["unavailable"],
      responses: {
        200: { description: "Queued" },
      },
    }),
    ...adminGuard,
    async (c) => {
      const queued = await writer(c).republish();
      audit(c, "republish", null, 200, queued);
      return c.json(queued);
    },
  )
  .get(
    "/status",
    operation({
      operationId: "writerStatus",
      access: "admin",
      tags: ["admin"],
      summary: "What the writer still has to publish, and the keys it gave up on",
      problems: ["unavailable"],
      responses: {
        200: json(WriterStatus, "The writer's state"),
      },
    }),
    ...adminGuard,
    async (c) => c.json(await writer(c).status()),
  )
  .get(
    "/me",
    operation({
      operationId: "whoAmI",
      access: "admin",
      tags: ["admin"],
      summary: "The editor signed in, and whether publishing takes a second editor",
      problems: [],
      responses: {
        200: json(EditorInfo, "The editor"),
      },
    }),
    ...adminGuard,
    (c) => c.json({ ...c.var.editor, secondEditor: c.env.SECOND_EDITOR === "required" } satisfies EditorInfo),
  )
  .get(
    "/entities",
    operation({
      operationId: "listEntities",
      access: "admin",
      tags: ["admin"],
      summary: "The entity registry the desk picks entities from",
      problems: ["unavailable"],
      responses: {
        200: json(Registry, "Every entity, with its names, aliases and parent"),
      },
    }),
    ...adminGuard,
    async (c) => c.json({ entities: await writer(c).entities() }),
  );
