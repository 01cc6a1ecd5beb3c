/**
 * The single writer of claims: a Durable Object that serializes every admin write, so
 * that `If-Match` is checked against the true current version (KV alone has no
 * compare-and-swap and is only eventually consistent), and that keeps the KV indexes in
 * step with the records.
 *
 * Its own storage holds the authoritative copy of every record. A write is committed
 * there first, together with the list of KV keys it makes stale (`pending`); then the
 * keys are published to KV. A key written less than a second ago is published by an
 * alarm a second later (KV allows one write per key per second), and a failed publish is
 * retried by the alarm, so that nothing is lost and no index stays out of date.
 *
 * After `npm run data:load` (a bulk write from outside the Worker), the writer notices a
 * load id it has never seen in `meta:dataset` (each load writes a fresh one, last) and
 * imports the records from KV again: the load is the reviewed source of truth, so it
 * replaces whatever was pending.
 *
 * @module
 */
import { DurableObject } from "cloudflare:workers";
import type { Claim, ClaimInput } from "../../schema/index.ts";
import type { Bindings } from "../env.ts";
import { normalizeArticleUrl } from "../store/article-url.ts";
import { type ClaimMeta, claimEntry, type DatasetMeta, indexEntries, linkedUrls, urlEntry } from "../store/entries.ts";
import { CLAIM_PREFIX, claimKey, META_KEY, urlKey } from "../store/keys.ts";
import { ifMatchHolds } from "./etag.ts";

/** KV allows one write per key per second (tests may lengthen the interval with `KV_WRITE_INTERVAL_MS`). */
const KEY_INTERVAL_MS = 1000;
/** How long the writer waits for KV's `meta:dataset` before going on with what it has. */
const META_TIMEOUT_MS = 3000;
/** Keys per bulk KV read (KV's limit). */
const BULK_GET = 100;
/** How long to wait before retrying a failed publish. */
const RETRY_MS = 5000;
/** Durable Object storage takes at most 128 keys per batch operation. */
const BATCH = 128;
/** Load ids remembered as seen: a stale KV read of one of them is not a new load. */
const KNOWN_LOADS = 50;

/** KV keys a committed write has made stale, persisted until published. */
interface Pending {
  claims: string[];
  urls: string[];
  indexes: boolean;
}

interface Meta {
  /** Load ids this writer imported or published in `meta:dataset`, newest last. */
  loads: string[];
}

/** What a write did, for the route to turn into HTTP. */
export type WriteResult =
  | { ok: true; status: 200 | 201; claim: Claim; etag: string }
  | { ok: true; status: 204 }
  | { ok: false; status: 400 | 404 | 412 | 428; detail: string; etag?: string };

const NOTHING_PENDING: Pending = { claims: [], urls: [], indexes: false };

/**
 * @example
 * const writer = env.WRITER.getByName("claims");
 * const result = await writer.put(claim, '"3-a1b2c3d4e5f60718"', null);
 */
export class ClaimWriter extends DurableObject<Bindings> {
  #claims: Map<string, Claim> | undefined;
  #lastWrite = new Map<string, number>();

  /**
   * Creates or replaces a record. An existing record needs `ifMatch` with its ETag (412 if
   * it is stale; 428 if it is missing, or `*`: no blind overwrite); `ifNoneMatch: "*"`
   * refuses to replace one. The version and `updatedAt` are set here, whatever the body
   * said, and `related` must name claims that exist.
   */
  put(input: ClaimInput, ifMatch: string | null, ifNoneMatch: string | null): Promise<WriteResult> {
    return this.ctx.blockConcurrencyWhile(async () => {
      const claims = await this.#load();
      const current = claims.get(input.id);
      const currentTag = current ? (await claimEntry(current)).metadata.etag : null;
      const unknown = (input.related ?? []).filter((id) => id !== input.id && !claims.has(id));
      if (unknown.length)
        return {
          ok: false,
          status: 400,
          detail: `related: names unknown claim${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `"${id}"`).join(", ")}.`,
        };
      if (ifNoneMatch?.trim() === "*" && current)
        return { ok: false, status: 412, detail: `Claim "${input.id}" already exists.`, etag: currentTag! };
      if (current && (ifMatch === null || ifMatch.trim() === "*"))
        return {
          ok: false,
          status: 428,
          detail: `Claim "${input.id}" exists: send If-Match with its ETag (${currentTag}).`,
          etag: currentTag!,
        };
      if (ifMatch !== null && !ifMatchHolds(ifMatch, currentTag)) {
        return current
          ? {
              ok: false,
              status: 412,
              detail: `Claim "${input.id}" has changed: its ETag is now ${currentTag}.`,
              etag: currentTag!,
            }
          : { ok: false, status: 412, detail: `Claim "${input.id}" does not exist, so If-Match cannot hold.` };
      }
      const claim: Claim = { ...input, version: (current?.version ?? 0) + 1, updatedAt: new Date().toISOString() };
      await this.#commit(claim.id, claim, [...(current?.urls ?? []), ...claim.urls]);
      await this.#publish();
      return { ok: true, status: current ? 200 : 201, claim, etag: (await claimEntry(claim)).metadata.etag };
    });
  }

