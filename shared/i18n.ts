/**
 * The card's words in French and English, and date formatting with `Intl`. Shared by
 * the widget and the Worker's server-rendered card, so it uses no DOM.
 *
 * @module
 */
import type { Basis, Status, UiLang } from "../schema/index.ts";

const fr = {
  kicker: "Attribution d’une cyberattaque",
  accused: "Mis en cause",
  accusation: "Accusation",
  denial: "Démenti",
  noDenial: "Aucun démenti public connu",
  asOf: "au",
  timeline: "Chronologie",
  /** Counts of what the timeline adds to the face-off: [singular, plural] after the number. */
  counts: {
    accusation: ["autre accusation", "autres accusations"],
    denial: ["autre démenti", "autres démentis"],
    consequence: ["suite", "suites"],
  } as Record<"accusation" | "denial" | "consequence", [string, string]>,
  related: "Fiches liées",
  unverified: "non vérifiée",
  source: "Source",
  /** What separates a label from its text: French typography wants a space before the colon. */
  colon: " : ",
  updated: "Mis à jour le",
  record: "Fiche complète",
  translation: "Traduction",
  accuses: "accuse",
  denies: "dément",
  loading: "Chargement de la fiche…",
  error: "Fiche indisponible pour le moment.",
  notFound: "Fiche introuvable.",
  neutral: "Ce résumé rapporte qui affirme quoi, sans trancher.",
  status: {
    alleged: "Allégation",
    "officially-attributed": "Attribution officielle",
    indicted: "Inculpations",
    disputed: "Contestée",
  } satisfies Record<Status, string>,
  basis: {
    "government-statement": "déclaration gouvernementale",
    "joint-statement": "déclaration conjointe",
    indictment: "acte d’accusation",
    "technical-report": "rapport technique",
    "campaign-statement": "déclaration de campagne",
    "media-report": "article de presse",
    "press-conference": "conférence de presse",
    "diplomatic-note": "note diplomatique",
  } satisfies Record<Basis, string>,
  consequence: {
    indictment: "inculpation",
    sanctions: "sanctions",
    expulsion: "expulsions",
    arrest: "arrestation",
    other: "suite",
  },
};

/** Every string the widget shows, in one language. */
export type Strings = typeof fr;

const en: Strings = {
  kicker: "Cyberattack attribution",
  accused: "Accused",
  accusation: "Accusation",
  denial: "Denial",
  noDenial: "No public denial on record",
  asOf: "as of",
  timeline: "Timeline",
  counts: {
    accusation: ["more accusation", "more accusations"],
    denial: ["more denial", "more denials"],
    consequence: ["consequence", "consequences"],
  },
  related: "Related records",
  unverified: "unverified",
  source: "Source",
  colon: ": ",
  updated: "Updated",
  record: "Full record",
  translation: "Translation",
  accuses: "accuses",
  denies: "denies",
  loading: "Loading the record…",
  error: "Record unavailable right now.",
  notFound: "Record not found.",
  neutral: "This summary reports who says what, without ruling on it.",
  status: {
    alleged: "Alleged",
    "officially-attributed": "Officially attributed",
    indicted: "Indictments",
    disputed: "Disputed",
  },
  basis: {
    "government-statement": "government statement",
    "joint-statement": "joint statement",
    indictment: "indictment",
    "technical-report": "technical report",
    "campaign-statement": "campaign statement",
    "media-report": "media report",
    "press-conference": "press conference",
    "diplomatic-note": "diplomatic note",
  },
  consequence: {
    indictment: "indictment",
    sanctions: "sanctions",
    expulsion: "expulsions",
    arrest: "arrest",
    other: "follow-up",
  },
};

/** The strings of each UI language. */
export const STRINGS: Record<UiLang, Strings> = { fr, en };

/**
 * The UI language of a language tag: French for any `fr` tag, else English.
 *
 * @example
 * toUiLang("fr-CA"); // "fr"
 * toUiLang(null);    // "en"
 */
export function toUiLang(tag: string | null | undefined): UiLang {
  return (tag ?? "").trim().toLowerCase().startsWith("fr") ? "fr" : "en";
}

/**
 * Formats a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date at its own precision.
 *
 * @example
 * formatDate("2018-07-13", "fr"); // "13 juillet 2018"
 * formatDate("2018-10", "en");    // "October 2018"
 */
export function formatDate(date: string, lang: UiLang): string {
  const [y, m, d] = date.split("-").map(Number);
  if (!y) return date;
  const precision = d ? 3 : m ? 2 : 1;
  const key = `${lang}${precision}`;
  let format = FORMATS.get(key);
  if (!format) {
    const opts: Intl.DateTimeFormatOptions = { timeZone: "UTC", year: "numeric" };
    if (precision > 1) opts.month = "long";
    if (precision > 2) opts.day = "numeric";
    format = new Intl.DateTimeFormat(lang, opts);
    FORMATS.set(key, format);
  }
  return format.format(new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1)));
}

/** Formatters by language and precision: making one costs far more than using it. */
const FORMATS = new Map<string, Intl.DateTimeFormat>();
