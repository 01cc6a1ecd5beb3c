/**
 * Problem responses take everything from the catalogue: status, title, type, and the
 * `Retry-After` of the kinds a client may retry, so that no route writes the hint itself
 * (and no route can forget it, or send one that the catalogue does not say).
 */
import { describe, expect, it } from "vitest";
import {
  PROBLEM_MEDIA_TYPE,
  PROBLEMS,
  type ProblemKind,
  type ProblemKindWithErrors,
  problemRetryAfter,
  problemType,
} from "../shared/problems.ts";
import { Problem, problemResponse, toProblem } from "./problem.ts";
import { StoreUnavailable } from "./store/kv-timeout.ts";

const KINDS = Object.keys(PROBLEMS) as ProblemKind[];

function respond(kind: ProblemKind): Response {
  return PROBLEMS[kind].errors
    ? problemResponse(kind as ProblemKindWithErrors, "detail", { errors: ["field: wrong"] })
    : problemResponse(kind as Exclude<ProblemKind, ProblemKindWithErrors>, "detail");
}

describe("problemResponse", () => {
  it("sends Retry-After, in whole seconds, for every kind the catalogue says may be retried, and for no other", async () => {
    const retried = KINDS.filter((k) => problemRetryAfter(k) !== undefined);
    expect(retried.sort()).toEqual(["not-loaded", "rate-limited", "unavailable"]);
    for (const kind of KINDS) {
      const res = respond(kind);
      const seconds = problemRetryAfter(kind);
      expect(res.headers.get("Retry-After"), kind).toBe(seconds === undefined ? null : String(seconds));
      if (seconds !== undefined) expect(Number.isInteger(seconds) && seconds > 0, kind).toBe(true);
      expect(res.status, kind).toBe(PROBLEMS[kind].status);
      expect(res.headers.get("Content-Type"), kind).toBe(PROBLEM_MEDIA_TYPE);
      expect(await res.json(), kind).toMatchObject({ type: problemType(kind), title: PROBLEMS[kind].title });
    }
  });

  it("sends the catalogue's Retry-After from a thrown Problem and from a store failure", () => {
    expect(new Problem("rate-limited", "slow down").getResponse().headers.get("Retry-After")).toBe(
      String(PROBLEMS["rate-limited"].retryAfter),
    );
    const res = toProblem(new StoreUnavailable("KV read failed"));
    expect(res.status).toBe(PROBLEMS.unavailable.status);
    expect(res.headers.get("Retry-After")).toBe(String(PROBLEMS.unavailable.retryAfter));
  });
});
