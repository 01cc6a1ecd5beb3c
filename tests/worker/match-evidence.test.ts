/**
 * Reading an article (worker/match/evidence.ts): where the story starts on a page with
 * menus and teasers before it, which dates are the article's own, which sentences look
 * back at an earlier story, and what the headline names. The matcher's decisions rest on
 * these, so they are tested on their own, on the real records.
 */
import { describe, expect, it } from "vitest";
import { buildMatchIndex } from "../../worker/match/build-index.ts";
import { collectEvidence } from "../../worker/match/evidence.ts";
import { sentences } from "../../worker/match/text.ts";
import { seedClaims } from "./seed.ts";

const index = buildMatchIndex(seedClaims(), "test");
const read = (article: { title?: string; text: string; url?: string }) =>
  collectEvidence(index, article, sentences(article.text))!;

describe("collectEvidence", () => {
  it("starts the story at the sentence that repeats the title, after the page's teasers", () => {
    const text = [
      "Cycling route of the year is in France",
      "A 700km bike path has been crowned winner of the 2026 title",
      "Isis hackers take over French TV",
      "TV5Monde suffers an unprecedented attack, with a blackout affecting its 11 channels.",
      "Hackers claiming to belong to Islamic State hijacked the broadcaster overnight and took over its website.",
    ].join("\n");
    const ev = read({ title: "Isis hackers take over French TV", text });
    // Units: 0 is the title, sentence i is unit i + 1.
    expect(ev.lead.slice(1, 3)).toEqual([false, false]);
    expect(ev.lead.slice(3, 6)).toEqual([true, true, true]);
    expect(ev.lede).toBe(4);
  });

  it("takes a dated line just before the title as the article's own date, and a teaser's year as nothing of the kind", () => {
    const text =
      "menu icon search icon\n20 Oct, 2020 05:06\nEmbassy rejects new US claims\nThe embassy said the charges against six officers had nothing to do with reality.";
    const ev = read({ title: "Embassy rejects new US claims", text });
    expect(ev.dates).toContainEqual(expect.objectContaining({ from: 2020 * 12 + 9, lead: true, weight: 1 }));
  });

  it("marks sentences that look back at an earlier story", () => {
    const text =
      "The software maker said the intrusion was the work of APT29, the Russian group also behind the hacking of SolarWinds.\nAPT29, aussi appelé Cozy Bear, a gagné en notoriété en piratant le logiciel Orion de SolarWinds.\nThe company said it had cut the attackers off.";
    const ev = read({ text });
    expect(ev.background.slice(1, 4)).toEqual([true, true, false]);
  });

  it("knows which accused the headline names", () => {
    const ev = read({
      title: "Piratages : de Moscou à Téhéran, les campagnes américaines visées",
      text: "Deux enquêtes sur des piratages de campagnes électorales.",
    });
    const named = [...ev.headlineLineage].map((e) => index.entities[e]);
    expect(named).toEqual(expect.arrayContaining(["russia", "iran"]));
  });
});
