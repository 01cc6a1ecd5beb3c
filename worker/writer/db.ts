/**
 * The writer's own storage: SQLite inside the Durable Object, strongly consistent and
 * synchronous, so that a check and the write it guards happen with nothing in between.
 *
 * | table      | what                                                                  |
 * | ---------- | --------------------------------------------------------------------- |
 * | `records`  | the live records (the source of truth), with their ETag               |
 * | `versions` | every version of every record, with editor, time and change note      |
 * | `links`    | normalized article URL → record id, to rebuild a URL entry in one query |
 * | `drafts`   | saved drafts, never public                                            |
 * | `outbox`   | KV keys to publish, with their attempts (see `outbox.ts`)             |
 * | `state`    | small settings: initialized, the entity registry                      |
 *
 * Every method is synchronous; callers group them in `transactionSync`.
 *
 * @module
 */
import type { Claim, HistoryEntry, HistoryList } from "../../schema/index.ts";
import { HISTORY_PUBLISHED_ITEMS } from "../../schema/index.ts";
import { normalizeArticleUrl } from "../store/article-url.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, version INTEGER NOT NULL, etag TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
  id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT, updated_at TEXT NOT NULL,
  editor TEXT NOT NULL, note TEXT NOT NULL, reviewer TEXT, PRIMARY KEY (id, version));
CREATE TABLE IF NOT EXISTS links (url TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (url, id));
CREATE INDEX IF NOT EXISTS links_by_id ON links (id);
CREATE TABLE IF NOT EXISTS drafts (
  id TEXT PRIMARY KEY, json TEXT NOT NULL, base_version INTEGER, revision INTEGER NOT NULL,
  editor TEXT NOT NULL, updated_at TEXT NOT NULL, note TEXT);
