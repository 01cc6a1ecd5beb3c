/**
 * The claim record: one accusation about one cyber incident, who makes it, on what basis,
 * who denies it, and what followed. This is the single source of types for the worker,
 * the widget and the data tools.
 *
 * @module
 */
import * as v from "valibot";
import {
  cappedArray,
  HttpUrl,
  IsoDate,
  LangCode,
  LIMITS,
  Localized,
  LocalizedShort,
  nonEmptyArray,
  QuoteText,
  ShortText,
  Slug,
  Text,
  UI_LANGS,
  unknownOrWrongType,
} from "./primitives.ts";

/** What kind of actor an entity is. */
export const ENTITY_KINDS = ["state", "agency", "person", "company", "group", "organization"] as const;

/**
 * An actor that accuses, is accused or denies: a state, an agency, a person, a company,
 * a group or an organization. Aliases are the other names it goes by (APT28 = Fancy Bear).
 *
 * @example
 * v.parse(Entity, { id: "gru", kind: "agency", name: { fr: "GRU", en: "GRU" }, aliases: ["APT28"] });
 */
export const Entity = v.strictObject(
  {
    id: Slug,
    kind: v.picklist(ENTITY_KINDS, `must be one of ${ENTITY_KINDS.join(", ")}`),
    name: LocalizedShort,
    aliases: cappedArray(ShortText, LIMITS.aliases),
    country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 code such as RU"))),
    parent: v.optional(Slug),
  },
  unknownOrWrongType("an entity object"),
);
export type Entity = v.InferOutput<typeof Entity>;

/** What a check of a source found: the page was read at its address, or it could not be. */
export const CHECK_RESULTS = ["confirmed", "unverified"] as const;

/**
 * How a source was checked. `stored-copy`: a stored copy of the page at exactly the cited
 * address was read and says what the statement says.
 */
export const CHECK_METHODS = ["stored-copy"] as const;

/**
 * When and how an editor checked a source. A `confirmed` source names its method; a
 * `quote: true` source is one whose checked copy carries the statement's quote word for
 * word. An `unverified` source says why in `note`, and the card shows it as unverified.
 *
 * @example
 * v.parse(SourceCheck, { result: "confirmed", on: "2026-11-29", method: "stored-copy", quote: true });
 * v.parse(SourceCheck, { result: "unverified", on: "2026-11-29", note: "no stored copy at this address" });
 */
export const SourceCheck = v.pipe(
  v.strictObject(
    {
      result: v.picklist(CHECK_RESULTS, `must be one of ${CHECK_RESULTS.join(", ")}`),
      on: v.pipe(IsoDate, v.length(10, "must be a day, YYYY-MM-DD")),
      method: v.optional(v.picklist(CHECK_METHODS, `must be one of ${CHECK_METHODS.join(", ")}`)),
      quote: v.optional(v.boolean("must be true or false")),
      note: v.optional(Text),
    },
    unknownOrWrongType("a { result, on, method?, quote?, note? } object"),
  ),
  v.forward(
    v.partialCheck(
      [["result"], ["method"]],
      (c) => c.result !== "confirmed" || c.method !== undefined,
      'is missing: a confirmed source says how it was checked ("stored-copy")',
    ),
    ["method"],
  ),
  v.forward(
    v.partialCheck(
      [["result"], ["note"]],
      (c) => c.result !== "unverified" || c.note !== undefined,
      "is missing: an unverified source says why it could not be confirmed",
    ),
    ["note"],
  ),
  v.forward(
    v.partialCheck(
      [["result"], ["quote"]],
      (c) => c.result === "confirmed" || c.quote !== true,
      "cannot be true: only a confirmed copy can carry a quote",
    ),
    ["quote"],
  ),
);
export type SourceCheck = v.InferOutput<typeof SourceCheck>;

/**
 * Where a statement can be read: an http(s) URL, who published it, when, in which
 * language, and when and how it was checked.
 *
 * @example
 * v.parse(Source, {
 *   url: "https://www.justice.gov/", publisher: "US DOJ", date: "2018-07-13", lang: "en",
 *   check: { result: "confirmed", on: "2026-11-29", method: "stored-copy" },
 * });
 */
export const Source = v.strictObject(
  {
    url: HttpUrl,
    publisher: ShortText,
    title: v.optional(ShortText),
    date: IsoDate,
    lang: LangCode,
    check: SourceCheck,
  },
  unknownOrWrongType("a source object"),
);
export type Source = v.InferOutput<typeof Source>;

