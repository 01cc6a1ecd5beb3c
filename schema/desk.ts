/**
 * The shapes of the editorial API (history, drafts, import and export, the editor's
 * identity), shared by the Worker's admin routes, the desk (`/admin`) and the data tools.
 * Editors' names and change notes are short one-line texts with the same rules as a
 * record's (no invisible or direction-changing character).
 *
 * @module
 */
import * as v from "valibot";
import { Claim, EntityRegistry } from "./claim.ts";
import { ShortText, Slug, unknownOrWrongType } from "./primitives.ts";

/** How many history entries `history:<id>` in KV holds, newest first (the writer keeps them all). */
export const HISTORY_PUBLISHED_ITEMS = 100;

/** How many drafts the writer keeps at once. */
export const MAX_DRAFTS = 500;

/** How many records one import request may carry (`data:load` sends batches). */
export const IMPORT_MAX_CLAIMS = 200;

/**
 * A one-line change note: what changed and why, as the history shows it.
 *
 * @example
 * v.parse(ChangeNote, "Peskov's denial dated 14 January, as the source says");
 */
export const ChangeNote = v.pipe(
  ShortText,
  v.check((text: string) => !/[\r\n]/.test(text), "must be one line"),
);

/**
 * One version of a record, as the history lists it. `reviewer` is the second editor
 * who published another's draft.
 */
export const HistoryEntry = v.pipe(
  v.object({
    version: v.number(),
    updatedAt: v.string(),
    editor: v.string(),
    note: v.string(),
    reviewer: v.optional(v.string()),
    deleted: v.optional(v.boolean()),
  }),
  v.metadata({ ref: "HistoryEntry" }),
);
export type HistoryEntry = v.InferOutput<typeof HistoryEntry>;

/**
 * `GET /v1/claims/:id/history`, and the value of `history:<id>` in KV: every version,
 * newest first.
 */
export const HistoryList = v.pipe(
  v.object({ id: Slug, items: v.array(HistoryEntry) }),
  v.metadata({ ref: "HistoryList" }),
);
export type HistoryList = v.InferOutput<typeof HistoryList>;

/** `GET /v1/claims/:id/versions/:n`: one version, with the record as it was (null: deleted). */
export const VersionDocument = v.pipe(
  v.object({
    ...HistoryEntry.entries,
    id: Slug,
    claim: v.nullable(Claim),
    /** The record's ETag, when this version is the live one (for `If-Match`). */
    etag: v.optional(v.string()),
  }),
  v.metadata({ ref: "Version" }),
);
export type VersionDocument = v.InferOutput<typeof VersionDocument>;

/**
 * A draft as an editor saves it: any JSON object (work in progress may not be valid yet,
 * and is never lost for that), with an optional change note.
 */
export const DraftInput = v.strictObject(
  {
    record: v.pipe(
      v.record(v.string(), v.unknown(), "must be a JSON object"),
      v.check((r: Record<string, unknown>) => r.id === undefined || typeof r.id === "string", "id: must be a string"),
    ),
    note: v.optional(ChangeNote),
  },
  unknownOrWrongType("a { record, note? } object"),
);
export type DraftInput = v.InferOutput<typeof DraftInput>;

/** A saved draft: never served publicly. */
export const DraftDocument = v.pipe(
  v.object({
    id: Slug,
    record: v.record(v.string(), v.unknown()),
    /** The live version the draft started from; null for a new record. */
    baseVersion: v.nullable(v.number()),
    /** The live version now; null when there is none. */
    liveVersion: v.nullable(v.number()),
    revision: v.number(),
    editor: v.string(),
    updatedAt: v.string(),
    note: v.nullable(v.string()),
    /** What keeps it from being published, one line per field (empty: publishable). */
    errors: v.array(v.string()),
  }),
  v.metadata({ ref: "Draft" }),
);
export type DraftDocument = v.InferOutput<typeof DraftDocument>;