  /** Deletes a record. `ifMatch` is required (428), and must hold (412). */
  remove(id: string, ifMatch: string | null): Promise<WriteResult> {
    return this.ctx.blockConcurrencyWhile(async () => {
      const claims = await this.#load();
      const current = claims.get(id);
      if (!current) return { ok: false, status: 404, detail: `No claim has the id "${id}".` };
      const currentTag = (await claimEntry(current)).metadata.etag;
      if (ifMatch === null || ifMatch.trim() === "*")
        return {
          ok: false,
          status: 428,
          detail: `Send If-Match with the claim's ETag (${currentTag}).`,
          etag: currentTag,
        };
      if (!ifMatchHolds(ifMatch, currentTag))
        return {
          ok: false,
          status: 412,
          detail: `Claim "${id}" has changed: its ETag is now ${currentTag}.`,
          etag: currentTag,
        };
      await this.#commit(id, null, current.urls);
      await this.#publish();
      return { ok: true, status: 204 };
    });
  }

  /**
   * Publishes what a busy key or a failed KV write left pending. The alarm was set a
   * second or more after the last write of every pending key, so none is busy any more.
   */
  override async alarm(): Promise<void> {
    await this.ctx.blockConcurrencyWhile(async () => {
      await this.#load();
      await this.#publish({ deferBusy: false });
    });
  }

  /** What is still to be published; for tests and operators. */
  async pending(): Promise<Pending> {
    return (await this.ctx.storage.get<Pending>("pending")) ?? NOTHING_PENDING;
  }