/**
 * Words as they were said, in their original language, with a translation into
 * each UI language they were not said in.
 *
 * @example
 * v.parse(Quote, { text: "This is some sort of nonsense", lang: "en", translation: { fr: "C'est une sorte d'absurdité" } });
 */
export const Quote = v.pipe(
  v.strictObject(
    {
      text: QuoteText,
      lang: LangCode,
      translation: v.strictObject(
        { fr: v.optional(Text), en: v.optional(Text) },
        unknownOrWrongType("a { fr?, en? } object"),
      ),
    },
    unknownOrWrongType("a quote object"),
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { lang, translation } = dataset.value;
    for (const ui of UI_LANGS) {
      if (ui !== lang && translation[ui] === undefined) {
        addIssue({
          message: `is missing: a quote in "${lang}" needs a ${ui === "fr" ? "French" : "English"} translation`,
          path: [
            { type: "object", origin: "value", input: dataset.value, key: "translation", value: translation },
            { type: "object", origin: "value", input: translation, key: ui, value: undefined },
          ],
        });
      }
    }
  }),
);
export type Quote = v.InferOutput<typeof Quote>;

/**
 * On what a statement rests, after EuRepoC's attribution categories.
 */
export const BASES = [
  "government-statement",
  "joint-statement",
  "indictment",
  "technical-report",
  "campaign-statement",
  "media-report",
  "press-conference",
  "diplomatic-note",
] as const;
export type Basis = (typeof BASES)[number];

/**
 * One public statement that makes an accusation or a denial: who said it, when, on what
 * basis, what they said, and where it can be checked.
 *
 * @example
 * v.parse(Statement, {
 *   by: "us-doj", date: "2018-07-13", basis: "indictment",
 *   summary: { fr: "…", en: "…" },
 *   sources: [{ url: "https://www.justice.gov/", publisher: "US DOJ", date: "2018-07-13", lang: "en" }],
 * });
 */
const statementEntries = {
  by: Slug,
  speaker: v.optional(
    v.strictObject({ name: ShortText, role: LocalizedShort }, unknownOrWrongType("a { name, role } object")),
  ),
  date: IsoDate,
  basis: v.picklist(BASES, `must be one of ${BASES.join(", ")}`),
  summary: Localized,
  quote: v.optional(Quote),
  sources: nonEmptyArray(Source, "list at least one source", LIMITS.sources),
};

type QuotedShape = { quote?: Quote; sources: Source[] };

/** A quote is only as good as a checked copy that carries it. */
function quoteIsCarried<T extends QuotedShape>({ dataset, addIssue }: v.RawCheckContext<T>): void {
  if (!dataset.typed) return;
  const s = dataset.value;
  if (s.quote === undefined || s.sources.some((src) => src.check.result === "confirmed" && src.check.quote === true))
    return;
  addIssue({
    message:
      'has no source that carries it: mark the confirmed source whose copy carries the quote word for word with "check": { "quote": true }',
    path: pathOf(s, "quote"),
  });
}

/**
 * One public statement that makes an accusation or a denial: who said it, when, on what
 * basis, what they said, and where it can be checked. A quote needs a confirmed source
 * that carries it.
 *
 * @example
 * v.parse(Statement, {
 *   by: "us-doj", date: "2018-07-13", basis: "indictment",
 *   summary: { fr: "…", en: "…" },
 *   sources: [{ url: "https://www.justice.gov/", publisher: "US DOJ", date: "2018-07-13", lang: "en", check: { result: "confirmed", on: "2026-11-29", method: "stored-copy" } }],
 * });
 */
const StatementObject = v.strictObject(statementEntries, unknownOrWrongType("a statement object"));
export const Statement = v.pipe(StatementObject, v.rawCheck<v.InferOutput<typeof StatementObject>>(quoteIsCarried));
export type Statement = v.InferOutput<typeof Statement>;

/**
 * A statement that makes the accusation, with whom it accuses: the entities it names,
 * in its own terms (a report that names APT29 accuses APT29, not the agency a later
 * statement tied it to).
 *
 * @example
 * v.parse(Accusation, { ...statement, accuses: ["gru-unit-26165"] });
 */
const AccusationObject = v.strictObject(
  { ...statementEntries, accuses: nonEmptyArray(Slug, "name whom this statement accuses", LIMITS.accused) },
  unknownOrWrongType("an accusation object"),
);
export const Accusation = v.pipe(AccusationObject, v.rawCheck<v.InferOutput<typeof AccusationObject>>(quoteIsCarried));
export type Accusation = v.InferOutput<typeof Accusation>;

