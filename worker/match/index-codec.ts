/**
 * The match index as one binary KV value: sorted feature keys and flat posting arrays,
 * read back as typed-array views with no parsing, so that a cold isolate pays almost
 * nothing to load even 10,000 claims. A small JSON section holds the rest.
 *
 * Layout (little-endian, as Workers and Node run):
 *
 * | bytes       | what                                                      |
 * | ----------- | --------------------------------------------------------- |
 * | 0–31        | magic `CCMI`, version, features F, postings P, JSON bytes J, claims C, date spans D, target versions T |
 * | 8 F         | keys (Float64)                                            |
 * | 4 (F + 1)   | starts (Uint32)                                           |
 * | 4 P         | posting claims (Uint32)                                   |
 * | 2 P         | posting concepts (Uint16)                                 |
 * | 2 P         | posting weights × 100 (Uint16)                            |
 * | P           | posting kinds (Uint8)                                     |
 * | pad to 4    |                                                           |
 * | 4 (C + 1)   | date starts (Uint32), C claims                            |
 * | 4 D         | date spans (Uint16 pairs), D spans                        |
 * | 2 C         | incident first days (Uint16)                              |
 * | pad to 4    |                                                           |
 * | 4 (C + 1)   | target starts (Uint32)                                    |
 * | 16 T        | target fields (Uint16, 8 per target version)              |
 * | J           | JSON: generation, claims, accused, related, phrases, entities, parents, groups, mentions |
 *
 * @module
 */
import { type MatchIndex, TARGET_FIELDS } from "./match-index.ts";

const MAGIC = 0x494d4343; // "CCMI"
const VERSION = 7;
const HEADER = 32;

type Meta = Pick<
  MatchIndex,
  "generation" | "claims" | "accused" | "related" | "phrases" | "entities" | "parents" | "groups"
> & {
  mentions: Array<[number, number[]]>;
};

/** Bytes to add to `at` for a multiple of 4. */
const pad4 = (at: number) => (4 - (at % 4)) % 4;

/**
 * Serializes an index into one ArrayBuffer.
 *
 * @example
 * await env.KV.put(MATCH_KEY, encodeMatchIndex(index));
 */
export function encodeMatchIndex(index: MatchIndex): ArrayBuffer {
  const meta: Meta = {
    generation: index.generation,
    claims: index.claims,
    accused: index.accused,
    related: index.related,
    phrases: index.phrases,
    entities: index.entities,
    parents: index.parents,
    groups: index.groups,
    mentions: [...index.mentions],
  };
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const f = index.keys.length;
  const p = index.postClaim.length;
  const c = index.dateStarts.length - 1;
  const d = index.dateSpans.length / 2;
  const t = index.targetInfo.length / TARGET_FIELDS;
  let size = HEADER + 8 * f + 4 * (f + 1) + 9 * p;
  size += pad4(size) + 4 * (c + 1) + 4 * d + 2 * c;
  size += pad4(size) + 4 * (c + 1) + 2 * TARGET_FIELDS * t + json.length;
  const buf = new ArrayBuffer(size);
  new Uint32Array(buf, 0, 8).set([MAGIC, VERSION, f, p, json.length, c, d, t]);
  let at = HEADER;
  const put = (
    src: ArrayLike<number> & { BYTES_PER_ELEMENT: number },
    View: { new (b: ArrayBuffer, o: number, n: number): { set(a: ArrayLike<number>): void } },
  ) => {
    new View(buf, at, src.length).set(src);
    at += src.length * src.BYTES_PER_ELEMENT;
  };
  put(index.keys, Float64Array);
  put(index.starts, Uint32Array);
  put(index.postClaim, Uint32Array);
  put(index.postConcept, Uint16Array);
  put(index.postWeight, Uint16Array);
  put(index.postKind, Uint8Array);
  at += pad4(at);
  put(index.dateStarts, Uint32Array);
  put(index.dateSpans, Uint16Array);
  put(index.dateDays, Uint16Array);
  at += pad4(at);
  put(index.targetStarts, Uint32Array);
  put(index.targetInfo, Uint16Array);
  new Uint8Array(buf, at, json.length).set(json);
  return buf;
}

/**
 * Reads an index back: views into the buffer, and the parsed JSON section. Throws on a
 * buffer that is not an index of this version.
 *
 * @example
 * const index = decodeMatchIndex(await env.KV.get(MATCH_KEY, "arrayBuffer"));
 */
export function decodeMatchIndex(buf: ArrayBuffer): MatchIndex {
  if (buf.byteLength < HEADER) throw new Error("match index: too short");
  const [magic, version, f, p, j, c, d, t] = new Uint32Array(buf, 0, 8) as unknown as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (magic !== MAGIC || version !== VERSION) throw new Error("match index: unknown format");
  let at = HEADER;
  const take = <T>(
    View: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number },
    n: number,
  ): T => {
    const view = new View(buf, at, n);
    at += n * View.BYTES_PER_ELEMENT;
    return view;
  };
  const keys = take(Float64Array, f);
  const starts = take(Uint32Array, f + 1);
  const postClaim = take(Uint32Array, p);
  const postConcept = take(Uint16Array, p);
  const postWeight = take(Uint16Array, p);
  const postKind = take(Uint8Array, p);
  at += pad4(at);
  const dateStarts = take(Uint32Array, c + 1);
  const dateSpans = take(Uint16Array, 2 * d);
  const dateDays = take(Uint16Array, c);
  at += pad4(at);
  const targetStarts = take(Uint32Array, c + 1);
  const targetInfo = take(Uint16Array, TARGET_FIELDS * t);
  const meta = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, at, j))) as Meta;
  return {
    ...meta,
    keys,
    starts,
    postClaim,
    postConcept,
    postWeight,
    postKind,
    dateStarts,
    dateSpans,
    dateDays,
    targetStarts,
    targetInfo,
    mentions: new Map(meta.mentions),
  };
}