  /** Stores the new state of one record and the keys it makes stale, in one transaction. */
  async #commit(id: string, claim: Claim | null, urls: readonly string[]): Promise<void> {
    const pending = await this.pending();
    const normalized = urls.map(normalizeArticleUrl).filter((u): u is string => u !== null);
    const next: Pending = {
      claims: [...new Set([...pending.claims, id])],
      urls: [...new Set([...pending.urls, ...normalized])],
      indexes: true,
    };
    await this.ctx.storage.transaction(async (tx) => {
      if (claim) await tx.put(`c:${id}`, claim);
      else await tx.delete(`c:${id}`);
      await tx.put("pending", next);
    });
    if (claim) this.#claims!.set(id, claim);
    else this.#claims!.delete(id);
  }

  /** Writes pending keys to KV, deferring to the alarm those written less than a second ago. */
  async #publish({ deferBusy = true } = {}): Promise<void> {
    const claims = this.#claims!;
    const pending = await this.pending();
    const left: Pending = { claims: [], urls: [], indexes: false };
    const now = Date.now();
    const interval = this.#interval();
    const busy = (key: string) => deferBusy && now - (this.#lastWrite.get(key) ?? 0) < interval;
    const wrote = (key: string) => this.#lastWrite.set(key, Date.now());
    try {
      for (const id of pending.claims) {
        const key = claimKey(id);
        if (busy(key)) left.claims.push(id);
        else {
          const claim = claims.get(id);
          if (claim) {
            const e = await claimEntry(claim);
            await this.env.KV.put(e.key, e.value, { metadata: e.metadata satisfies ClaimMeta });
          } else await this.env.KV.delete(key);
          wrote(key);
        }
      }
      const byUrl = linkedUrls([...claims.values()]);
      for (const url of pending.urls) {
        const key = await urlKey(url);
        if (busy(key)) left.urls.push(url);
        else {
          const linked = byUrl.get(url);
          if (linked) {
            const e = await urlEntry(url, linked);
            await this.env.KV.put(e.key, e.value);
          } else await this.env.KV.delete(key);
          wrote(key);
        }
      }
      if (pending.indexes) {
        const loadId = `writer-${crypto.randomUUID()}`;
        const entries = await indexEntries([...claims.values()], loadId);
        if (entries.some((e) => busy(e.key))) left.indexes = true;
        else {
          await this.#remember(loadId);
          for (const e of entries) {
            await this.env.KV.put(e.key, e.value);
            wrote(e.key);
          }
        }
      }
    } catch (err) {
      console.error("claimcard writer: publish failed, retrying", err);
      await this.ctx.storage.put("pending", pending);
      await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
      return;
    }
    await this.ctx.storage.put("pending", left);
    if (left.claims.length || left.urls.length || left.indexes) await this.ctx.storage.setAlarm(Date.now() + interval);
  }

  #interval(): number {
    const configured = Number(this.env.KV_WRITE_INTERVAL_MS);
    return Number.isFinite(configured) && configured > 0 ? configured : KEY_INTERVAL_MS;
  }

  /**
   * The records: from KV when `meta:dataset` carries a load id never seen here (first
   * run, or after `data:load`, which then replaces anything pending), else from memory,
   * else from this object's storage.
   */
  async #load(): Promise<Map<string, Claim>> {
    const dataset = await this.#datasetMeta();
    const meta = (await this.ctx.storage.get<Meta>("meta")) ?? { loads: [] };
    if (dataset && !meta.loads.includes(dataset.loadId)) {
      this.#claims = await this.#importFromKv();
      await this.ctx.storage.put("pending", NOTHING_PENDING);
      await this.#remember(dataset.loadId);
      return this.#claims;
    }
    if (!this.#claims) {
      const stored = await this.ctx.storage.list<Claim>({ prefix: "c:" });
      this.#claims = new Map([...stored.values()].map((c) => [c.id, c]));
    }
    return this.#claims;
  }

  /** KV's `meta:dataset`, or null when it is missing, malformed, or slower than {@link META_TIMEOUT_MS}. */
  async #datasetMeta(): Promise<DatasetMeta | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const meta = await Promise.race([
        this.env.KV.get<DatasetMeta>(META_KEY, "json"),
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), META_TIMEOUT_MS))),
      ]);
      return meta && typeof meta.loadId === "string" ? meta : null;
    } catch {
      return null;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  /** Replaces the stored records with those in KV, read in bulk. */
  async #importFromKv(): Promise<Map<string, Claim>> {
    const claims = new Map<string, Claim>();
    let cursor: string | undefined;
    do {
      const page = await this.env.KV.list({ prefix: CLAIM_PREFIX, ...(cursor ? { cursor } : {}) });
      const names = page.keys.map((k) => k.name);
      for (let i = 0; i < names.length; i += BULK_GET) {
        const values = await this.env.KV.get<Claim>(names.slice(i, i + BULK_GET), "json");
        for (const claim of values.values()) if (claim) claims.set(claim.id, claim);
      }
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    await this.ctx.storage.transaction(async (tx) => {
      const old = [...(await tx.list({ prefix: "c:" })).keys()];
      for (let i = 0; i < old.length; i += BATCH) await tx.delete(old.slice(i, i + BATCH));
      const all = [...claims.values()];
      for (let i = 0; i < all.length; i += BATCH)
        await tx.put(Object.fromEntries(all.slice(i, i + BATCH).map((c) => [`c:${c.id}`, c])));
    });
    return claims;
  }

  async #remember(loadId: string): Promise<void> {
    const meta = (await this.ctx.storage.get<Meta>("meta")) ?? { loads: [] };
    if (meta.loads.includes(loadId)) return;
    await this.ctx.storage.put("meta", { loads: [...meta.loads, loadId].slice(-KNOWN_LOADS) });
  }
}