/** What followed an accusation. */
export const CONSEQUENCE_KINDS = ["indictment", "sanctions", "expulsion", "arrest", "other"] as const;

/**
 * A dated, sourced step that followed the accusation: an indictment, sanctions, expulsions.
 *
 * @example
 * v.parse(Consequence, { date: "2016-12-29", kind: "sanctions", by: "united-states", summary: { fr: "…", en: "…" }, sources: [...] });
 */
export const Consequence = v.strictObject(
  {
    date: IsoDate,
    kind: v.picklist(CONSEQUENCE_KINDS, `must be one of ${CONSEQUENCE_KINDS.join(", ")}`),
    by: Slug,
    summary: Localized,
    sources: nonEmptyArray(Source, "list at least one source", LIMITS.sources),
  },
  unknownOrWrongType("a consequence object"),
);
export type Consequence = v.InferOutput<typeof Consequence>;

/**
 * Where attribution stands. A neutral label, never a verdict of truth.
 */
export const STATUSES = ["alleged", "officially-attributed", "indicted", "disputed"] as const;
export type Status = (typeof STATUSES)[number];

/** The fields of a record as its authors write them in `data/claims/*.json`. */
const recordEntries = {
  id: Slug,
  version: v.pipe(v.number("must be a number"), v.integer("must be an integer"), v.minValue(1, "must be at least 1")),
  updatedAt: v.pipe(
    v.string("must be a string"),
    v.isoTimestamp("must be an ISO timestamp such as 2026-11-23T00:00:00Z"),
  ),
  status: v.picklist(STATUSES, `must be one of ${STATUSES.join(", ")}`),
  incident: v.strictObject(
    {
      title: LocalizedShort,
      summary: Localized,
      date: IsoDate,
      endDate: v.optional(IsoDate),
      targets: nonEmptyArray(LocalizedShort, "name at least one target", LIMITS.targets),
    },
    unknownOrWrongType("an incident object"),
  ),
  accused: nonEmptyArray(Slug, "name at least one accused entity", LIMITS.accused),
  accusations: nonEmptyArray(Accusation, "list at least one accusation", LIMITS.accusations),
  denials: v.optional(
    nonEmptyArray(Statement, 'list at least one denial, or drop "denials" and set "noDenialOnRecord"', LIMITS.denials),
  ),
  noDenialOnRecord: v.optional(v.strictObject({ asOf: IsoDate }, unknownOrWrongType("a { asOf } object"))),
  consequences: v.optional(cappedArray(Consequence, LIMITS.consequences)),
  corrections: v.optional(
    cappedArray(
      v.strictObject(
        { text: Localized, sources: nonEmptyArray(Source, "list at least one source", LIMITS.sources) },
        unknownOrWrongType("a correction object"),
      ),
      LIMITS.corrections,
    ),
  ),
  topics: nonEmptyArray(Slug, "list at least one topic", LIMITS.topics),
  keywords: v.strictObject(
    { fr: cappedArray(ShortText, LIMITS.keywords), en: cappedArray(ShortText, LIMITS.keywords) },
    unknownOrWrongType("a { fr, en } object"),
  ),
  urls: cappedArray(HttpUrl, LIMITS.urls),
  related: v.optional(cappedArray(Slug, LIMITS.related)),
};

type RecordShape = { denials?: unknown; noDenialOnRecord?: unknown };

/** Exactly one of `denials` and `noDenialOnRecord`: a card must always say which. */
function denialsOrExplicitNone<T extends RecordShape>({ dataset, addIssue }: v.RawCheckContext<T>): void {
  if (!dataset.typed) return;
  const { denials, noDenialOnRecord } = dataset.value;
  if ((denials === undefined) === (noDenialOnRecord === undefined)) {
    addIssue({
      message:
        denials === undefined
          ? 'is missing: list the denials, or set "noDenialOnRecord": { "asOf": "YYYY-MM-DD" } when there is none'
          : 'conflicts with "noDenialOnRecord": keep one of them',
      path: [
        {
          type: "object",
          origin: "value",
          input: dataset.value as unknown as Record<string, unknown>,
          key: "denials",
          value: denials,
        },
      ],
    });
  }
}

type AccusedShape = { accused: string[]; accusations: Array<{ accuses: string[] }> };

/**
 * The record accuses exactly whom its statements accuse: every accused entity is named by
 * at least one accusation, and no accusation names someone the record does not list.
 */
