/**
 * The writer: the one Durable Object that holds the authoritative record set, every
 * version of every record, and the drafts; KV is only its published read copy, and
 * `data/` in git its reviewed seed and backup. Every change (an editor's write, a
 * draft's publication, a `data:load` import) goes through it, one at a time, so that
 * `If-Match` is checked against the true current version (KV has no compare-and-swap and
 * is eventually consistent) and nothing anyone writes is lost.
 *
 * A change is committed in one SQLite transaction (`db.ts`) together with the KV keys it
 * makes stale (the outbox), and with the new versions of the other records it links to
 * or unlinks from, so that related records always link both ways (`related-links.ts`);
 * then those keys are published (`outbox.ts`): within a budget
 * of KV operations per invocation, one write per key per second, and a bounded number of
 * retries. What a run leaves is published by the alarm.
 *
 * On its very first run, with nothing stored, the writer adopts the records it held in
 * its earlier key-value storage, else the set KV publishes (a deployment made before the
 * writer was the source of truth); after that it never reads records from KV again.
 *
 * @module
 */
import { DurableObject } from "cloudflare:workers";
import {
  type Claim,
  ClaimInput,
  check,
  type DraftDocument,
  type DraftInput,
  type DraftList,
  type Entity,
  type ExportResult,
  type HistoryList,
  type ImportRequest,
  type ImportResult,
  MAX_DRAFTS,
  type VersionDocument,
  type WriterStatus,
} from "../../schema/index.ts";
import type { Bindings } from "../env.ts";
import { claimEntry } from "../store/entries.ts";
import { CATALOG_KEY, CLAIM_PREFIX, claimKey, HISTORY_PREFIX, historyKey, URL_PREFIX, urlKey } from "../store/keys.ts";
import { type Authorship, type DraftRow, linkKey, WriterDb } from "./db.ts";
import { ifMatchHolds } from "./etag.ts";
import { type LiveRecord, planImport } from "./import-plan.ts";
import { DEFAULT_KEY_INTERVAL_MS, DEFAULT_KV_BUDGET, publish } from "./outbox.ts";
import { type LinkEdit, RelatedLinks, withRelated } from "./related-links.ts";

/** Keys per bulk KV read (KV's limit), when adopting the published set. */
const BULK_GET = 100;

/** Another record a write gave a new version, so that its related links go both ways. */
export interface LinkedVersion {
  claim: Claim;
  etag: string;
}

/** What a write did, for the route to turn into HTTP (`linked`: the other records it changed). */
export type WriteResult =
  | { ok: true; status: 200 | 201; claim: Claim; etag: string; linked: LinkedVersion[] }
  | { ok: true; status: 204; linked: LinkedVersion[] }
  | {
      ok: false;
      status: 400 | 403 | 404 | 412 | 422 | 428;
      detail: string;
      etag?: string;
      errors?: string[];
    };

/** What a draft operation did. */
export type DraftResult =
  | { ok: true; status: 200 | 201; draft: DraftDocument; etag: string }
  | { ok: true; status: 204 }
  | { ok: false; status: 404 | 409 | 412 | 428; detail: string; etag?: string };

/** Who asks for a change, and the note that goes into the history. */
export interface Editor {
  editor: string;
  note?: string | undefined;
}

/** The ETag of a draft revision. */
export function draftTag(revision: number): string {
  return `"draft-${revision}"`;
}

/**
 * @example
 * const writer = env.WRITER.getByName("claims");
 * const result = await writer.put(input, { ifMatch: '"3-a1b2c3d4e5f60718"' }, { editor: "alice", note: "date fixed" });
 */
