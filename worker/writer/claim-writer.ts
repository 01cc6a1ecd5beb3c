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
 * dataset generation it never published and imports the records from KV again.
 *
 * @module
 */
import { DurableObject } from "cloudflare:workers";
import type { Claim } from "../../schema/index.ts";
import type { Bindings } from "../env.ts";
import { claimEntry, indexEntries, linkedUrls, urlEntry, type ClaimMeta } from "../store/entries.ts";
import { CLAIM_PREFIX, META_KEY, claimKey, urlKey } from "../store/keys.ts";
import { normalizeArticleUrl } from "../store/url.ts";
import { ifMatchHolds } from "./etag.ts";

/** KV allows one write per key per second. */
const KEY_INTERVAL_MS = 1000;
/** How long to wait before retrying a failed publish. */
const RETRY_MS = 5000;
/** Durable Object storage takes at most 128 keys per batch operation. */
const BATCH = 128;
/** Generations remembered as "ours": a stale KV read of one of them is not a new load. */
const KNOWN_GENERATIONS = 50;

/** KV keys a committed write has made stale, persisted until published. */
interface Pending {
  claims: string[];
  urls: string[];
  indexes: boolean;
}

interface Meta {
  /** Dataset generations this writer imported or published, newest last. */
  generations: string[];
}

/** What a write did, for the route to turn into HTTP. */
export type WriteResult =
  | { ok: true; status: 200 | 201; claim: Claim; etag: string }
  | { ok: true; status: 204 }
  | { ok: false; status: 404 | 412 | 428; detail: string; etag?: string };

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
   * Creates or replaces a record. `ifMatch` must hold for an existing record (412 if it
   * does not, 428 if it is missing); `ifNoneMatch: "*"` refuses to replace one. The
   * version and `updatedAt` are set here, whatever the body said.
   */
  put(input: Claim, ifMatch: string | null, ifNoneMatch: string | null): Promise<WriteResult> {
    return this.ctx.blockConcurrencyWhile(async () => {
      const claims = await this.#load();
      const current = claims.get(input.id);
      const currentTag = current ? (await claimEntry(current)).metadata.etag : null;
      if (ifNoneMatch?.trim() === "*" && current) return { ok: false, status: 412, detail: `Claim "${input.id}" already exists.`, etag: currentTag! };
      if (current && ifMatch === null) return { ok: false, status: 428, detail: `Claim "${input.id}" exists: send If-Match with its ETag (${currentTag}).`, etag: currentTag! };
      if (ifMatch !== null && !ifMatchHolds(ifMatch, currentTag)) {
        return current
          ? { ok: false, status: 412, detail: `Claim "${input.id}" has changed: its ETag is now ${currentTag}.`, etag: currentTag! }
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
      if (ifMatch === null) return { ok: false, status: 428, detail: `Send If-Match with the claim's ETag (${currentTag}).`, etag: currentTag };
      if (!ifMatchHolds(ifMatch, currentTag)) return { ok: false, status: 412, detail: `Claim "${id}" has changed: its ETag is now ${currentTag}.`, etag: currentTag };
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
    const busy = (key: string) => deferBusy && now - (this.#lastWrite.get(key) ?? 0) < KEY_INTERVAL_MS;
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
        const { generation, entries } = await indexEntries([...claims.values()]);
        if (entries.some((e) => busy(e.key))) left.indexes = true;
        else {
          for (const e of entries) {
            await this.env.KV.put(e.key, e.value);
            wrote(e.key);
          }
          await this.#remember(generation);
        }
      }
    } catch (err) {
      console.error("claimcard writer: publish failed, retrying", err);
      await this.ctx.storage.put("pending", pending);
      await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
      return;
    }
    await this.ctx.storage.put("pending", left);
    if (left.claims.length || left.urls.length || left.indexes) await this.ctx.storage.setAlarm(Date.now() + KEY_INTERVAL_MS);
  }

  /** The records, from memory, else from storage, else (first run, or after data:load) from KV. */
  async #load(): Promise<Map<string, Claim>> {
    const loaded = await this.env.KV.get<{ generation: string }>(META_KEY, "json");
    const meta = (await this.ctx.storage.get<Meta>("meta")) ?? { generations: [] };
    const pending = await this.pending();
    const external = loaded !== null && !meta.generations.includes(loaded.generation);
    const idle = !pending.claims.length && !pending.urls.length && !pending.indexes;
    if (external && idle) {
      this.#claims = await this.#importFromKv();
      await this.#remember(loaded.generation);
      return this.#claims;
    }
    if (!this.#claims) {
      const stored = await this.ctx.storage.list<Claim>({ prefix: "c:" });
      this.#claims = new Map([...stored.values()].map((c) => [c.id, c]));
    }
    return this.#claims;
  }

  /** Replaces the stored records with those in KV. */
  async #importFromKv(): Promise<Map<string, Claim>> {
    const claims = new Map<string, Claim>();
    let cursor: string | undefined;
    do {
      const page = await this.env.KV.list({ prefix: CLAIM_PREFIX, ...(cursor ? { cursor } : {}) });
      const values = await Promise.all(page.keys.map((k) => this.env.KV.get<Claim>(k.name, "json")));
      for (const claim of values) if (claim) claims.set(claim.id, claim);
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    await this.ctx.storage.transaction(async (tx) => {
      const old = [...(await tx.list({ prefix: "c:" })).keys()];
      for (let i = 0; i < old.length; i += BATCH) await tx.delete(old.slice(i, i + BATCH));
      const all = [...claims.values()];
      for (let i = 0; i < all.length; i += BATCH) await tx.put(Object.fromEntries(all.slice(i, i + BATCH).map((c) => [`c:${c.id}`, c])));
    });
    return claims;
  }

  async #remember(generation: string): Promise<void> {
    const meta = (await this.ctx.storage.get<Meta>("meta")) ?? { generations: [] };
    if (meta.generations.includes(generation)) return;
    await this.ctx.storage.put("meta", { generations: [...meta.generations, generation].slice(-KNOWN_GENERATIONS) });
  }
}
