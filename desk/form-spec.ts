/**
 * The record's form, described once: every field of the schema (`schema/claim.ts`), its
 * kind of input, and what a new item of a list starts as. The desk renders it
 * (`form.ts`); the schema validates what it produces, so the form never checks anything
 * itself.
 *
 * @module
 */
import { BASES, CHECK_METHODS, CHECK_RESULTS, CONSEQUENCE_KINDS, STATUSES } from "../schema/claim.ts";

/** One field of the form; `key` is its name in the record. */
export type Field =
  | { kind: "text"; key: string; long?: boolean; optional?: boolean }
  | { kind: "localized"; key: string; long?: boolean; optional?: boolean }
  | { kind: "date"; key: string; optional?: boolean; dayOnly?: boolean }
  | { kind: "select"; key: string; options: readonly string[]; optional?: boolean }
  | { kind: "boolean"; key: string; optional?: boolean }
  | { kind: "entity"; key: string }
  | { kind: "entities"; key: string }
  | { kind: "records"; key: string; optional?: boolean }
  | { kind: "lines"; key: string; optional?: boolean }
  | { kind: "object"; key: string; fields: Field[]; optional?: boolean; empty?: () => unknown }
  | { kind: "list"; key: string; item: string; fields: Field[]; optional?: boolean; empty: () => unknown }
  | { kind: "localizedList"; key: string; item: string };

const today = () => new Date().toISOString().slice(0, 10);

const check: Field = {
  kind: "object",
  key: "check",
  fields: [
    { kind: "select", key: "result", options: CHECK_RESULTS },
    { kind: "date", key: "on", dayOnly: true },
    { kind: "select", key: "method", options: CHECK_METHODS, optional: true },
    { kind: "boolean", key: "quote", optional: true },
    { kind: "text", key: "note", long: true, optional: true },
  ],
};

const sources: Field = {
  kind: "list",
  key: "sources",
  item: "source",
  fields: [
    { kind: "text", key: "url" },
    { kind: "text", key: "publisher" },
    { kind: "text", key: "title", optional: true },
    { kind: "date", key: "date" },
    { kind: "text", key: "lang" },
    check,
  ],
  empty: () => ({
    url: "",
    publisher: "",
    date: today(),
    lang: "en",
    check: { result: "unverified", on: today(), note: "" },
  }),
};

const statement: Field[] = [
  { kind: "entity", key: "by" },
  {
    kind: "object",
    key: "speaker",
    optional: true,
    fields: [
      { kind: "text", key: "name" },
      { kind: "localized", key: "role" },
    ],
    empty: () => ({ name: "", role: { fr: "", en: "" } }),
  },
  { kind: "date", key: "date" },
  { kind: "select", key: "basis", options: BASES },
  { kind: "localized", key: "summary", long: true },
  {
    kind: "object",
    key: "quote",
    optional: true,
    fields: [
      { kind: "text", key: "text", long: true },
      { kind: "text", key: "lang" },
      { kind: "localized", key: "translation", long: true, optional: true },
    ],
    empty: () => ({ text: "", lang: "en", translation: { fr: "" } }),
  },
  sources,
];

const emptyStatement = () => ({
  by: "",
  date: today(),
  basis: "government-statement",
  summary: { fr: "", en: "" },
  sources: [],
});

/** The whole record, in the order the desk shows it. */
export const RECORD_FORM: Field[] = [
  { kind: "select", key: "status", options: STATUSES },
  {
    kind: "object",
    key: "incident",
    fields: [
      { kind: "localized", key: "title" },
      { kind: "localized", key: "summary", long: true },
      { kind: "date", key: "date" },
      { kind: "date", key: "endDate", optional: true },
      { kind: "localizedList", key: "targets", item: "target" },
    ],
  },
  { kind: "entities", key: "accused" },
  {
    kind: "list",
    key: "accusations",
    item: "accusation",
    fields: [...statement.slice(0, 1), { kind: "entities", key: "accuses" }, ...statement.slice(1)],
    empty: () => ({ ...emptyStatement(), accuses: [] }),
  },
  { kind: "list", key: "denials", item: "denial", optional: true, fields: statement, empty: emptyStatement },
  {
    kind: "object",
    key: "noDenialOnRecord",
    optional: true,
    fields: [{ kind: "date", key: "asOf" }],
    empty: () => ({ asOf: today() }),
  },
  {
    kind: "list",
    key: "consequences",
    item: "consequence",
    optional: true,
    fields: [
      { kind: "date", key: "date" },
      { kind: "select", key: "kind", options: CONSEQUENCE_KINDS },
      { kind: "entity", key: "by" },
      { kind: "localized", key: "summary", long: true },
      sources,
    ],
    empty: () => ({ date: today(), kind: "other", by: "", summary: { fr: "", en: "" }, sources: [] }),
  },
  {
    kind: "list",
    key: "corrections",
    item: "correction",
    optional: true,
    fields: [{ kind: "localized", key: "text", long: true }, sources],
    empty: () => ({ text: { fr: "", en: "" }, sources: [] }),
  },
  { kind: "lines", key: "topics" },
  {
    kind: "object",
    key: "keywords",
    fields: [
      { kind: "lines", key: "fr" },
      { kind: "lines", key: "en" },
    ],
  },
  { kind: "lines", key: "urls" },
  { kind: "records", key: "related", optional: true },
];

/**
 * A new record's first state: every required field present and empty, so that the form
 * shows them all and the schema says what is missing.
 *
 * @example
 * emptyRecord("new-incident-2026");
 */
export function emptyRecord(id: string): Record<string, unknown> {
  return {
    id,
    status: "alleged",
    incident: { title: { fr: "", en: "" }, summary: { fr: "", en: "" }, date: today(), targets: [{ fr: "", en: "" }] },
    accused: [],
    accusations: [{ ...emptyStatement(), accuses: [] }],
    noDenialOnRecord: { asOf: today() },
    topics: [],
    keywords: { fr: [], en: [] },
    urls: [],
  };
}
