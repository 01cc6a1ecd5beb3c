/**
 * The matching index, as the matcher reads it and as `index-codec.ts` stores it: an
 * inverted index from features (space-joined stems of a word or of a phrase of up to
 * four words, as 53-bit keys from `feature-key.ts`) to postings, and, per record, what
 * the matcher needs beside the words: whom it accuses, its related records and its dates.
 *
 * A posting says: this feature is evidence for claim `c`, as concept `k`, of this kind,
 * with this weight. Postings are flat typed arrays, so that the stored index is one
 * binary KV value read without parsing.
 *
 * @module
 */

/** What a posting is. */
export const KIND = {
  /** A keyword, target, name, speaker or title or summary word: evidence of the incident. */
  evidence: 0,
  /** A name of one of the accused: evidence weighed by how many records accuse the same actor. */
  actor: 1,
  /** A word of one of the incident's targets; its concept is `target × 16 + word`. Only counts in a sentence with the accused and a hacking word. */
  targetWord: 2,
  /** A word of a distinctive phrase (a keyword of three or more words); its concept is `phrase × 16 + word`. Counts when most of the phrase is in one sentence. */
  phraseWord: 3,
} as const;

/** The low bits of a posting's kind byte are one of {@link KIND}; the high bits are {@link FLAG}s. */
export const KIND_MASK = 7;

/**
 * Flags of an evidence posting, computed at build time from which records share the
 * feature, so that the matcher can tell evidence of *this* incident from evidence that
 * the actor's other incidents share.
 */
export const FLAG = {
  /** The feature is evidence of this record alone: it tells it apart from its related records too. */
  unique: 8,
} as const;

/**
 * Bits 4–5 of a posting's kind byte: of how many records outside this one's family (itself
 * and its related records) the feature is also evidence, capped at 3. "Lazarus"-like
 * words, the FBI, "Olympics" in a record of one Olympics and another's: evidence shared
 * with the actor's other incidents adds weight, but tells the incident less.
 */
export const SHARED_SHIFT = 4;
export const SHARED_MAX = 3;

/** The most words of a target or phrase that co-occurrence tracks (a 16-bit mask). */
export const MAX_PART_WORDS = 16;

/** Numbers per target version in {@link MatchIndex.targetInfo}. */
export const TARGET_FIELDS = 8;

/**
 * The fields of a target version in {@link MatchIndex.targetInfo}: its number of words,
 * then masks of its words (bit `i` for word `i`): telling (a name, in few records'
 * targets: co-occurrence needs one), heading the target's own name (enough alone), this
 * record's alone, its family's alone, shared with at most one record outside its family;
 * and the number of the target's first version (French and English are one target).
 */
export const TARGET = { words: 0, telling: 1, heads: 2, unique: 3, own: 4, once: 5, of: 6 } as const;

/** Longest phrase indexed, in stems. */
export const MAX_GRAM = 4;

/** Per distinctive phrase: its concept (to count once with the keyword itself), its number of words and its weight × 100. */
export interface PhraseInfo {
  concept: number;
  words: number;
  weight: number;
}

/** The matching index. */
export interface MatchIndex {
  generation: string;
  /** Claim ids, by claim number. */
  claims: string[];
  /** Per claim: the entity numbers it accuses, with their ancestors. */
  accused: number[][];
  /** Per claim: the claim numbers of its related records (both ways). */
  related: number[][];
  /** Per claim: its dates, packed (see `packDates` in dates.ts). */
  dateStarts: Uint32Array;
  dateSpans: Uint16Array;
  /** Per claim: the incident's first day (days since 1970), or 0 when the record gives only a month or a year. */
  dateDays: Uint16Array;
  /** Claim `c`'s target versions are `targetStarts[c]` to `targetStarts[c + 1]`. */
  targetStarts: Uint32Array;
  /** {@link TARGET_FIELDS} numbers per target version (see {@link TARGET}). */
  targetInfo: Uint16Array;
  /** Per claim: its distinctive phrases. */
  phrases: PhraseInfo[][];
  /** Entity ids, by entity number. */
  entities: string[];
  /** Per entity: its parent's number, or -1. */
  parents: number[];
  /** Entity numbers of hacking groups: naming one says "cyberattack". */
  groups: number[];
  /** Feature keys, sorted. */
  keys: Float64Array;
  /** Feature i's postings are `starts[i]` to `starts[i + 1]` in the four arrays below. */
  starts: Uint32Array;
  postClaim: Uint32Array;
  postConcept: Uint16Array;
  /** Weight × 100. */
  postWeight: Uint16Array;
  /** One of {@link KIND}. */
  postKind: Uint8Array;
  /** Key of an entity name or alias → the entity numbers it names. */
  mentions: Map<number, number[]>;
}
