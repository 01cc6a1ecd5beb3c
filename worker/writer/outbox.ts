/**
 * Publishing the writer's state to KV, bounded three ways:
 *
 * - **Per invocation**: one run writes at most `budget` KV operations (KV allows 1,000
 *   per Worker invocation; the default budget, {@link DEFAULT_KV_BUDGET}, leaves room).
 *   What is left waits for the next alarm, a new invocation with a fresh budget, so a
 *   publish of any size is spread over as many alarms as it needs.
 * - **Per key**: KV allows one write per key per second; a key written less than
 *   `interval` ago waits for the alarm set for when it is free.
 * - **Per failure**: a failed key is retried with a doubling delay, at most
 *   {@link MAX_ATTEMPTS} times; then it is set aside as failed, logged, and shown by
 *   `GET /v1/admin/status`, until a later change of that key (or a republish) queues it
 *   again. No write can keep the writer retrying forever.
 *
 * Each key's value is computed when it is published, from the writer's current state,
 * so a publish is idempotent and a key queued twice is written once.
 *
 * @module
 */
import type { Claim } from "../../schema/index.ts";
import type { ClaimMeta } from "../store/entries.ts";
import { historyEntry, indexEntries, urlEntry } from "../store/entries.ts";
import type { OutboxRow, WriterDb } from "./db.ts";

/** KV operations one invocation of the writer may spend publishing. */
export const DEFAULT_KV_BUDGET = 200;
/** KV allows one write per key per second. */
export const DEFAULT_KEY_INTERVAL_MS = 1000;
/** Attempts at one key before it is set aside as failed. */
export const MAX_ATTEMPTS = 8;
/** The first retry waits this long; each next one twice as long, at most {@link MAX_RETRY_MS}. */
export const FIRST_RETRY_MS = 5000;
export const MAX_RETRY_MS = 600_000;

/** KV operations a key costs: the indexes are three keys (catalog, match, meta). */
const COST: Record<OutboxRow["kind"], number> = { claim: 1, url: 1, history: 1, indexes: 3 };

/** What one run did, and when the next should run (null: nothing left). */
export interface PublishRun {
  written: number;
  failed: number;
  nextAt: number | null;
}

/**
 * One publishing run over the outbox.
 *
 * @example
 * const run = await publish(db, env.KV, { budget: 200, interval: 1000, lastWrite });
 * if (run.nextAt !== null) await ctx.storage.setAlarm(run.nextAt);
 */
export async function publish(
  db: WriterDb,
  kv: KVNamespace,
  { budget, interval, lastWrite }: { budget: number; interval: number; lastWrite: Map<string, number> },
): Promise<PublishRun> {
  let left = budget;
  let written = 0;
  let failed = 0;
  let nextAt: number | null = null;
  const later = (at: number) => {
    nextAt = nextAt === null ? at : Math.min(nextAt, at);
  };
  for (const row of db.outbox()) {
    const now = Date.now();
    const freeAt = Math.max(row.not_before, (lastWrite.get(row.key) ?? 0) + interval);
    if (freeAt > now) {
      later(freeAt);
      continue;
    }
    if (COST[row.kind] > left) {
      later(now);
      continue;
    }
    left -= COST[row.kind];
    try {
      await write(db, kv, row);
      lastWrite.set(row.key, Date.now());
      db.published(row.key, row.seq);
      written++;
    } catch (err) {
      failed++;
      const attempts = row.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      const wait = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);
      db.attempted(row.key, row.seq, String((err as Error)?.message ?? err), Date.now() + wait, giveUp);
      console.error(
        JSON.stringify({
          event: giveUp ? "claimcard.writer-publish-gave-up" : "claimcard.writer-publish-failed",
          key: row.key,
          attempts,
          error: String((err as Error)?.message ?? err),
        }),
      );
      if (!giveUp) later(Date.now() + wait);
    }
  }
  // Rows queued while this run was writing are picked up by the next alarm.
  if (nextAt === null && db.pendingCount() > 0) later(Date.now());
  return { written, failed, nextAt };
}

/** Writes one outbox row's KV key(s) from the current state. */
async function write(db: WriterDb, kv: KVNamespace, row: OutboxRow): Promise<void> {
  switch (row.kind) {
    case "claim": {
      const rec = db.record(row.ref);
      if (!rec) await kv.delete(row.key);
      else
        await kv.put(row.key, rec.json, {
          metadata: { version: rec.version, etag: rec.etag } satisfies ClaimMeta,
        });
      return;
    }
    case "url": {
      if (!row.ref) return kv.delete(row.key);
      const ids = db.linkedIds(row.ref);
      const entry = await urlEntry(row.ref, ids);
      if (!ids.length) await kv.delete(entry.key);
      else await kv.put(entry.key, entry.value);
      return;
    }
    case "history": {
      const history = db.publishedHistory(row.ref);
      if (!history) await kv.delete(row.key);
      else await kv.put(row.key, historyEntry(history).value);
      return;
    }
    case "indexes": {
      const claims = db.records().map((r) => JSON.parse(r.json) as Claim);
      const entries = await indexEntries(claims, `writer-${crypto.randomUUID()}`);
      for (const e of entries) await kv.put(e.key, e.value);
      return;
    }
  }
}