CREATE TABLE IF NOT EXISTS outbox (
  key TEXT PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0, not_before INTEGER NOT NULL DEFAULT 0, error TEXT,
  failed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** A live record as stored. */
export interface RecordRow {
  id: string;
  version: number;
  etag: string;
  json: string;
}

/** A saved draft as stored. */
export interface DraftRow {
  id: string;
  json: string;
  base_version: number | null;
  revision: number;
  editor: string;
  updated_at: string;
  note: string | null;
}

/** What kind of KV key an outbox row publishes. */
export type OutboxKind = "claim" | "url" | "history" | "indexes";

/**
 * One KV key to publish. `ref` is the record id, or the normalized URL. A URL entry is
 * queued under {@link linkKey} (its KV key is a hash, computed when it is published);
 * a stale URL entry found in KV, whose URL is unknown, is queued under its KV key with
 * an empty `ref`, and deleted.
 */
export interface OutboxRow {
  key: string;
  kind: OutboxKind;
  ref: string;
  seq: number;
  attempts: number;
  not_before: number;
  error: string | null;
  failed: number;
}

/** Who made a version, and why. */
export interface Authorship {
  editor: string;
  note: string;
  reviewer?: string | undefined;
  /** Defaults to now. */
  updatedAt?: string;
}

type Row = Record<string, SqlStorageValue>;

/**
 * The outbox key of a normalized URL's lookup entry.
 *
 * @example
 * linkKey("https://example.org/a"); // "link:https://example.org/a"
 */
export function linkKey(normalizedUrl: string): string {
  return `link:${normalizedUrl}`;
}

/**
 * @example
 * const db = new WriterDb(ctx.storage.sql);
 * db.record("dnc-hack-2016")?.version;
 */
export class WriterDb {
  readonly #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    this.#sql.exec(SCHEMA);
  }

  #all<T>(query: string, ...bindings: unknown[]): T[] {
    return this.#sql.exec<Row>(query, ...bindings).toArray() as T[];
  }

  #first<T>(query: string, ...bindings: unknown[]): T | undefined {
    return this.#all<T>(query, ...bindings)[0];
  }

  /** A setting, or undefined. */
  get(name: string): string | undefined {
    return this.#first<{ value: string }>("SELECT value FROM state WHERE name = ?", name)?.value;
  }

  set(name: string, value: string): void {
    this.#sql.exec(
      "INSERT INTO state (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
      name,
      value,
    );
  }

  record(id: string): RecordRow | undefined {
    return this.#first<RecordRow>("SELECT id, version, etag, json FROM records WHERE id = ?", id);
  }

  records(): RecordRow[] {
    return this.#all<RecordRow>("SELECT id, version, etag, json FROM records ORDER BY id");
  }

  recordCount(): number {
    return this.#first<{ n: number }>("SELECT count(*) AS n FROM records")!.n;
  }

  /** The highest version a record ever had, deleted ones included (0: never). */
  lastVersion(id: string): number {
    return this.#first<{ v: number | null }>("SELECT max(version) AS v FROM versions WHERE id = ?", id)?.v ?? 0;
  }

  /**
   * Makes `claim` the live record and appends it to the history; the links of its URLs follow.
   * `claim.version` must be above {@link lastVersion}.
   */
  putRecord(claim: Claim, json: string, etag: string, by: Authorship): void {
    this.#sql.exec(
      "INSERT INTO records (id, version, etag, json) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version, etag = excluded.etag, json = excluded.json",
      claim.id,
      claim.version,
      etag,
      json,
    );
    this.#addVersion(claim.id, claim.version, json, by.updatedAt ?? claim.updatedAt, by);
    this.#sql.exec("DELETE FROM links WHERE id = ?", claim.id);
    for (const url of new Set(claim.urls.map(normalizeArticleUrl)))
      if (url !== null) this.#sql.exec("INSERT OR IGNORE INTO links (url, id) VALUES (?, ?)", url, claim.id);
  }

  /** Removes the live record; the history keeps a version that says it was deleted. */
  deleteRecord(id: string, by: Authorship): void {
    this.#sql.exec("DELETE FROM records WHERE id = ?", id);
    this.#sql.exec("DELETE FROM links WHERE id = ?", id);
    this.#addVersion(id, this.lastVersion(id) + 1, null, by.updatedAt ?? new Date().toISOString(), by);
  }

  #addVersion(id: string, version: number, json: string | null, updatedAt: string, by: Authorship): void {
    this.#sql.exec(
      "INSERT INTO versions (id, version, json, updated_at, editor, note, reviewer) VALUES (?, ?, ?, ?, ?, ?, ?)",
      id,
      version,
      json,
      updatedAt,
      by.editor,
      by.note,
      by.reviewer ?? null,
    );
  }

  /** The ids of the live records whose `related` lists `id`, sorted. */
  listing(id: string): string[] {
    return this.#all<{ id: string }>(
      "SELECT id FROM records WHERE EXISTS (SELECT 1 FROM json_each(records.json, '$.related') WHERE value = ?) ORDER BY id",
      id,
    ).map((r) => r.id);
  }

  /** The normalized URLs a live record links to. */
  urlsOf(id: string): string[] {
    return this.#all<{ url: string }>("SELECT url FROM links WHERE id = ?", id).map((r) => r.url);
  }

  /** The ids of the live records linked to a normalized URL, sorted. */
  linkedIds(url: string): string[] {
    return this.#all<{ id: string }>("SELECT id FROM links WHERE url = ? ORDER BY id", url).map((r) => r.id);
  }

  /** Every normalized URL a live record links to. */
  allUrls(): string[] {
    return this.#all<{ url: string }>("SELECT DISTINCT url FROM links").map((r) => r.url);
  }

  /** The history of a record, newest first, or null when it never existed. */
  history(id: string, limit = -1): HistoryList | null {
    const rows = this.#all<{
      version: number;
      updated_at: string;
      editor: string;
      note: string;
      reviewer: string | null;
      deleted: number;
    }>(
      "SELECT version, updated_at, editor, note, reviewer, json IS NULL AS deleted FROM versions WHERE id = ? ORDER BY version DESC LIMIT ?",
      id,
      limit,
    );
    if (!rows.length) return null;
    return { id, items: rows.map(historyItem) };
  }

  /** The published history: the newest {@link HISTORY_PUBLISHED_ITEMS} entries. */
  publishedHistory(id: string): HistoryList | null {
    return this.history(id, HISTORY_PUBLISHED_ITEMS);
  }

  /** One version: its entry and the record as it was (null for a deletion). */
  version(id: string, version: number): (HistoryEntry & { json: string | null }) | null {
    const row = this.#first<{
      version: number;
      updated_at: string;
      editor: string;
      note: string;
      reviewer: string | null;
      json: string | null;
    }>(
      "SELECT version, updated_at, editor, note, reviewer, json FROM versions WHERE id = ? AND version = ?",
      id,
      version,
    );
    if (!row) return null;
    return { ...historyItem({ ...row, deleted: row.json === null ? 1 : 0 }), json: row.json };
  }

  draft(id: string): DraftRow | undefined {
    return this.#first<DraftRow>("SELECT * FROM drafts WHERE id = ?", id);
  }

  drafts(): DraftRow[] {
    return this.#all<DraftRow>("SELECT * FROM drafts ORDER BY updated_at DESC, id");
  }

  draftCount(): number {
    return this.#first<{ n: number }>("SELECT count(*) AS n FROM drafts")!.n;
  }

  putDraft(row: DraftRow): void {
    this.#sql.exec(
      "INSERT INTO drafts (id, json, base_version, revision, editor, updated_at, note) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, base_version = excluded.base_version, revision = excluded.revision, editor = excluded.editor, updated_at = excluded.updated_at, note = excluded.note",
      row.id,
      row.json,
      row.base_version,
      row.revision,
      row.editor,
      row.updated_at,
      row.note,
    );
  }

  deleteDraft(id: string): void {
    this.#sql.exec("DELETE FROM drafts WHERE id = ?", id);
  }

  /**
   * Queues a KV key for publishing. A key already queued is queued again (its `seq`
   * grows, its attempts start over), so that a publish in flight does not drop it.
   */
  enqueue(key: string, kind: OutboxKind, ref: string): void {
    this.#sql.exec(
      "INSERT INTO outbox (key, kind, ref) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET ref = CASE WHEN excluded.ref = '' THEN outbox.ref ELSE excluded.ref END, seq = outbox.seq + 1, attempts = 0, not_before = 0, error = NULL, failed = 0",
      key,
      kind,
      ref,
    );
  }

  /** Keys to publish, the indexes last (they are rebuilt from everything else). */
  outbox(): OutboxRow[] {
    return this.#all<OutboxRow>("SELECT * FROM outbox WHERE failed = 0 ORDER BY kind = 'indexes', rowid");
  }

  /** Keys the writer gave up on. */
  failed(): OutboxRow[] {
    return this.#all<OutboxRow>("SELECT * FROM outbox WHERE failed = 1 ORDER BY key");
  }

  pendingCount(): number {
    return this.#first<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE failed = 0")!.n;
  }

  /** Drops a published key, unless it was queued again meanwhile. */
  published(key: string, seq: number): void {
    this.#sql.exec("DELETE FROM outbox WHERE key = ? AND seq = ?", key, seq);
  }

  /** Records a failed attempt: retry after `notBefore`, or give up (`failed`). */
  attempted(key: string, seq: number, error: string, notBefore: number, failed: boolean): void {
    this.#sql.exec(
      "UPDATE outbox SET attempts = attempts + 1, error = ?, not_before = ?, failed = ? WHERE key = ? AND seq = ?",
      error.slice(0, 500),
      notBefore,
      failed ? 1 : 0,
      key,
      seq,
    );
  }
}

function historyItem(row: {
  version: number;
  updated_at: string;
  editor: string;
  note: string;
  reviewer: string | null;
  deleted: number;
}): HistoryEntry {
  return {
    version: row.version,
    updatedAt: row.updated_at,
    editor: row.editor,
    note: row.note,
    ...(row.reviewer ? { reviewer: row.reviewer } : {}),
    ...(row.deleted ? { deleted: true } : {}),
  };
}
