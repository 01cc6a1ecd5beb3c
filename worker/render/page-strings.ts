/**
 * The words of the claim page that the card does not use, in French and English. They
 * live with the server renderer, not in `shared/i18n.ts`, so that the widget's bundle
 * does not carry them.
 *
 * @module
 */
import type { Status, UiLang } from "../../schema/index.ts";

const fr = {
  language: "Langue",
  langName: { fr: "Français", en: "English" },
  skip: "Aller à la fiche",
  summary: "Résumé",
  targets: "Cibles",
  accusations: "Accusations",
  denials: "Démentis",
  consequences: "Suites",
  corrections: "Rectifications",
  correctionsLead: "Ce que des articles ont rapporté à tort, et ce qu’en disent les sources.",
  accuses: "Accuse",
  checked: "vérifiée le",
  unverifiedWhy: "non vérifiée",
  howTo: "Comment lire cette fiche",
  howToText: [
    "Cette fiche rapporte qui affirme quoi au sujet d’une cyberattaque : qui accuse qui, sur quelle base, qui dément, et ce qui a suivi. Elle ne tranche pas : elle ne dit pas qui a raison.",
    "Chaque déclaration est datée et renvoie à ses sources. Chaque source a été comparée à une copie conservée de la page citée ; une source marquée « non vérifiée » n’a pas pu l’être.",
    "La carte résumée montre l’accusation la plus formelle (un acte d’accusation avant une déclaration conjointe de gouvernements, puis celle d’un gouvernement, une note diplomatique ou une conférence de presse, un rapport technique, une campagne, la presse ; à égalité, la plus récente) et le démenti le plus récent du camp mis en cause.",
  ],
  statusLead: "Le statut dit où en est l’attribution, jamais si elle est vraie :",
  statusText: {
    alleged: "au moins une partie accuse, sans attribution officielle d’un gouvernement.",
    "officially-attributed": "au moins un gouvernement a publiquement attribué l’attaque.",
    indicted: "une justice a inculpé des personnes pour l’attaque.",
    disputed: "l’attribution elle-même est publiquement contestée (des parties en désignent d’autres auteurs).",
  } satisfies Record<Status, string>,
  updates: "Mises à jour",
  lastChange: (version: number, date: string) => `Dernière modification : version ${version}, le ${date}.`,
  noHistory: "L’historique des versions de la fiche n’est pas encore publié.",
  version: "Version",
  json: "La fiche en JSON",
  embed: "Pour intégrer cette fiche, collez l’adresse de cette page dans WordPress ou tout site qui lit oEmbed.",
};

/** Every string of the claim page beyond the card's, in one language. */
export type PageStrings = typeof fr;

const en: PageStrings = {
  language: "Language",
  langName: { fr: "Français", en: "English" },
  skip: "Skip to the record",
  summary: "Summary",
  targets: "Targets",
  accusations: "Accusations",
  denials: "Denials",
  consequences: "Consequences",
  corrections: "Corrections",
  correctionsLead: "What news reports got wrong, and what the sources say.",
  accuses: "Accuses",
  checked: "checked on",
  unverifiedWhy: "unverified",
  howTo: "How to read this",
  howToText: [
    "This record reports who says what about a cyberattack: who accuses whom, on what basis, who denies it, and what followed. It does not rule on it: it does not say who is right.",
    "Every statement is dated and links to its sources. Each source was compared with a stored copy of the page it cites; a source marked “unverified” could not be.",
    "The compact card shows the most formal accusation (an indictment before a joint statement by governments, then one government’s, a diplomatic note or a press conference, a technical report, a campaign, the press; between equals, the latest) and the latest denial by the accused’s side.",
  ],
  statusLead: "The status says where attribution stands, never whether it is true:",
  statusText: {
    alleged: "at least one party accuses, with no official attribution by a government.",
    "officially-attributed": "at least one government has publicly attributed the attack.",
    indicted: "prosecutors have charged people over the attack.",
    disputed: "the attribution itself is publicly contested (parties name other authors).",
  },
  updates: "Updates",
  lastChange: (version: number, date: string) => `Last change: version ${version}, on ${date}.`,
  noHistory: "The record’s version history is not published yet.",
  version: "Version",
  json: "The record as JSON",
  embed: "To embed this record, paste this page’s address into WordPress or any site that reads oEmbed.",
};

/** The claim page's strings of each UI language. */
export const PAGE_STRINGS: Record<UiLang, PageStrings> = { fr, en };
