/**
 * The matcher's text analysis (worker/match/stem.ts, text.ts, demonyms.ts): what a
 * reader of the match results notices when it goes wrong is a missed article (a word
 * form that does not meet its record's) or a sentence count that turns a passing
 * mention into a match.
 */
import { describe, expect, it } from "vitest";
import { stem, stemEn, stemFr } from "../../worker/match/stem.ts";
import { foldText, sentences, stems } from "../../worker/match/text.ts";

describe("the light stemmers", () => {
  it.each([
    ["piratage", "pirat"],
    ["piratés", "pirat"],
    ["pirater", "pirat"],
    ["ukrainiennes", "ukrain"],
    ["nationaux", "national"],
    ["attendez", "attend"],
    ["attendre", "attend"],
    ["chinois", "chin"],
    ["parlement", "parlement"],
  ])("French: %s → %s", (word, expected) => {
    expect(stemFr(foldText(word))).toBe(expected);
  });

  it.each([
    ["hackers", "hack"],
    ["hacking", "hack"],
    ["hacked", "hack"],
    ["agencies", "agency"],
    ["indicted", "indict"],
    ["indictment", "indict"],
    ["Russian", "russ"],
    ["Russia", "russ"],
  ])("English: %s → %s", (word, expected) => {
    expect(stemEn(foldText(word))).toBe(expected);
  });

  it("leaves numbers and short words alone, and applies the language it is given", () => {
    expect(stem("74455", "en")).toBe("74455");
    expect(stem("gru", "fr")).toBe("gru");
    // French -er makes verbs, English -er agents: the same word stems by its language's rule.
    expect(stem("pirater", "fr")).toBe("pirat");
    expect(stem("servers", "en")).toBe("serv");
  });
});

describe("stems of a text", () => {
  it("drops function words and brings demonyms and two-word country names to one token", () => {
    expect(stems("Des pirates chinois ont visé le Royaume-Uni", "fr")).toEqual(["pirat", "china", "vis", "britain"]);
    expect(stems("Chinese hackers targeted the United States", "en")).toEqual(["china", "hack", "target", "usa"]);
  });

  it("joins the digit groups of thousands, so that $95,000 never yields a stray 000", () => {
    expect(stems("They laundered $95,000 and 225 000 clients lost power", "en")).toContain("95000");
    expect(stems("They laundered $95,000", "en")).not.toContain("000");
    expect(foldText("21,5 millions en 2015")).toBe("21 5 millions en 2015");
  });
});

describe("sentences", () => {
  const split = (text: string) => sentences(text).map((s) => text.slice(s.start, s.end));

  it("does not end a sentence after an initial or an abbreviation", () => {
    expect(split("U.S. officials said on Dec. 23 that Mr. Smith left. Then it rained.")).toEqual([
      "U.S. officials said on Dec. 23 that Mr. Smith left.",
      "Then it rained.",
    ]);
  });

  it("ends one at a line break, and keeps a French closing guillemet with its sentence", () => {
    expect(split("« C'est grave. » Puis il est parti.\nNouvelle ligne")).toEqual([
      "« C'est grave. »",
      "Puis il est parti.",
      "Nouvelle ligne",
    ]);
  });

  it("keeps offsets into the original text", () => {
    const text = "  One here.   Two there!  ";
    for (const s of sentences(text)) expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
    expect(split(text)).toEqual(["One here.", "Two there!"]);
  });
});
