/**
 * Related records link both ways: if A lists B in `related`, B lists A (`data:check`
 * refuses a set where one does not, so the writer must never make one). A write decides
 * what its own records' `related` say; this module works out, before anything is
 * written, what the other records must then say:
 *
 * - a link the write adds (A → B) gives B the link back (B → A), appended;
 * - a link the write removes (A ↛ B) removes A from B;
 * - a deleted record is removed from every record that lists it.
 *
 * It only ever touches the link to the written record, so a change never spreads further
 * (B's new link points back to A, which already lists B). It is pure: the writer gives
 * it how `related` stands now, and turns its answer into new versions of the other
 * records in the write's own transaction. Within one import, records the import writes
 * itself are changed in place rather than given a version of their own.
 *
 * A link between records that both exist but that only one of them lists (left by a
 * deployment before this rule) is repaired when that record's write names it, and
 * otherwise left as it is.
 *
 * @module
 */
import { LIMITS } from "../../schema/index.ts";

/** What the write does to another record's `related`, and the history note that says so. */
export interface LinkEdit {
  related: string[];
  note: string;
}

/** How many ids a history note names before it says "and N more". */
const NOTE_IDS = 5;

/**
 * @example
 * const links = new RelatedLinks((id) => liveRelatedOf(id));
 * links.write("a", ["b"]);
 * const refused = links.reconcile(); // null, or why the write cannot be made
 * links.edits(); // Map { "b" => { related: [..., "a"], note: "related: linked from a" } }
 */
export class RelatedLinks {
  /** The live `related` of a record, or null when there is no such record. */
  readonly #read: (id: string) => readonly string[] | null;
  /** `related` as the write leaves it, for every record it touches (null: deleted). */
  readonly #now = new Map<string, string[] | null>();
  /** The records the write itself writes, with the candidates to look at for each. */
  readonly #own = new Map<string, Set<string>>();
  readonly #changes = new Map<string, { linked: string[]; unlinked: string[]; deleted: string[] }>();

  constructor(read: (id: string) => readonly string[] | null) {
    this.#read = read;
  }

  /** `related` of a record as the write leaves it (null: no such record). */
  related(id: string): readonly string[] | null {
    if (this.#now.has(id)) return this.#now.get(id)!;
    return this.#read(id);
  }

  /**
   * A record the write itself writes, with its `related` (null: it is deleted).
   * `listing`: for a deletion, every record that lists it.
   */
  write(id: string, related: readonly string[] | null, listing: readonly string[] = []): void {
    const candidates = new Set([...(this.related(id) ?? []), ...(related ?? []), ...listing]);
    candidates.delete(id);
    this.#own.set(id, candidates);
    this.#now.set(id, related ? [...related] : null);
  }

  /**
   * Gives every other record the links the writes ask of it. Null when done, else why
   * the write cannot be made (a record that would go over its cap of related records).
   */
  reconcile(): string | null {
    for (const [id, candidates] of this.#own) {
      const wanted = this.#now.get(id);
      for (const other of candidates) {
        const theirs = this.related(other);
        if (!theirs) continue;
        const should = wanted?.includes(other) ?? false;
        const does = theirs.includes(id);
        if (should && !does) {
          if (theirs.length >= LIMITS.related)
            return `related: "${other}" already lists ${LIMITS.related} related records, so it cannot link back to "${id}": remove one there first.`;
          this.#now.set(other, [...theirs, id]);
          this.#change(other)?.linked.push(id);
        } else if (!should && does) {
          this.#now.set(
            other,
            theirs.filter((x) => x !== id),
          );
          this.#change(other)?.[wanted ? "unlinked" : "deleted"].push(id);
        }
      }
    }
    return null;
  }

  /** The records the write does not write itself whose `related` it changes, with the note of each. */
  edits(): Map<string, LinkEdit> {
    const out = new Map<string, LinkEdit>();
    for (const [id, { linked, unlinked, deleted }] of this.#changes) {
      const related = this.#now.get(id);
      const before = this.#read(id);
      if (!related || !before || sameList(related, before)) continue;
      const parts = [
        linked.length ? `linked from ${named(linked)}` : "",
        unlinked.length ? `unlinked from ${named(unlinked)}` : "",
        deleted.length ? `${named(deleted)} deleted` : "",
      ].filter(Boolean);
      out.set(id, { related: [...related], note: `related: ${parts.join("; ")}` });
    }
    return out;
  }

  #change(id: string) {
    if (this.#own.has(id)) return undefined;
    let change = this.#changes.get(id);
    if (!change) {
      change = { linked: [], unlinked: [], deleted: [] };
      this.#changes.set(id, change);
    }
    return change;
  }
}

/**
 * A record with another `related` list, keys in the schema's order (`related` is the last
 * authored field, before `entities`); an empty list is dropped, as authors leave it out.
 *
 * @example
 * withRelated(claim, ["gru-indictment-2018"]).related; // ["gru-indictment-2018"]
 */
export function withRelated<T extends { related?: string[] | undefined; entities?: unknown }>(
  claim: T,
  related: readonly string[],
): T {
  const { related: _r, entities, ...rest } = claim;
  return {
    ...rest,
    ...(related.length ? { related: [...related] } : {}),
    ...(entities !== undefined ? { entities } : {}),
  } as T;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function named(ids: readonly string[]): string {
  const shown = ids.slice(0, NOTE_IDS).join(", ");
  return ids.length > NOTE_IDS ? `${shown} and ${ids.length - NOTE_IDS} more` : shown;
}
