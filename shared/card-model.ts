/**
 * What a card says, computed once for both renderers (the `<claim-card>` widget and the
 * Worker's server-rendered card), so that the two cannot disagree: the compact card's
 * face-off (the main accusation against the main denial, in the same form), the counts
 * of what the timeline adds, and the expanded card's timeline (accusations, denials and
 * consequences interleaved in date order, so that the reader sees who said what, when).
 * The claim page reads the same functions and adds what only it shows on the server.
 *
 * Which statements are "main" follows one documented rule ({@link mainAccusation},
 * {@link mainDenial}): the most authoritative accusation, and the latest denial by the
 * accused's side. Names are never cut: a long list shows its first names and "+N".
 *
 * @module
 */
import type { Basis, Claim, Consequence, Entity, Source, Statement, UiLang } from "../schema/index.ts";
import { isHttpUrl } from "./http-url.ts";
import { formatDate, STRINGS, type Strings } from "./i18n.ts";

/** One dated step of the timeline. */
export type TimelineEvent =
  | { kind: "accusation" | "denial"; date: string; by: string; item: Statement }
  | { kind: "consequence"; date: string; by: string; item: Consequence };

const ORDER = { accusation: 0, denial: 1, consequence: 2 } as const;

/** A date as a sortable key: a date known to the month or the year sorts at the end of its period. */
const dateKey = (date: string) => date.padEnd(10, "~");

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
  return events.sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || ORDER[a.kind] - ORDER[b.kind]);
}

/**
 * How much weight the basis of an accusation carries, most first: a court's indictment,
 * then governments speaking together, then one government, then a diplomatic note or a
 * press conference, then a company's technical report, a campaign, the press.
 */
export const BASIS_AUTHORITY: readonly Basis[] = [
  "indictment",
  "joint-statement",
  "government-statement",
  "diplomatic-note",
  "press-conference",
  "technical-report",
  "campaign-statement",
  "media-report",
];

/**
 * The main accusation: the most authoritative one by its basis ({@link BASIS_AUTHORITY}),
 * and between equals the latest (it states the accusation as it stands); between
 * statements of the same day, the first in the record.
 *
 * @example
 * mainAccusation(dnc).by; // "us-doj": the 2018 indictment outweighs CrowdStrike's 2016 report
 */
export function mainAccusation(c: Claim): Statement {
  const rank = (s: Statement) => BASIS_AUTHORITY.indexOf(s.basis);
  return c.accusations.reduce((best, s) =>
    rank(s) < rank(best) || (rank(s) === rank(best) && dateKey(s.date) > dateKey(best.date)) ? s : best,
  );
}

/**
 * The main denial: the latest denial by the accused's side (an accused entity, an entity
 * it belongs to, or one that belongs to the same state or group: the Kremlin's spokesman
 * answers for the GRU's unit), else the latest denial by anyone; between statements of
 * the same day, the first in the record. `undefined` when no denial is on record.
 *
 * @example
 * mainDenial(dnc)?.by; // "russia"
 */
export function mainDenial(c: Claim): Statement | undefined {
  const byId = new Map<string, Entity>(c.entities?.map((e) => [e.id, e]));
  const family = (id: string): string[] => {
    const out: string[] = [];
    for (let e = byId.get(id); e && !out.includes(e.id); e = e.parent ? byId.get(e.parent) : undefined) out.push(e.id);
    return out.length ? out : [id];
  };
  const side = new Set(c.accused.flatMap(family));
  const own = (s: Statement) => family(s.by).some((id) => side.has(id));
  return c.denials?.reduce<Statement | undefined>(
    (best, s) =>
      !best || (own(s) && !own(best)) || (own(s) === own(best) && dateKey(s.date) > dateKey(best.date)) ? s : best,
    undefined,
  );
}

/**
 * The name of an entity of the claim in a language, or its id when it is missing.
 *
 * @example
 * entityName(claim, "gru", "fr"); // "GRU (renseignement militaire russe)"
 */
export function entityName(claim: Claim, id: string, lang: UiLang): string {
  const e: Entity | undefined = claim.entities?.find((x) => x.id === id);
  return e?.name?.[lang] ?? id;
}

/**
 * Names joined by commas, the first `max` of them whole and the rest as "+N": a list is
 * never cut in the middle of a name.
 *
 * @example
 * nameList(["Russia", "GRU", "Unit 26165", "Unit 74455"], 2); // "Russia, GRU +2"
 */
