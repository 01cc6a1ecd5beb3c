/**
 * Version history of a record, for editors: `GET /v1/claims/:id/history` lists every
 * version (who, when, the change note), newest first; `GET /v1/claims/:id/versions/:n`
 * returns one, with the record as it was. A revert is an ordinary write of an old
 * version (`PUT /v1/claims/:id` with `If-Match`). The public claim page reads the same
 * list from KV (`history:<id>`), without editor access.
 *
 * @module
 */
import { Hono } from "hono";
import * as v from "valibot";
import { HistoryList, Slug, VersionDocument } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import { adminGuard, writer } from "../middleware/admin-write.ts";
import { idParam } from "../middleware/claim-id.ts";
import { validate } from "../middleware/validate.ts";
import { json, operation } from "../openapi/describe.ts";
import { Problem } from "../problem.ts";

const VersionParams = v.object({
  id: Slug,
  n: v.pipe(v.string(), v.regex(/^[1-9]\d{0,8}$/, "must be a version number (1, 2, …)"), v.transform(Number)),
});

/**
 * @example
 * app.route("/v1/claims", history);
 */
export const history = new Hono<AppEnv>()
  .get(
    "/:id/history",
    operation({
      operationId: "getClaimHistory",
      access: "admin",
      tags: ["admin"],
      summary: "Every version of a claim: who, when, and the change note",
      problems: ["invalid-param", "claim-not-found", "unavailable"],
      responses: {
        200: json(HistoryList, "The versions, newest first"),
      },
    }),
    ...adminGuard,
    idParam,
    async (c) => {
      const { id } = c.req.valid("param");
      const list = await writer(c).history(id);
      if (!list) throw new Problem("claim-not-found", `No claim ever had the id "${id}".`);
      return c.json(list);
    },
  )
  .get(
    "/:id/versions/:n",
    operation({
      operationId: "getClaimVersion",
      access: "admin",
      tags: ["admin"],
      summary: "One version of a claim, as it was",
      problems: ["invalid-param", "version-not-found", "unavailable"],
      responses: {
        200: json(VersionDocument, "The version: its history entry and the record (null when it was a deletion)"),
      },
    }),
    ...adminGuard,
    validate("param", VersionParams),
    async (c) => {
      const { id, n } = c.req.valid("param");
      const doc = await writer(c).version(id, n);
      if (!doc) throw new Problem("version-not-found", `Claim "${id}" has no version ${n}.`);
      return c.json(doc);
    },
  );