function accusedAsStated<T extends AccusedShape>({ dataset, addIssue }: v.RawCheckContext<T>): void {
  if (!dataset.typed) return;
  const record = dataset.value;
  const stated = new Set(record.accusations.flatMap((a) => a.accuses));
  record.accused.forEach((id, i) => {
    if (!stated.has(id))
      addIssue({
        message: `"${id}" is accused by no statement: list it in an accusation's "accuses", or remove it`,
        path: pathOf(record, "accused", i),
      });
  });
  const listed = new Set(record.accused);
  record.accusations.forEach((a, i) => {
    a.accuses.forEach((id, j) => {
      if (!listed.has(id))
        addIssue({
          message: `names "${id}", which the record's "accused" does not list`,
          path: pathOf(record, "accusations", i, "accuses", j),
        });
    });
  });
}

/**
 * Words that take a side: they present one party's account as established ("reveals",
 * "proves") or the other's as doubtful ("so-called", "claims"). Summaries and titles use the
 * same neutral verbs for both sides ("says", "states"); quotes keep their own words.
 */
export const VERDICT_WORDS =
  /\b(r[ée]v[éeè]l\w*|reveal\w*|prouv\w*|prove[sdn]?|proving|d[ée]masqu\w*|unmask\w*|expos(?:e|es|ed|ing)|so-called|soi-disant|pr[ée]tend\w*|pr[ée]tendu\w*|purported\w*|alleged(?:ly)?|supposedly|admi(?:t|ts|tted)|avou\w*|pr[ée]sent\w* comme|presents? (?:it |them |this )?as|claim(?:s|ed)?)\b/iu;

type WordingShape = {
  incident: { title: Localized; summary: Localized };
  accusations: Array<{ summary: Localized }>;
  denials?: Array<{ summary: Localized }>;
  consequences?: Array<{ summary: Localized }>;
};

/** Reader-visible summaries and titles carry no verdict word (see {@link VERDICT_WORDS}). */
function neutralWording<T extends WordingShape>({ dataset, addIssue }: v.RawCheckContext<T>): void {
  if (!dataset.typed) return;
  const record = dataset.value;
  const texts: Array<[Localized, Array<string | number>]> = [
    [record.incident.title, ["incident", "title"]],
    [record.incident.summary, ["incident", "summary"]],
  ];
  for (const list of ["accusations", "denials", "consequences"] as const) {
    for (const [i, s] of (record[list] ?? []).entries()) texts.push([s.summary, [list, i, "summary"]]);
  }
  for (const [text, path] of texts) {
    for (const lang of UI_LANGS) {
      const m = VERDICT_WORDS.exec(text[lang]);
      if (m)
        addIssue({
          message: `takes a side with "${m[0]}": use the same neutral verbs for both sides ("says", "states")`,
          path: pathOf(record, ...path, lang),
        });
    }
  }
}

/** The record-level rules every form of a record obeys. */
function recordRules<T extends RecordShape & AccusedShape & WordingShape>(context: v.RawCheckContext<T>): void {
  denialsOrExplicitNone(context);
  accusedAsStated(context);
  neutralWording(context);
}

const ClaimFileObject = v.strictObject(recordEntries, unknownOrWrongType("a claim record object"));
const entitiesEntry = {
  entities: nonEmptyArray(Entity, "include every entity the record mentions", LIMITS.entities),
};
const ClaimObject = v.strictObject({ ...recordEntries, ...entitiesEntry }, unknownOrWrongType("a claim record object"));
const ClaimInputObject = v.strictObject(
  {
    ...recordEntries,
    ...entitiesEntry,
    version: v.optional(recordEntries.version),
    updatedAt: v.optional(recordEntries.updatedAt),
  },
  unknownOrWrongType("a claim record object"),
);

/** Entities are listed once each, and every entity the record names is listed. */
function entitiesResolve<
  T extends Omit<v.InferOutput<typeof ClaimFileObject>, "version" | "updatedAt"> & { entities: Entity[] },
>({ dataset, addIssue }: v.RawCheckContext<T>): void {
  if (!dataset.typed) return;
  const claim = dataset.value;
  const known = new Set<string>();
  claim.entities.forEach((e, i) => {
    if (known.has(e.id)) addIssue({ message: `repeats entity "${e.id}"`, path: pathOf(claim, "entities", i, "id") });
    known.add(e.id);
  });
  for (const [field, ref] of entityRefs(claim)) {
    if (!known.has(ref.id)) addIssue({ message: `names unknown entity "${ref.id}"`, path: pathOf(claim, ...field) });
  }
}

