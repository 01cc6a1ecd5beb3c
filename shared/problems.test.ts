/**
 * The problem catalogue: every kind has a status a client can act on, a title of its
 * own, and a `type` that maps back to it, so that the Worker, the client and the OpenAPI
 * document all speak of the same errors.
 */
import { describe, expect, it } from "vitest";
import {
  PROBLEM_TYPE_PREFIX,
  PROBLEMS,
  type ProblemKind,
  problemKind,
  problemKindsOf,
  problemType,
} from "./problems.ts";

const KINDS = Object.keys(PROBLEMS) as ProblemKind[];

describe("the problem catalogue", () => {
  it("maps every kind to a type and back", () => {
    for (const kind of KINDS) expect(problemKind(problemType(kind))).toBe(kind);
  });

  it("gives every kind a distinct type, and a type that is a URN (RFC 9457 wants a URI)", () => {
    const types = KINDS.map(problemType);
    expect(new Set(types).size).toBe(KINDS.length);
    for (const type of types) expect(type).toMatch(/^urn:[a-z0-9][a-z0-9-]{0,31}:[a-z0-9:-]+$/);
  });

  it("answers no kind for a type it does not own", () => {
    for (const type of [
      "about:blank",
      PROBLEM_TYPE_PREFIX,
      `${PROBLEM_TYPE_PREFIX}no-such-kind`,
      `${PROBLEM_TYPE_PREFIX}constructor`,
      `${PROBLEM_TYPE_PREFIX}__proto__`,
      `${PROBLEM_TYPE_PREFIX}toString`,
      problemType("stale-etag").toUpperCase(),
      `https://example.org/${problemType("not-found")}`,
    ])
      expect(problemKind(type), type).toBeUndefined();
  });

  it("gives every kind an error status (4xx or 5xx) and a title of its own", () => {
    for (const kind of KINDS) {
      const { status, title } = PROBLEMS[kind];
      expect(Number.isInteger(status) && status >= 400 && status <= 599, `${kind}: ${status}`).toBe(true);
      expect(title.trim(), kind).toBe(title);
      expect(title.length, kind).toBeGreaterThan(0);
    }
    expect(new Set(KINDS.map((k) => PROBLEMS[k].title)).size).toBe(KINDS.length);
  });

  it("lists the fields at fault only for bad input (400, or 422 for a stored draft that is not publishable)", () => {
    const withErrors = KINDS.filter((k) => PROBLEMS[k].errors);
    expect(withErrors.length).toBeGreaterThan(0);
    for (const kind of withErrors) expect([400, 422], kind).toContain(PROBLEMS[kind].status);
  });

  it("finds the kinds of a status, and every kind under its own status", () => {
    expect(problemKindsOf(412)).toEqual(["stale-etag"]);
    expect(problemKindsOf(200)).toEqual([]);
    const statuses = new Set(KINDS.map((k) => PROBLEMS[k].status));
    expect([...statuses].flatMap(problemKindsOf).sort()).toEqual([...KINDS].sort());
  });
});