/** `GET /v1/drafts`. */
export const DraftList = v.pipe(
  v.object({
    items: v.array(
      v.object({
        id: Slug,
        title: v.nullable(v.string()),
        baseVersion: v.nullable(v.number()),
        liveVersion: v.nullable(v.number()),
        revision: v.number(),
        editor: v.string(),
        updatedAt: v.string(),
        note: v.nullable(v.string()),
        errors: v.number(),
      }),
    ),
  }),
  v.metadata({ ref: "DraftList" }),
);
export type DraftList = v.InferOutput<typeof DraftList>;

/** `POST /v1/drafts/:id/publish` body. */
export const PublishInput = v.strictObject({ note: v.optional(ChangeNote) }, unknownOrWrongType("a { note? } object"));

/**
 * `POST /v1/admin/import`: full records (entities resolved), the registry they were
 * resolved against, and whether to overwrite newer live versions (`force`) and delete
 * live records the set does not hold (`prune`).
 */
export const ImportRequest = v.strictObject(
  {
    claims: v.pipe(
      v.array(Claim, "must be a list"),
      v.maxLength(IMPORT_MAX_CLAIMS, `must have at most ${IMPORT_MAX_CLAIMS} items: send batches`),
    ),
    entities: v.optional(EntityRegistry),
    /** The ids of the whole set, when it is sent in batches (default: this batch's). */
    setIds: v.optional(v.pipe(v.array(Slug, "must be a list"), v.maxLength(100_000, "must have at most 100000 items"))),
    force: v.optional(v.boolean("must be true or false")),
    prune: v.optional(v.boolean("must be true or false")),
    note: v.optional(ChangeNote),
  },
  unknownOrWrongType("a { claims, entities?, setIds?, force?, prune?, note? } object"),
);
export type ImportRequest = v.InferOutput<typeof ImportRequest>;

/** One record the import left alone because its live version is newer than the file's. */
export const ImportConflict = v.object({
  id: Slug,
  fileVersion: v.number(),
  liveVersion: v.number(),
  liveUpdatedAt: v.string(),
  liveEditor: v.string(),
});
export type ImportConflict = v.InferOutput<typeof ImportConflict>;

/** What an import did. */
export const ImportResult = v.pipe(
  v.object({
    created: v.array(Slug),
    updated: v.array(Slug),
    unchanged: v.array(Slug),
    /** Live is newer: left alone (or, with `force`, overwritten and listed in `updated` too). */
    conflicts: v.array(ImportConflict),
    /** Live records the set does not hold: deleted with `prune`, else kept. */
    onlyLive: v.array(Slug),
    deleted: v.array(Slug),
    /** Live records given a version that links back to (or unlinks from) the set's records: links go both ways. */
    linked: v.array(Slug),
    /** KV keys queued for publishing. */
    queued: v.number(),
  }),
  v.metadata({ ref: "ImportResult" }),
);
export type ImportResult = v.InferOutput<typeof ImportResult>;

/** `GET /v1/admin/export`: every live record and the registry, for `data:export`. */
export const ExportResult = v.pipe(
  v.object({ claims: v.array(Claim), entities: v.array(v.unknown()) }),
  v.metadata({ ref: "Export" }),
);
export type ExportResult = v.InferOutput<typeof ExportResult>;

/** `GET /v1/admin/me`: who the desk is signed in as, and the house rules. */
export const EditorInfo = v.pipe(
  v.object({
    editor: v.string(),
    via: v.picklist(["token", "access"]),
    /** Whether publishing a draft takes a second editor. */
    secondEditor: v.boolean(),
  }),
  v.metadata({ ref: "Editor" }),
);
export type EditorInfo = v.InferOutput<typeof EditorInfo>;

/** `GET /v1/admin/status`: what the writer still has to publish, and what it gave up on. */
export const WriterStatus = v.pipe(
  v.object({
    records: v.number(),
    drafts: v.number(),
    pending: v.number(),
    failed: v.array(v.object({ key: v.string(), attempts: v.number(), error: v.nullable(v.string()) })),
  }),
  v.metadata({ ref: "WriterStatus" }),
);
export type WriterStatus = v.InferOutput<typeof WriterStatus>;

/** An entity registry, as the desk picks entities from it. */
export const Registry = v.pipe(v.object({ entities: v.array(v.unknown()) }), v.metadata({ ref: "Registry" }));
