/**
 * The expanded card's timeline: accusations, denials and consequences interleaved in
 * date order, so that the reader sees who said what, when.
 *
 * @module
 */
import type { Claim, Consequence, Entity, Statement, UiLang } from "../schema/index.ts";

/** One dated step of the timeline. */
export type TimelineEvent =
  | { kind: "accusation" | "denial"; date: string; by: string; item: Statement }
  | { kind: "consequence"; date: string; by: string; item: Consequence };

const ORDER = { accusation: 0, denial: 1, consequence: 2 } as const;

/**
 * Every statement and consequence of a claim, oldest first. Events on the same date keep
 * accusation, denial, consequence order.
 *
 * @example
 * timeline(claim).map((e) => `${e.date} ${e.kind}`); // ["2016-06-14 accusation", "2016-06 denial", …]
 */
export function timeline(claim: Claim): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...claim.accusations.map((item) => ({ kind: "accusation" as const, date: item.date, by: item.by, item })),
    ...(claim.denials ?? []).map((item) => ({ kind: "denial" as const, date: item.date, by: item.by, item })),
    ...(claim.consequences ?? []).map((item) => ({ kind: "consequence" as const, date: item.date, by: item.by, item })),
  ];
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ORDER[a.kind] - ORDER[b.kind]));
}

/**
 * The name of an entity of the claim in a language, or its id when it is missing.
 *
 * @example
 * entityName(claim, "gru", "fr"); // "GRU"
 */
export function entityName(claim: Claim, id: string, lang: UiLang): string {
  const e: Entity | undefined = claim.entities?.find((x) => x.id === id);
  return e?.name?.[lang] ?? id;
}

/**
 * The distinct names of the entities behind a list of statements, in order of appearance.
 *
 * @example
 * partyNames(claim, claim.accusations, "en"); // "CrowdStrike, Hillary Clinton campaign"
 */
export function partyNames(claim: Claim, items: readonly { by: string }[] | undefined, lang: UiLang): string {
  return [...new Set((items ?? []).map((s) => entityName(claim, s.by, lang)))].join(", ");
}

/**
 * The URL itself when it is an absolute http(s) URL, else `undefined`, so that no other
 * scheme (`javascript:`, `data:`) can ever become a link.
 *
 * @example
 * safeHref("https://example.org"); // "https://example.org/"
 * safeHref("javascript:alert(1)"); // undefined
 */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}
