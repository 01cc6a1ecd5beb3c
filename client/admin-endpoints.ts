/**
 * The admin endpoints, one function each. They are the only calls that send the token
 * (`admin: true`), and both are guarded by ETags, as the API requires: `If-Match` to
 * replace or delete, `If-None-Match: *` to create only.
 *
 * @module
 */
import { Claim } from "../schema/index.ts";
import type { Connection } from "./connection.ts";
import { etagOf, readJson, unexpectedStatus } from "./response.ts";
import { type Call, send } from "./transport.ts";
import type { PutClaimResult, RequestOptions } from "./types.ts";

/**
 * Admin `PUT /v1/claims/:id`: creates (201) or replaces (200) a record; answers the
 * stored record, its new ETag and whether it was created.
 *
 * @example
 * const { etag } = await putClaim(conn, { ...claim, status: "indicted" }, { ifMatch: claimEtag });
 */
export async function putClaim(
  conn: Connection,
  claim: Claim,
  options: { ifMatch?: string; ifNoneMatch?: "*" } & RequestOptions = {},
): Promise<PutClaimResult> {
  const headers: Record<string, string> = {};
  if (options.ifMatch !== undefined) headers["If-Match"] = options.ifMatch;
  if (options.ifNoneMatch !== undefined) headers["If-None-Match"] = options.ifNoneMatch;
  const call: Call = {
    method: "PUT",
    path: `/v1/claims/${encodeURIComponent(claim.id)}`,
    headers,
    json: claim,
    admin: true,
  };
  const answer = await send(conn, call, options.signal);
  const { status } = answer.res;
  if (status !== 200 && status !== 201) throw unexpectedStatus(call, answer);
  return {
    claim: readJson(conn, call, answer, Claim, "Claim"),
    etag: etagOf(call, answer.res),
    created: status === 201,
  };
}

/**
 * Admin `DELETE /v1/claims/:id`, guarded by the ETag of the version being deleted.
 *
 * @example
 * await deleteClaim(conn, "old-claim", { ifMatch: etag });
 */
export async function deleteClaim(
  conn: Connection,
  id: string,
  options: { ifMatch: string } & RequestOptions,
): Promise<void> {
  const call: Call = {
    method: "DELETE",
    path: `/v1/claims/${encodeURIComponent(id)}`,
    headers: { "If-Match": options.ifMatch },
    admin: true,
  };
  const answer = await send(conn, call, options.signal);
  if (answer.res.status !== 204 && answer.res.status !== 200) throw unexpectedStatus(call, answer);
}
