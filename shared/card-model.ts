/**
 * What a card says, computed once for both renderers (the `<claim-card>` widget and the
 * Worker's server-rendered card), so that the two cannot disagree: the compact card's
 * facts, and the expanded card's timeline (accusations, denials and consequences
 * interleaved in date order, so that the reader sees who said what, when).
 *
 * @module
 */
import type { Claim, Consequence, Entity, Source, Statement, UiLang } from "../schema/index.ts";
import { isHttpUrl } from "./http-url.ts";
import { formatDate, STRINGS } from "./i18n.ts";

/** One dated step of the timeline. */
export type TimelineEvent =
  | { kind: "accusation" | "denial"; date: string; by: string; item: Statement }
  | { kind: "consequence"; date: string; by: string; item: Consequence };

const ORDER = { accusation: 0, denial: 1, consequence: 2 } as const;

/**
 * Every statement and consequence of a claim, oldest first. A date known only to the
 * month or the year sorts at the end of its period (a denial "in January" comes after
 * the accusation of 14 January). Events on the same date keep accusation, denial,
 * consequence order.
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
  const key = (e: TimelineEvent) => e.date.padEnd(10, "~");
  return events.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : ORDER[a.kind] - ORDER[b.kind]));
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
  return typeof url === "string" && isHttpUrl(url) ? new URL(url).href : undefined;
}

/** A date as the card shows it: machine-readable and formatted. */
export interface ShownDate {
  iso: string;
  text: string;
}

/** The compact card's facts, in one language. */
export interface CardFacts {
  title: string;
  summary: string;
  status: string;
  /** The incident's date, and its end date when it has one. */
  dates: ShownDate[];
  /** Rows of the parties list: label, then names (or the explicit "no public denial on record"). */
  parties: Array<[label: string, names: string]>;
  updated: ShownDate;
}

/**
 * The compact card's facts.
 *
 * @example
 * cardFacts(claim, "fr").parties; // [["Mis en cause", "Russie, GRU"], ["Accusateurs", "…"], ["Démentis", "Russie"]]
 */
export function cardFacts(c: Claim, lang: UiLang): CardFacts {
  const t = STRINGS[lang];
  const shown = (iso: string): ShownDate => ({ iso, text: formatDate(iso, lang) });
  const denied = c.denials?.length
    ? partyNames(c, c.denials, lang)
    : `${t.noDenial}${c.noDenialOnRecord ? ` (${t.asOf} ${formatDate(c.noDenialOnRecord.asOf, lang)})` : ""}`;
  return {
    title: c.incident.title[lang],
    summary: c.incident.summary[lang],
    status: t.status[c.status] ?? c.status,
    dates: [c.incident.date, ...(c.incident.endDate ? [c.incident.endDate] : [])].map(shown),
    parties: [
      [t.accused, c.accused.map((id) => entityName(c, id, lang)).join(", ")],
      [t.accusers, partyNames(c, c.accusations, lang)],
      [t.denials, denied],
    ],
    updated: { iso: c.updatedAt, text: formatDate(c.updatedAt.slice(0, 10), lang) },
  };
}

/** One timeline event, as the card shows it. */
export interface EventFacts {
  kind: TimelineEvent["kind"];
  date: ShownDate;
  who: string;
  /** ", Name (role)" when the statement has a speaker. */
  speaker: string;
  /** "accuses · technical report", "denies · …", or the consequence's kind. */
  tag: string;
  summary: string;
  quote?: { text: string; lang: string; translation?: string };
  sources: Array<{ label: string; href?: string }>;
}

/**
 * The expanded card's timeline, as the card shows it.
 *
 * @example
 * timelineFacts(claim, "en")[0]; // { kind: "accusation", who: "CrowdStrike", tag: "accuses · technical report", … }
 */
export function timelineFacts(c: Claim, lang: UiLang): EventFacts[] {
  const t = STRINGS[lang];
  return timeline(c).map((e) => {
    const s = e.kind === "consequence" ? undefined : e.item;
    const q = s?.quote;
    const translation = q && q.lang !== lang ? q.translation[lang] : undefined;
    return {
      kind: e.kind,
      date: { iso: e.date, text: formatDate(e.date, lang) },
      who: entityName(c, e.by, lang),
      speaker: s?.speaker ? `, ${s.speaker.name} (${s.speaker.role[lang]})` : "",
      tag:
        e.kind === "consequence"
          ? t.consequence[e.item.kind]
          : `${e.kind === "accusation" ? t.accuses : t.denies} · ${t.basis[e.item.basis] ?? e.item.basis}`,
      summary: e.item.summary[lang],
      ...(q
        ? {
            quote: {
              text: q.lang === "fr" ? `« ${q.text} »` : `“${q.text}”`,
              lang: q.lang,
              ...(translation ? { translation: `${t.translation}${t.colon}${translation}` } : {}),
            },
          }
        : {}),
      sources: e.item.sources.map((src: Source) => {
        const href = safeHref(src.url);
        return { label: `${t.source}${t.colon}${src.publisher}`, ...(href ? { href } : {}) };
      }),
    };
  });
}