export function nameList(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} +${names.length - max}` : shown;
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

/**
 * A word that may be an abbreviation or an initial when a full stop follows it: a
 * capital and at most three more letters or dots ("U.S", "Rep", "M", "Mme"). Taking a
 * short name for one ("GRU.") only makes the sentence run on, and the excerpt is then cut
 * at a word; cutting at "Rep." would lose the sentence.
 */
const ABBREVIATION = /(?:^|[\s(])\p{Lu}[\p{L}.]{0,3}$/u;

/**
 * The first sentence of a text, cut at a word (never inside one) when it is longer than
 * `max` characters, with "…" where it was cut. A full stop after an abbreviation or an
 * initial ("U.S.", "Rep.", "M.") does not end it.
 *
 * @example
 * excerpt("The U.S. Deputy Attorney General says so. Then more.", 160); // "The U.S. Deputy Attorney General says so."
 */
export function excerpt(text: string, max: number): string {
  let sentence = text;
  for (const m of text.matchAll(/[.!?…]["”»)]?(?=\s+["“«(]?[A-ZÀ-ÖØ-Þ])/g)) {
    if (!ABBREVIATION.test(text.slice(0, m.index))) {
      sentence = text.slice(0, m.index + m[0].length);
      break;
    }
  }
  if (sentence.length <= max) return sentence;
  return `${sentence.slice(0, sentence.lastIndexOf(" ", max)).replace(/[\s,;:–—-]+$/, "")}…`;
}

/** The longest short quote or sentence a side of the face-off shows, in characters. */
export const SIDE_TEXT_MAX = 140;

/** A date as the card shows it: machine-readable and formatted. */
export interface ShownDate {
  iso: string;
  text: string;
}

/** One side of the face-off, the same form for an accusation and a denial. */
export interface SideFacts {
  kind: "accusation" | "denial";
  /** "Accusation" or "Denial". */
  label: string;
  /** Who said it (the entity). Empty when no denial is on record. */
  who: string;
  date?: ShownDate;
  /** "indictment", "government statement"… */
  basis: string;
  /** A short quote in its own words, or the first sentence of the summary; or "No public denial on record (as of …)". */
  text: string;
}

/** The compact card's facts, in one language. */
export interface CardFacts {
  title: string;
  status: string;
  /** The incident's date, and its end date when it has one. */
  dates: ShownDate[];
  /** "Russia, GRU +3". */
  accused: string;
  /** The main accusation and the main denial (or the explicit absence of one). */
  sides: [SideFacts, SideFacts];
  /** What the timeline adds: "3 more accusations, 1 more denial, 2 consequences" (empty when nothing). */
  counts: string;
  updated: ShownDate;
}

/** One side of the face-off from a statement, in the same form for both sides. */
function side(c: Claim, kind: SideFacts["kind"], s: Statement, lang: UiLang, t: Strings): SideFacts {
  const q = s.quote;
  const quoted = q && q.lang === lang && q.text.length <= SIDE_TEXT_MAX;
  return {
    kind,
    label: t[kind],
    who: entityName(c, s.by, lang),
    date: { iso: s.date, text: formatDate(s.date, lang) },
    basis: t.basis[s.basis] ?? s.basis,
    text: quoted ? (lang === "fr" ? `« ${q.text} »` : `“${q.text}”`) : excerpt(s.summary[lang], SIDE_TEXT_MAX),
  };
}

/**
 * The compact card's facts.
 *
 * @example
 * cardFacts(claim, "en").sides.map((s) => s.who); // ["U.S. Department of Justice", "Russia"]
 */
export function cardFacts(c: Claim, lang: UiLang): CardFacts {
  const t = STRINGS[lang];
  const shown = (iso: string): ShownDate => ({ iso, text: formatDate(iso, lang) });
  const denial = mainDenial(c);
  const count = (kind: keyof Strings["counts"], n: number) => (n > 0 ? `${n} ${t.counts[kind][n > 1 ? 1 : 0]}` : "");
  return {
    title: c.incident.title[lang],
    status: t.status[c.status] ?? c.status,
    dates: [c.incident.date, ...(c.incident.endDate ? [c.incident.endDate] : [])].map(shown),
    accused: nameList(c.accused.map((id) => entityName(c, id, lang))),
    sides: [
      side(c, "accusation", mainAccusation(c), lang, t),
      denial
        ? side(c, "denial", denial, lang, t)
        : {
            kind: "denial",
            label: t.denial,
            who: "",
            basis: "",
            text: `${t.noDenial}${c.noDenialOnRecord ? ` (${t.asOf} ${formatDate(c.noDenialOnRecord.asOf, lang)})` : ""}`,
          },
    ],
    counts: [
      count("accusation", c.accusations.length - 1),
      count("denial", (c.denials?.length ?? 1) - 1),
      count("consequence", c.consequences?.length ?? 0),
    ]
      .filter(Boolean)
      .join(", "),
    updated: { iso: c.updatedAt, text: formatDate(c.updatedAt.slice(0, 10), lang) },
  };
}

/** A source as the card lists it. */
export interface SourceFacts {
  label: string;
  href?: string;
  /** The source could not be checked: the card says so next to it, and never presents it as confirmed. */
  unverified: boolean;
}

/**
 * A source as the card lists it: "Source: publisher", its http(s) link, and whether it
 * is unverified.
 *
 * @example
 * sourceFacts(source, STRINGS.en); // { label: "Source: The Hill", href: "https://thehill.com/…", unverified: false }
 */
export function sourceFacts(src: Source, t: Strings): SourceFacts {
  const href = safeHref(src.url);
  return {
    label: `${t.source}${t.colon}${src.publisher}`,
    ...(href ? { href } : {}),
    unverified: src.check?.result !== "confirmed",
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
  sources: SourceFacts[];
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
      sources: e.item.sources.map((src) => sourceFacts(src, t)),
    };
  });
}
