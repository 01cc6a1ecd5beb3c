/**
 * Conditional-request headers for admin writes (RFC 9110 §13.1.1–2): `If-Match` with
 * strong comparison, and `If-None-Match: *` for create-only.
 *
 * @module
 */

/**
 * Tells whether an `If-Match` header value matches the current ETag. `*` matches any
 * existing record; weak tags never match (strong comparison).
 *
 * @example
 * ifMatchHolds('"3-abc", "4-def"', '"4-def"'); // true
 * ifMatchHolds("*", null);                      // false: there is no record
 */
export function ifMatchHolds(header: string, current: string | null): boolean {
  if (current === null) return false;
  if (header.trim() === "*") return true;
  return (header.match(/(W\/)?"[^"]*"/g) ?? []).some((tag) => !tag.startsWith("W/") && tag === current);
}