/**
 * A claim as authored in `data/claims/<id>.json`: entities are referenced by id and
 * resolved against `data/entities.json` when the record is built.
 */
export const ClaimFile = v.pipe(ClaimFileObject, v.rawCheck<v.InferOutput<typeof ClaimFileObject>>(recordRules));
export type ClaimFile = v.InferOutput<typeof ClaimFile>;

/**
 * A self-contained claim record, as stored in KV, served by the API and rendered by the widget.
 * Every entity it mentions is included in `entities`.
 *
 * @example
 * const claim = v.parse(Claim, await res.json());
 * claim.accusations[0].sources[0].url; // always http(s)
 */
export const Claim = v.pipe(
  ClaimObject,
  v.rawCheck<v.InferOutput<typeof ClaimObject>>(recordRules),
  v.rawCheck<v.InferOutput<typeof ClaimObject>>(entitiesResolve),
);
export type Claim = v.InferOutput<typeof Claim>;

/**
 * A record as an admin sends it (`PUT /v1/claims/:id`): a {@link Claim} whose `version`
 * and `updatedAt` may be left out, since the server sets them.
 *
 * @example
 * const { version, updatedAt, ...draft } = claim;
 * await fetch(url, { method: "PUT", body: JSON.stringify(draft), headers });
 */
export const ClaimInput = v.pipe(
  ClaimInputObject,
  v.rawCheck<v.InferOutput<typeof ClaimInputObject>>(recordRules),
  v.rawCheck<v.InferOutput<typeof ClaimInputObject>>(entitiesResolve),
);
export type ClaimInput = v.InferOutput<typeof ClaimInput>;

/** Every entity reference in a record, with the path of the field that holds it. */
export function* entityRefs(
  claim: Pick<ClaimFile, "accused" | "accusations" | "denials" | "consequences">,
): Generator<[Array<string | number>, { id: string }]> {
  for (const [i, id] of claim.accused.entries()) yield [["accused", i], { id }];
  for (const [i, a] of claim.accusations.entries()) {
    for (const [j, id] of a.accuses.entries()) yield [["accusations", i, "accuses", j], { id }];
  }
  for (const list of ["accusations", "denials", "consequences"] as const) {
    for (const [i, s] of (claim[list] ?? []).entries()) yield [[list, i, "by"], { id: s.by }];
  }
}

/**
 * The entities named by `ids` and all their ancestors, each once, in order of discovery:
 * naming the GRU's unit 26165 also names the GRU and Russia.
 *
 * @example
 * withAncestors(["gru-unit-26165"], byId).map((e) => e.id); // ["gru-unit-26165", "gru", "russia"]
 */
export function withAncestors(ids: Iterable<string>, byId: ReadonlyMap<string, Entity>): Entity[] {
  const out = new Map<string, Entity>();
  for (const id of ids) {
    for (let e = byId.get(id); e && !out.has(e.id); e = e.parent === undefined ? undefined : byId.get(e.parent))
      out.set(e.id, e);
  }
  return [...out.values()];
}

/** Builds a Valibot issue path from plain keys, for issues raised by record-level checks. */
function pathOf(input: unknown, ...keys: Array<string | number>): [v.IssuePathItem, ...v.IssuePathItem[]] {
  let value = input as Record<string | number, unknown>;
  const items = keys.map((key) => {
    const item = {
      type: typeof key === "number" ? "array" : "object",
      origin: "value",
      input: value,
      key,
      value: value?.[key],
    } as v.IssuePathItem;
    value = value?.[key] as Record<string | number, unknown>;
    return item;
  });
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

/**
 * The entity registry, `data/entities.json`: every actor once, with unique ids and
 * parents that exist.
 *
 * @example
 * const r = check(EntityRegistry, JSON.parse(text));
 */
export const EntityRegistry = v.pipe(
  v.array(Entity, "must be a list of entities"),
  v.maxLength(LIMITS.registry, `must have at most ${LIMITS.registry} entities`),
  v.rawCheck<Entity[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const ids = new Set(dataset.value.map((e) => e.id));
    const seen = new Set<string>();
    dataset.value.forEach((e, i) => {
      if (seen.has(e.id)) addIssue({ message: `repeats entity id "${e.id}"`, path: pathOf(dataset.value, i, "id") });
      seen.add(e.id);
      if (e.parent !== undefined && !ids.has(e.parent))
        addIssue({ message: `names unknown parent "${e.parent}"`, path: pathOf(dataset.value, i, "parent") });
    });
  }),
);
