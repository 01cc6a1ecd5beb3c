/**
 * Request validation with the Valibot schemas, through hono-openapi's validator (Hono's
 * Standard Schema validator, which also records the schema for the OpenAPI document),
 * answering bad input with a 400 problem that lists every field at fault.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { validator } from "hono-openapi";
import type * as v from "valibot";
import { describeStandardIssues } from "../../schema/index.ts";
import type { ProblemKindWithErrors } from "../../shared/problems.ts";
import { Problem } from "../problem.ts";

/** The parts of a request that are validated, and the problem each answers when it is bad. */
const KINDS = {
  json: "invalid-json",
  query: "invalid-query",
  param: "invalid-param",
  header: "invalid-header",
} as const;

/**
 * Validates one part of the request against a Valibot schema, or throws a 400 problem
 * whose `errors` name each bad field.
 *
 * @example
 * app.get("/v1/claims", validate("query", ListQuery), (c) => c.json(c.req.valid("query")));
 */
export function validate<T extends v.GenericSchema, Target extends keyof typeof KINDS>(target: Target, schema: T) {
  return validator(target, schema, (result) => {
    if (result.success) return;
    const errors = describeStandardIssues(result.error);
    throw new Problem<ProblemKindWithErrors>(KINDS[target], errors.join("; "), { errors });
  });
}

/**
 * Refuses a body that is not JSON with 415, before anything reads it.
 *
 * @example
 * app.post("/v1/match", requireJson, validate("json", MatchRequest), handler);
 */
export const requireJson: MiddlewareHandler = async (c, next) => {
  const type = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !/^application\/[\w.-]+\+json$/.test(type)) {
    throw new Problem(
      "unsupported-media-type",
      `Send the body as application/json (got ${type ? `"${type}"` : "no Content-Type"}).`,
      {
        headers: { "Accept-Post": "application/json" },
      },
    );
  }
  await next();
};
