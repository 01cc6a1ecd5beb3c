/**
 * The index builder (worker/match/claim-features.ts, build-index.ts, find-feature.ts):
 * the concepts a record's features are grouped into decide how many pieces of evidence
 * an article carries, so they are tested on the real records.
 */
import { describe, expect, it } from "vitest";
import { buildMatchIndex } from "../../worker/match/build-index.ts";
import { claimFeatures } from "../../worker/match/claim-features.ts";
import { claimDates, unpackDates } from "../../worker/match/dates.ts";
import { featureKey } from "../../worker/match/feature-key.ts";
import { findFeature } from "../../worker/match/find-feature.ts";
import {
  FLAG,
  KIND,
  KIND_MASK,
  SHARED_MAX,
  SHARED_SHIFT,
  TARGET,
  TARGET_FIELDS,
} from "../../worker/match/match-index.ts";
import { stems } from "../../worker/match/text.ts";
import { seedClaims } from "./seed.ts";

const claim = (id: string) => seedClaims().find((c) => c.id === id)!;
const concepts = (id: string) => new Map(claimFeatures(claim(id), new Set(["russ", "usa"])).resolved());

describe("concepts of a record", () => {
  it("joins an acronym, its long form and a phrase sharing its rare word (WADA, World Anti-Doping Agency, anti-doping; OPCW)", () => {
    const f = concepts("gru-opcw-wada-2018");
    const of = (feature: string) => f.get(feature)?.concept;
    expect(of("wada")).toBeDefined();
    expect(of("world anti dop agency")).toBe(of("wada"));
    expect(of("ama")).toBe(of("wada"));
    expect(of("anti dop")).toBe(of("wada"));
    expect(of("opcw")).toBe(of("organis prohibition chemical weapon"));
    expect(of("opcw")).not.toBe(of("wada"));
  });

  it("gives first names no weight of their own, and keeps the full name", () => {
    const f = concepts("gru-indictment-2018");
    expect(f.get("rod")).toBeUndefined();
    expect(f.get("rod rosenstein")?.weight).toBeGreaterThan(0);
  });

  it("marks names of the accused as the actor's", () => {
    const f = concepts("dnc-hack-2016");
    expect(f.get("fancy bear")?.actor).toBe(true);
    expect(f.get("crowdstrik")?.actor).toBe(false);
  });
});

describe("the index", () => {
  const index = buildMatchIndex(seedClaims(), "test");
  const postings = (feature: string) => {
    const f = findFeature(index.keys, featureKey(feature));
    if (f < 0) return [];
    const out: Array<{ claim: string; kind: number; unique: boolean; outside: number }> = [];
    for (let k = index.starts[f]!; k < index.starts[f + 1]!; k++) {
      const kind = index.postKind[k]!;
      out.push({
        claim: index.claims[index.postClaim[k]!]!,
        kind: kind & KIND_MASK,
        unique: (kind & FLAG.unique) !== 0,
        outside: (kind >> SHARED_SHIFT) & SHARED_MAX,
      });
    }
    return out;
  };

  it("finds a key in any sorted array, evenly spread or skewed, and nothing else", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (const skew of [1, 8]) {
      const keys = Float64Array.from(
        new Set(Array.from({ length: 3000 }, () => Math.floor(random() ** skew * 2 ** 53))),
      ).sort();
      for (let i = 0; i < keys.length; i++) expect(findFeature(keys, keys[i]!)).toBe(i);
      for (let i = 0; i < 500; i++) {
        const key = Math.floor(random() ** skew * 2 ** 53);
        expect(findFeature(keys, key)).toBe(keys.indexOf(key));
      }
    }
    expect(findFeature(new Float64Array(0), 5)).toBe(-1);
  });

  it("finds every feature of the index, and nothing else", () => {
    for (let i = 0; i < index.keys.length; i += 97) expect(findFeature(index.keys, index.keys[i]!)).toBe(i);
    expect(findFeature(index.keys, featureKey("no such feature anywhere"))).toBe(-1);
  });

  it("posts a name accused in several records as the actor's, a keyword as evidence", () => {
    expect(postings("sandworm").filter((p) => p.kind === KIND.actor).length).toBeGreaterThan(3);
    const whispergate = postings(stems("WhisperGate", "en").join(" "));
    expect(whispergate.filter((p) => p.kind === KIND.evidence)).toEqual([
      { claim: "ukraine-ministries-2022", kind: KIND.evidence, unique: true, outside: 0 },
    ]);
  });

  it("flags evidence by who else has it: this record alone, its family (related records), or records outside it", () => {
    // "Industroyer" is the 2016 grid attack's and the Sandworm indictment's, which are related.
    const industroyer = postings("industroy").filter((p) => p.kind === KIND.evidence);
    expect(industroyer.map((p) => p.claim).sort()).toEqual(["gru-sandworm-indictment-2020", "ukraine-grid-2016"]);
    for (const p of industroyer) expect(p).toMatchObject({ unique: false, outside: 0 });
    // The FBI is named by records of every actor: it tells none of them apart.
    const fbi = postings("fbi").find((p) => p.claim === "sony-pictures-2014")!;
    expect(fbi.outside).toBe(SHARED_MAX);
  });

  it("keeps, per target, its telling words and the word that heads its own name", () => {
    const no = index.claims.indexOf("sony-pictures-2014");
    const from = index.targetStarts[no]!;
    const to = index.targetStarts[no + 1]!;
    expect(to - from).toBeGreaterThanOrEqual(3);
    let heads = 0;
    for (let t = from; t < to; t++) {
      const info = index.targetInfo.subarray(t * TARGET_FIELDS, (t + 1) * TARGET_FIELDS);
      expect(info[TARGET.words]).toBeGreaterThan(0);
      // What heads a target is one of its telling words; "Sony" heads them, and no other record's target has it.
      expect(info[TARGET.heads]! & ~info[TARGET.telling]!).toBe(0);
      expect(info[TARGET.heads]! & ~info[TARGET.unique]!).toBe(0);
      if (info[TARGET.heads]) heads++;
    }
    expect(heads).toBeGreaterThan(0);
  });

  it("keeps the words of targets and of distinctive phrases for sentence-level evidence", () => {
    expect(postings("ayez").some((p) => p.kind === KIND.phraseWord && p.claim === "ukraine-ministries-2022")).toBe(
      true,
    );
    expect(postings("ukrenergo").some((p) => p.kind === KIND.targetWord && p.claim === "ukraine-grid-2016")).toBe(true);
  });

  it("links related records both ways and keeps each record's dates, packed", () => {
    const no = (id: string) => index.claims.indexOf(id);
    expect(index.related[no("gru-indictment-2018")]).toContain(no("dnc-hack-2016"));
    expect(index.related[no("dnc-hack-2016")]).toContain(no("gru-indictment-2018"));
    const notpetya = unpackDates(index.dateStarts, index.dateSpans, index.dateDays, no("notpetya-2017"));
    expect(notpetya.incident).toEqual({ from: 2017 * 12 + 5, to: 2017 * 12 + 5 });
    expect(notpetya).toEqual(claimDates(claim("notpetya-2017")));
  });
});
