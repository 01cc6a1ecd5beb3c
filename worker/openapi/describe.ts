/**
 * How each route states its contract, beside its handler, with hono-openapi's
 * `describeRoute`: its operation id, who may call it, and every response it can give,
 * success bodies generated from the Valibot schemas and errors from the problem catalogue.
 * `npm run build` turns these into `/openapi.json` (see `document.ts`).
 *
 * @module
 */

import type { MiddlewareHandler } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import * as v from "valibot";
import { ProblemDetails } from "../../schema/index.ts";
import { PROBLEM_MEDIA_TYPE, PROBLEMS, type ProblemKind, problemRetryAfter } from "../../shared/problems.ts";

type DescribeOptions = Parameters<typeof describeRoute>[0];
type Responses = NonNullable<DescribeOptions["responses"]>;
type Response = Responses[string];

/** The problem body, as one reusable component. */
const Problem = v.pipe(ProblemDetails, v.metadata({ ref: "Problem" }));

/**
 * A response, by media type: a Valibot schema generates the body's schema; `"text"` is a
 * body described but not schema-checked (HTML, JavaScript, JSON-LD).
 *
 * @example
 * { 200: response("The record, or its ClaimReview", { "application/json": ClaimDocument, "application/ld+json": "text" }) }
 */
export function response(description: string, content: Record<string, v.GenericSchema | "text">): Response {
  const media = Object.fromEntries(
    Object.entries(content).map(([type, schema]) => [
      type,
      { schema: schema === "text" ? { type: "string" as const } : resolver(schema) },
    ]),
  );
  return { description, content: media };
}

/**
 * A JSON response whose body is generated from a Valibot schema.
 *
 * @example
 * { 200: json(ClaimList, "A page of claim summaries") }
 */
export function json(schema: v.GenericSchema, description: string): Response {
  return response(description, { "application/json": schema });
}

/**
 * The error responses of an operation, from the problem catalogue: one entry per status,
 * whose description names each kind of problem it can be, and the `Retry-After` header
 * of the kinds a client may retry.
 *
 * @example
 * { ...problems("invalid-param", "claim-not-found", "unavailable") }
 */
export function problems(...kinds: ProblemKind[]): Responses {
  const byStatus = new Map<number, ProblemKind[]>();
  for (const kind of kinds) byStatus.set(PROBLEMS[kind].status, [...(byStatus.get(PROBLEMS[kind].status) ?? []), kind]);
  const out: Responses = {};
  for (const [status, list] of byStatus) {
    const retried = list.flatMap((k) => {
      const seconds = problemRetryAfter(k);
      return seconds === undefined ? [] : [`${seconds} for \`${k}\``];
    });
    out[status] = {
      description: list.map((k) => `${PROBLEMS[k].title} (\`${k}\`)`).join("; "),
      ...(retried.length
        ? {
            headers: {
              "Retry-After": {
                description: `Seconds to wait before retrying: ${retried.join(", ")}.`,
                schema: { type: "integer" as const, minimum: 1 },
              },
            },
          }
        : {}),
      content: { [PROBLEM_MEDIA_TYPE]: { schema: resolver(Problem) } },
    };
  }
  return out;
}

/** An operation's description: what `describeRoute` takes, with `operationId` and `access` required. */
export interface Operation extends Omit<DescribeOptions, "operationId" | "security"> {
  /** A stable camelCase name, used by client generators. */
  operationId: string;
  /** `public`: anyone (`security: []`); `admin`: an editor's bearer token. */
  access: "public" | "admin";
  /** The kinds of problem it may answer, besides those every operation of its access may. */
  problems?: ProblemKind[];
}

/**
 * What every admin operation may answer, from its guard: a malformed or missing
 * credential, and too many failed sign-ins.
 */
const ADMIN_PROBLEMS: ProblemKind[] = ["bad-authorization", "unauthorized", "rate-limited"];

/**
 * Describes one operation for the OpenAPI document. Every operation says who may call
 * it, and may answer 500 (`internal-error`: a bug, logged); an admin one also answers
 * what its guard refuses ({@link ADMIN_PROBLEMS}).
 *
 * @example
 * app.get("/v1/lookup", operation({ operationId: "lookupArticle", access: "public", problems: ["invalid-query"], responses: { 200: json(LookupResult, "…") } }), handler);
 */
export function operation({ access, problems: kinds = [], ...spec }: Operation): MiddlewareHandler {
  const all = [...kinds, ...(access === "admin" ? ADMIN_PROBLEMS : []), "internal-error" as const];
  return describeRoute({
    ...spec,
    responses: { ...spec.responses, ...problems(...new Set(all)) },
    security: access === "admin" ? [{ admin: [] }] : [],
  });
}
