/**
 * Language detection (worker/match/language.ts): an article in another language must get
 * no card, and a French or English one must not be refused.
 */
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../worker/match/language.ts";
import { foldText } from "../../worker/match/text.ts";

const detect = (text: string) => detectLanguage(foldText(text));

describe("detectLanguage", () => {
  it("tells French and English", () => {
    expect(detect("Les pirates ont visé le ministère et les banques, selon les autorités.")).toBe("fr");
    expect(detect("The hackers targeted the ministry and the banks, according to officials.")).toBe("en");
  });

  it.each([
    ["es", "El ataque fue atribuido a un grupo ruso por el gobierno de los Estados Unidos."],
    ["de", "Der Angriff wurde von der Bundesregierung einer russischen Gruppe zugeschrieben und ist nicht neu."],
    ["pt", "O ataque foi atribuído a um grupo russo pelo governo dos Estados Unidos, que não deu detalhes."],
    ["nl", "De aanval werd door de regering aan een Russische groep toegeschreven en het is niet de eerste."],
    ["no", "Angrepet ble tilskrevet en russisk gruppe, og det er ikke første gang det skjer med Stortinget."],
    ["ar", "نسبت الحكومة الهجوم إلى مجموعة روسية وقالت إنه ليس الأول من نوعه."],
  ])("refuses %s", (_lang, text) => {
    expect(detect(text)).toBe("other");
  });

  it("cannot tell from a name alone", () => {
    expect(detect("WannaCry")).toBeNull();
  });
});
