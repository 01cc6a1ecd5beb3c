/**
 * claimcard's schema: the one source of the record's shape and types, imported by the
 * worker, the widget (types only) and the data tools.
 *
 * @example
 * import { Claim, check } from "./index.ts";
 * const r = check(Claim, json);
 *
 * @module
 */

export * from "./api.ts";
export * from "./claim.ts";
export * from "./dataset.ts";
export * from "./desk.ts";
export * from "./issues.ts";
export * from "./primitives.ts";
