/**
 * The claim page's renderer, on the seed records: the version history the desk team
 * publishes (newest first, with who changed what), the last
 * change while there is none, and the card model's "main" rule that the page explains.
 */
import { describe, expect, it } from "vitest";
import { excerpt, mainAccusation, mainDenial, nameList } from "../../shared/card-model.ts";
import { claimPage } from "../../worker/render/page.ts";
import { seedClaims } from "./seed.ts";

const ORIGIN = "https://claims.example.org";
const claims = seedClaims();
const claim = (id: string) => claims.find((c) => c.id === id)!;

describe("claimPage", () => {
  it("lists a record's version history, newest first, with editor and note", async () => {
    const page = String(
      await claimPage(claim("dnc-hack-2016"), "fr", ORIGIN, {
        history: [
          {
            version: 1,
            updatedAt: "2026-11-23T00:00:00Z",
            editor: "Desk",
            note: "Création de la fiche.",
          },
          { version: 2, updatedAt: "2026-11-29T10:00:00Z", editor: "A. Martin", note: "Sources vérifiées une à une." },
        ],
      }),
    );
    const history = /<ol class="history" reversed>([\s\S]*?)<\/ol>/.exec(page)![1]!;
    const items = [...history.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
    expect(items).toEqual([
      "Version 2 · 29 novembre 2026 · A. Martin : Sources vérifiées une à une.",
      "Version 1 · 23 novembre 2026 · Desk : Création de la fiche.",
    ]);
    expect(page).not.toContain("Dernière modification");
  });

  it("shows the last change while the record has no history", async () => {
    const page = String(await claimPage(claim("dnc-hack-2016"), "en", ORIGIN));
    expect(page).toMatch(/Last change: version \d+, on November 29, 2026\./);
    expect(page).not.toContain('class="history"');
  });
});

describe("the main accusation and the main denial", () => {
  it("takes the most authoritative accusation (an indictment over a technical report), and the latest denial by the accused's side", () => {
    const dnc = claim("dnc-hack-2016");
    expect(mainAccusation(dnc)).toMatchObject({ by: "us-doj", basis: "indictment" });
    expect(mainDenial(dnc)).toMatchObject({ by: "russia", date: "2016-07-26" });
  });

  it("prefers, among equally authoritative accusations, the latest", () => {
    const c = structuredClone(claim("dnc-hack-2016"));
    c.accusations = c.accusations.map((a) => ({ ...a, basis: "government-statement" as const }));
    expect(mainAccusation(c).date).toBe("2018-07-13");
  });

  it("prefers a denial by the accused's side over a later one by another party, and has none when none is on record", () => {
    const c = structuredClone(claim("dnc-hack-2016"));
    c.denials = [...c.denials!, { ...c.denials![0]!, by: "crowdstrike", date: "2020-01-01" }];
    expect(mainDenial(c)?.by).toBe("russia");
    expect(mainDenial(claim("midnight-blizzard-microsoft-2024"))).toBeUndefined();
  });
});

describe("excerpt and nameList", () => {
  it("ends a sentence at its full stop, not at an abbreviation or an initial, and cuts a long one at a word", () => {
    expect(excerpt("Rep. Adam Schiff and the U.S. Deputy Attorney General speak. Then more.", 160)).toBe(
      "Rep. Adam Schiff and the U.S. Deputy Attorney General speak.",
    );
    expect(excerpt("M. Schultz a déclaré que la Russie était visée. Ensuite, rien.", 160)).toBe(
      "M. Schultz a déclaré que la Russie était visée.",
    );
    const cut = excerpt(`${"word ".repeat(50)}end.`, 60);
    expect(cut).toMatch(/^(word )*word…$/);
    expect(cut.length).toBeLessThanOrEqual(61);
  });

  it("shows the first names whole and the rest as +N", () => {
    expect(nameList(["Russia", "GRU", "Unit 26165", "Unit 74455"], 2)).toBe("Russia, GRU +2");
    expect(nameList(["Russia"])).toBe("Russia");
  });
});