export class ClaimWriter extends DurableObject<Bindings> {
  readonly #db: WriterDb;
  /** When each KV key was last written by this instance (KV: one write per key per second). */
  readonly #lastWrite = new Map<string, number>();
  #publishing = false;

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    this.#db = new WriterDb(ctx.storage.sql);
  }

  /**
   * Creates or replaces a record. An existing record needs `ifMatch` with its ETag (412 if
   * stale; 428 if missing or `*`: no blind overwrite); `ifNoneMatch: "*"` refuses to
   * replace one. The version and `updatedAt` are set here, and `related` must name
   * records that exist (not the record itself); the records it links to or unlinks from
   * get a version that links back or drops the link.
   */
  async put(
    input: ClaimInput,
    cond: { ifMatch?: string | null; ifNoneMatch?: string | null },
    who: Editor,
  ): Promise<WriteResult> {
    const result = await this.ctx.blockConcurrencyWhile(async () => {
      await this.#ready();
      return this.#write(input, cond, { editor: who.editor, note: who.note ?? "" });
    });
    if (result.ok) await this.#kick();
    return result;
  }

  /**
   * Deletes a record. `ifMatch` is required (428), and must hold (412). The history keeps
   * it. Every record that lists it gets a version without it.
   */
  async remove(id: string, ifMatch: string | null, who: Editor): Promise<WriteResult> {
    const result = await this.ctx.blockConcurrencyWhile(async (): Promise<WriteResult> => {
      await this.#ready();
      const current = this.#db.record(id);
      if (!current) return { ok: false, status: 404, detail: `No claim has the id "${id}".` };
      const refused = preconditionFailed(id, current.etag, ifMatch);
      if (refused) return refused;
      const urls = this.#db.urlsOf(id);
      const links = this.#links();
      links.write(id, null, this.#db.listing(id));
      links.reconcile();
      const now = new Date().toISOString();
      const linked = await this.#linkedVersions(links.edits(), now);
      this.ctx.storage.transactionSync(() => {
        this.#db.deleteRecord(id, { editor: who.editor, note: who.note || "deleted", updatedAt: now });
        this.#enqueueRecord(id, urls);
        this.#putLinked(linked, { editor: who.editor, note: "" });
        this.#enqueueIndexes();
      });
      return { ok: true, status: 204, linked: linked.map(({ claim, etag }) => ({ claim, etag })) };
    });
    if (result.ok) await this.#kick();
    return result;
  }

  /** The history of a record, newest first, or null when it never existed. */
  async history(id: string): Promise<HistoryList | null> {
    await this.#readyLocked();
    return this.#db.history(id);
  }

  /** One version of a record, or null. */
  async version(id: string, n: number): Promise<VersionDocument | null> {
    await this.#readyLocked();
    const row = this.#db.version(id, n);
    if (!row) return null;
    const { json, ...entry } = row;
    const live = this.#db.record(id);
    return {
      id,
      ...entry,
      claim: json === null ? null : (JSON.parse(json) as Claim),
      ...(live?.version === n ? { etag: live.etag } : {}),
    };
  }

  /** Every live record, and the registry, for `data:export`. */
  async exportAll(): Promise<ExportResult> {
    await this.#readyLocked();
    return { claims: this.#db.records().map((r) => JSON.parse(r.json) as Claim), entities: this.#registry() };
  }

  /** The entity registry, as the last import gave it, else gathered from the live records. */
  async entities(): Promise<Entity[]> {
    await this.#readyLocked();
    return this.#registry();
  }

  /**
   * Saves a draft: any JSON object, valid or not (work in progress is never refused for
   * that). A draft that exists needs `ifMatch` with its ETag, so that two editors on one
   * draft do not overwrite each other.
   */
  async saveDraft(id: string, input: DraftInput, ifMatch: string | null, who: Editor): Promise<DraftResult> {
    return this.ctx.blockConcurrencyWhile(async (): Promise<DraftResult> => {
      await this.#ready();
      const existing = this.#db.draft(id);
      if (existing) {
        const tag = draftTag(existing.revision);
        if (ifMatch === null || ifMatch.trim() === "*")
          return {
            ok: false,
            status: 428,
            detail: `Draft "${id}" exists: send If-Match with its ETag (${tag}).`,
            etag: tag,
          };
        if (!ifMatchHolds(ifMatch, tag))
          return { ok: false, status: 412, detail: `Draft "${id}" has changed: its ETag is now ${tag}.`, etag: tag };
      } else {
        if (ifMatch !== null)
          return { ok: false, status: 412, detail: `Draft "${id}" does not exist, so If-Match cannot hold.` };
        if (this.#db.draftCount() >= MAX_DRAFTS)
          return { ok: false, status: 409, detail: `There are ${MAX_DRAFTS} drafts already: publish or discard some.` };
      }
      const live = this.#db.record(id);
      const row: DraftRow = {
        id,
        json: JSON.stringify({ ...input.record, id }),
        base_version: existing ? existing.base_version : (live?.version ?? null),
        revision: (existing?.revision ?? 0) + 1,
        editor: who.editor,
        updated_at: new Date().toISOString(),
        note: input.note ?? existing?.note ?? null,
      };
      this.#db.putDraft(row);
      return { ok: true, status: existing ? 200 : 201, draft: this.#draftDocument(row), etag: draftTag(row.revision) };
    });
  }

  /** A draft, with what keeps it from being published. */
  async draft(id: string): Promise<{ draft: DraftDocument; etag: string } | null> {
    await this.#readyLocked();
    const row = this.#db.draft(id);
    return row ? { draft: this.#draftDocument(row), etag: draftTag(row.revision) } : null;
  }

  /** Every draft, newest first. */
  async drafts(): Promise<DraftList> {
    await this.#readyLocked();
    return {
      items: this.#db.drafts().map((row) => {
        const doc = this.#draftDocument(row);
        const title = (doc.record.incident as { title?: { en?: unknown } } | undefined)?.title?.en;
        return {
          id: doc.id,
          title: typeof title === "string" ? title : null,
          baseVersion: doc.baseVersion,
          liveVersion: doc.liveVersion,
          revision: doc.revision,
          editor: doc.editor,
          updatedAt: doc.updatedAt,
          note: doc.note,
          errors: doc.errors.length,
        };
      }),
    };
  }

  /** Discards a draft (`ifMatch` with its ETag). */
  async discardDraft(id: string, ifMatch: string | null): Promise<DraftResult> {
    return this.ctx.blockConcurrencyWhile(async (): Promise<DraftResult> => {
      await this.#ready();
      const existing = this.#db.draft(id);
      if (!existing) return { ok: false, status: 404, detail: `No draft has the id "${id}".` };
      const tag = draftTag(existing.revision);
      if (ifMatch === null)
        return { ok: false, status: 428, detail: `Send If-Match with the draft's ETag (${tag}).`, etag: tag };
      if (!ifMatchHolds(ifMatch, tag))
        return { ok: false, status: 412, detail: `Draft "${id}" has changed: its ETag is now ${tag}.`, etag: tag };
      this.#db.deleteDraft(id);
      return { ok: true, status: 204 };
    });
  }

  /**
   * Makes a draft live, as an ordinary write: `ifMatch` is the live record's ETag when
   * there is one. With `secondEditor`, the editor who publishes must not be the one who
   * saved the draft last. The history names the draft's editor, and the publisher as
   * `reviewer` when another. The draft is dropped once published.
   */
  async publishDraft(
    id: string,
    ifMatch: string | null,
    who: Editor,
    { secondEditor }: { secondEditor: boolean },
  ): Promise<WriteResult> {
    const result = await this.ctx.blockConcurrencyWhile(async (): Promise<WriteResult> => {
      await this.#ready();
      const row = this.#db.draft(id);
      if (!row) return { ok: false, status: 404, detail: `No draft has the id "${id}".` };
      if (secondEditor && row.editor === who.editor)
        return {
          ok: false,
          status: 403,
          detail: `A second editor must publish this draft: ${who.editor} saved it last.`,
        };
      const checked = check(ClaimInput, JSON.parse(row.json));
      if (!checked.ok) return { ok: false, status: 422, detail: checked.errors.join("; "), errors: checked.errors };
      const note = who.note || row.note || "published from a draft";
      const by =
        row.editor === who.editor ? { editor: who.editor, note } : { editor: row.editor, note, reviewer: who.editor };
      const written = await this.#write(checked.value, { ifMatch }, by);
      if (written.ok) this.#db.deleteDraft(id);
      return written;
    });
    if (result.ok) await this.#kick();
    return result;
  }

  /**
   * Imports a reviewed set (`data:load`) under the writer's lock: creates and updates
   * what the plan says (see `import-plan.ts`), never overwrites a newer live version
   * without `force`, and queues every record of the set, its URLs, its history and the
   * indexes for publishing, so that KV ends up equal to a full rebuild of the live set.
   * Live records the set links to or unlinks from (or that list a pruned one) get a
   * version that links back (`linked`); a checked set, whole, needs none.
   */
  async importSet(request: ImportRequest, who: Editor): Promise<WriteResult | { ok: true; result: ImportResult }> {
    const outcome = await this.ctx.blockConcurrencyWhile(async () => {
      await this.#ready();
      const now = new Date().toISOString();
      const live = new Map<string, LiveRecord>(
        this.#db.records().map((r) => [r.id, { claim: JSON.parse(r.json) as Claim, editor: this.#lastEditor(r.id) }]),
      );
      const setIds = request.setIds ?? request.claims.map((c) => c.id);
      const plan = planImport(live, request.claims, {
        force: request.force ?? false,
        lastVersion: (id) => this.#db.lastVersion(id),
        setIds,
        now,
      });
      const pruned = request.prune ? plan.onlyLive : [];
      const known = new Set([...live.keys(), ...request.claims.map((c) => c.id)]);
      for (const id of pruned) known.delete(id);
      for (const { claim } of plan.writes) {
        const unknown = (claim.related ?? []).filter((id) => !known.has(id));
        if (unknown.length)
          return {
            ok: false as const,
            status: 400 as const,
            detail: `${claim.id}: related: names unknown claim(s) ${unknown.map((u) => `"${u}"`).join(", ")}.`,
          };
        if (claim.related?.includes(claim.id))
          return { ok: false as const, status: 400 as const, detail: `${claim.id}: related: names the record itself.` };
      }
      // Links go both ways: what the set's records link to (or no longer do) links back.
      const links = new RelatedLinks((id) => (live.has(id) ? (live.get(id)!.claim.related ?? []) : null));
      for (const { claim } of plan.writes) links.write(claim.id, claim.related ?? []);
      for (const id of pruned)
        links.write(
          id,
          null,
          [...live.values()].filter((r) => r.claim.related?.includes(id)).map((r) => r.claim.id),
        );
      const overCap = links.reconcile();
      if (overCap) return { ok: false as const, status: 400 as const, detail: overCap };
      for (const write of plan.writes) {
        const related = links.related(write.claim.id) ?? [];
        if (related.join() !== (write.claim.related ?? []).join()) write.claim = withRelated(write.claim, related);
      }
      const linked = await this.#linkedVersions(links.edits(), now);
      const entries = await Promise.all(plan.writes.map(({ claim }) => claimEntry(claim)));
      const note = who.note || "imported from data/";
      this.ctx.storage.transactionSync(() => {
        plan.writes.forEach(({ claim }, i) => {
          const before = this.#db.urlsOf(claim.id);
          this.#db.putRecord(claim, entries[i]!.value, entries[i]!.metadata.etag, {
            editor: who.editor,
            note,
            updatedAt: claim.updatedAt,
          });
          this.#enqueueRecord(claim.id, before);
        });
        for (const id of plan.unchanged) this.#enqueueRecord(id, []);
        for (const id of pruned) {
          const before = this.#db.urlsOf(id);
          this.#db.deleteRecord(id, { editor: who.editor, note: `${note} (not in the set: pruned)` });
          this.#enqueueRecord(id, before);
        }
        this.#putLinked(linked, { editor: who.editor, note });
        if (request.entities) this.#db.set("registry", JSON.stringify(request.entities));
        this.#enqueueIndexes();
      });
      const result: ImportResult = {
        created: plan.writes.filter((w) => w.kind === "created").map((w) => w.claim.id),
        updated: plan.writes.filter((w) => w.kind === "updated").map((w) => w.claim.id),
        unchanged: plan.unchanged,
        conflicts: plan.conflicts,
        onlyLive: request.prune ? [] : plan.onlyLive,
        deleted: pruned,
        linked: linked.map((l) => l.claim.id),
        queued: this.#db.pendingCount(),
      };
      return { ok: true as const, result };
    });
    if (outcome.ok) await this.#kick();
    return outcome;
  }

  /**
   * Queues every key of the live set for publishing again, and the deletion of any
   * record, history or URL key KV holds that the live set does not: a repair after KV
   * was changed behind the writer's back, or a key was given up on.
   */
  async republish(): Promise<{ queued: number }> {
    await this.ctx.blockConcurrencyWhile(async () => {
      await this.#ready();
      const ids = new Set(this.#db.records().map((r) => r.id));
      const liveUrlKeys = new Set(await Promise.all(this.#db.allUrls().map((u) => urlKey(u))));
      const stale: Array<[string, "claim" | "history" | "url", string]> = [];
      for (const prefix of [CLAIM_PREFIX, HISTORY_PREFIX, URL_PREFIX]) {
        let cursor: string | undefined;
        do {
          const page = await this.env.KV.list({ prefix, ...(cursor ? { cursor } : {}) });
          for (const { name } of page.keys) {
            const rest = name.slice(prefix.length);
            if (prefix === CLAIM_PREFIX && !ids.has(rest)) stale.push([name, "claim", rest]);
            if (prefix === HISTORY_PREFIX && !ids.has(rest) && !this.#db.history(rest))
              stale.push([name, "history", rest]);
            if (prefix === URL_PREFIX && !liveUrlKeys.has(name)) stale.push([name, "url", ""]);
          }
          cursor = page.list_complete ? undefined : page.cursor;
        } while (cursor);
      }
      const urls = this.#db.allUrls();
      this.ctx.storage.transactionSync(() => {
        for (const id of ids) {
          this.#db.enqueue(claimKey(id), "claim", id);
          this.#db.enqueue(historyKey(id), "history", id);
        }
        for (const u of urls) this.#db.enqueue(linkKey(u), "url", u);
        for (const [key, kind, ref] of stale) this.#db.enqueue(key, kind, ref);
        this.#enqueueIndexes();
      });
    });
    await this.#kick();
    return { queued: this.#db.pendingCount() };
  }

  /** What is left to publish and what was given up on; for operators and tests. */
  async status(): Promise<WriterStatus> {
    await this.#readyLocked();
    return {
      records: this.#db.recordCount(),
      drafts: this.#db.draftCount(),
      pending: this.#db.pendingCount(),
      failed: this.#db.failed().map((r) => ({ key: r.key, attempts: r.attempts, error: r.error })),
    };
  }

  /** Publishes what earlier runs left: busy keys, retries, and what was over budget. */
  override async alarm(): Promise<void> {
    await this.#readyLocked();
    await this.#kick();
  }

  /** The common part of a write: preconditions, then one transaction. Runs under the lock. */
  async #write(
    input: ClaimInput,
    cond: { ifMatch?: string | null; ifNoneMatch?: string | null },
    by: Authorship,
  ): Promise<WriteResult> {
    const current = this.#db.record(input.id);
    const related = input.related ?? [];
    if (related.includes(input.id))
      return { ok: false, status: 400, detail: `related: names the record itself ("${input.id}").` };
    const unknown = related.filter((id) => !this.#db.record(id));
    if (unknown.length)
      return {
        ok: false,
        status: 400,
        detail: `related: names unknown claim${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `"${id}"`).join(", ")}.`,
      };
    if (cond.ifNoneMatch?.trim() === "*" && current)
      return { ok: false, status: 412, detail: `Claim "${input.id}" already exists.`, etag: current.etag };
    if (current) {
      const refused = preconditionFailed(input.id, current.etag, cond.ifMatch ?? null);
      if (refused) return refused;
    } else if (cond.ifMatch != null)
      return { ok: false, status: 412, detail: `Claim "${input.id}" does not exist, so If-Match cannot hold.` };
    const links = this.#links();
    links.write(input.id, related);
    const overCap = links.reconcile();
    if (overCap) return { ok: false, status: 400, detail: overCap };
    const now = new Date().toISOString();
    // id, version and updatedAt first, as the schema (and the files in data/) order them.
    const { id, version: _v, updatedAt: _u, ...fields } = input;
    const claim: Claim = { id, version: this.#db.lastVersion(id) + 1, updatedAt: now, ...fields };
    const entry = await claimEntry(claim);
    const before = this.#db.urlsOf(claim.id);
    const note = by.note || (current ? "edited" : "created");
    const linked = await this.#linkedVersions(links.edits(), now);
    this.ctx.storage.transactionSync(() => {
      this.#db.putRecord(claim, entry.value, entry.metadata.etag, { ...by, note, updatedAt: now });
      this.#enqueueRecord(claim.id, before);
      this.#putLinked(linked, by);
      this.#enqueueIndexes();
    });
    return {
      ok: true,
      status: current ? 200 : 201,
      claim,
      etag: entry.metadata.etag,
      linked: linked.map(({ claim, etag }) => ({ claim, etag })),
    };
  }

  /** The links of a write, over the live records' `related`. */
  #links(): RelatedLinks {
    return new RelatedLinks((id) => {
      const row = this.#db.record(id);
      return row ? ((JSON.parse(row.json) as Claim).related ?? []) : null;
    });
  }

  /** The next version of each record whose `related` a write changes, with its ETag and history note. */
  async #linkedVersions(
    edits: ReadonlyMap<string, LinkEdit>,
    now: string,
  ): Promise<Array<LinkedVersion & { json: string; note: string }>> {
    return Promise.all(
      [...edits].map(async ([id, edit]) => {
        const live = JSON.parse(this.#db.record(id)!.json) as Claim;
        const claim = withRelated({ ...live, version: this.#db.lastVersion(id) + 1, updatedAt: now }, edit.related);
        const entry = await claimEntry(claim);
        return { claim, etag: entry.metadata.etag, json: entry.value, note: edit.note };
      }),
    );
  }

  /**
   * Stores the linked versions (by the write's editor and reviewer, each with its own
   * note) and queues their keys. Their URLs are unchanged, so their lookup entries are too.
   */
  #putLinked(linked: ReadonlyArray<LinkedVersion & { json: string; note: string }>, by: Authorship): void {
    for (const { claim, json, etag, note } of linked) {
      this.#db.putRecord(claim, json, etag, { editor: by.editor, note, reviewer: by.reviewer });
      this.#db.enqueue(claimKey(claim.id), "claim", claim.id);
      this.#db.enqueue(historyKey(claim.id), "history", claim.id);
    }
  }

  /** Queues a record's key, its history, and the URL entries it had and has now. */
  #enqueueRecord(id: string, urlsBefore: readonly string[]): void {
    this.#db.enqueue(claimKey(id), "claim", id);
    this.#db.enqueue(historyKey(id), "history", id);
    for (const url of new Set([...urlsBefore, ...this.#db.urlsOf(id)])) this.#db.enqueue(linkKey(url), "url", url);
  }

  #enqueueIndexes(): void {
    this.#db.enqueue(CATALOG_KEY, "indexes", "");
  }

  /**
   * Publishes within this invocation's budget, then leaves the rest to the alarm. Only
   * one run at a time: a change made during a run sets the alarm, and the alarm runs again.
   */
  async #kick(): Promise<void> {
    if (this.#publishing) {
      await this.ctx.storage.setAlarm(Date.now());
      return;
    }
    this.#publishing = true;
    try {
      const run = await publish(this.#db, this.env.KV, {
        budget: positive(this.env.WRITER_KV_BUDGET, DEFAULT_KV_BUDGET),
        interval: positive(this.env.KV_WRITE_INTERVAL_MS, DEFAULT_KEY_INTERVAL_MS),
        lastWrite: this.#lastWrite,
      });
      if (run.nextAt !== null) await this.ctx.storage.setAlarm(run.nextAt);
    } finally {
      this.#publishing = false;
    }
  }

  #draftDocument(row: DraftRow): DraftDocument {
    const record = JSON.parse(row.json) as Record<string, unknown>;
    const checked = check(ClaimInput, record);
    return {
      id: row.id,
      record,
      baseVersion: row.base_version,
      liveVersion: this.#db.record(row.id)?.version ?? null,
      revision: row.revision,
      editor: row.editor,
      updatedAt: row.updated_at,
      note: row.note,
      errors: checked.ok ? [] : checked.errors,
    };
  }

  #lastEditor(id: string): string {
    return this.#db.history(id, 1)?.items[0]?.editor ?? "";
  }

  #registry(): Entity[] {
    const stored = this.#db.get("registry");
    if (stored) return JSON.parse(stored) as Entity[];
    const byId = new Map<string, Entity>();
    for (const r of this.#db.records())
      for (const e of (JSON.parse(r.json) as Claim).entities) if (!byId.has(e.id)) byId.set(e.id, e);
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** {@link #ready} for a read: under the lock only when the writer has not started yet. */
  async #readyLocked(): Promise<void> {
    if (this.#db.get("initialized")) return;
    await this.ctx.blockConcurrencyWhile(() => this.#ready());
  }

  /**
   * Adopts, once, what an earlier deployment held: the records of the key-value storage
   * of the writer before this one, else the records KV publishes. A failure throws (the
   * caller answers 503 and retries later), so that no write ever lands on an empty
   * writer that should have adopted a set.
   */
  async #ready(): Promise<void> {
    if (this.#db.get("initialized")) return;
    const adopted = new Map<string, Claim>();
    for (const claim of (await this.ctx.storage.list<Claim>({ prefix: "c:" })).values()) adopted.set(claim.id, claim);
    if (!adopted.size) {
      let cursor: string | undefined;
      do {
        const page = await this.env.KV.list({ prefix: CLAIM_PREFIX, ...(cursor ? { cursor } : {}) });
        const names = page.keys.map((k) => k.name);
        for (let i = 0; i < names.length; i += BULK_GET) {
          const values = await this.env.KV.get<Claim>(names.slice(i, i + BULK_GET), "json");
          for (const claim of values.values()) if (claim) adopted.set(claim.id, claim);
        }
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
    }
    const entries = await Promise.all([...adopted.values()].map(claimEntry));
    this.ctx.storage.transactionSync(() => {
      for (const e of entries) {
        const claim = JSON.parse(e.value) as Claim;
        this.#db.putRecord(claim, e.value, e.metadata.etag, {
          editor: "import",
          note: "adopted from the published set",
          updatedAt: claim.updatedAt,
        });
      }
      this.#db.set("initialized", new Date().toISOString());
    });
    await this.ctx.storage.delete([...(await this.ctx.storage.list({ prefix: "c:" })).keys()]);
    await this.ctx.storage.delete(["pending", "meta"]);
  }
}

/** The 428 or 412 of a record write, or null when `ifMatch` holds. */
function preconditionFailed(id: string, etag: string, ifMatch: string | null): WriteResult | null {
  if (ifMatch === null || ifMatch.trim() === "*")
    return { ok: false, status: 428, detail: `Claim "${id}" exists: send If-Match with its ETag (${etag}).`, etag };
  if (!ifMatchHolds(ifMatch, etag))
    return { ok: false, status: 412, detail: `Claim "${id}" has changed: its ETag is now ${etag}.`, etag };
  return null;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
