/**
 * Demonyms and adjectives of the countries that records accuse, brought to one token,
 * so that "des pirates chinois" or "North Korean hackers" name the country as
 * "Chine" or "North Korea" do. The light stemmers cannot do it: `chinese` and `china`
 * share no ending rule. Only words that name one country and nothing else are listed.
 * Two-word country names ("Royaume-Uni", "United States") become one token too, so that
 * they count as one word, not two.
 *
 * @module
 */
import { stemEn, stemFr } from "./stem.ts";

/** Each group's first word is the token the others become. */
const GROUPS = [
  "china chine chinois chinoise chinese",
  "korea coree coreen coreenne korean",
  "germany allemagne allemand allemande german",
  "norway norvege norvegien norvegienne norwegian",
  "netherlands neerlandais neerlandaise dutch",
  "belarus bielorussie bielorusse belarusian",
  "britain british britannique",
  "france francais francaise french",
];

/**
 * Stem (in either language) → the token it stands for.
 *
 * @example
 * CANONICAL.get("chin"); // "china"
 */
export const CANONICAL: ReadonlyMap<string, string> = new Map(
  GROUPS.flatMap((group) => {
    const [canon, ...rest] = group.split(" ") as [string, ...string[]];
    return [canon, ...rest].flatMap((w) => [
      [w, canon],
      [stemFr(w), canon],
      [stemEn(w), canon],
    ]) as Array<[string, string]>;
  }),
);

/** Two words that together name one country, and the token they become. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["royaume uni", "britain"],
  ["united kingdom", "britain"],
  ["etats unis", "usa"],
  ["etat uni", "usa"],
  ["united states", "usa"],
];

/**
 * Pairs of tokens already brought to their country ("nord-coréen" is `nord korea`): North
 * Korea is one token, `dprk`, so that "North Korea" names a state (the accused, not
 * evidence of an incident) and "Korea" alone (South Korea, PyeongChang) does not.
 */
const CANONICAL_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["north korea", "dprk"],
  ["nord korea", "dprk"],
  ["korea nord", "dprk"],
];

/**
 * "stem stem" (in either language) → the token the two stems become.
 *
 * @example
 * JOINS.get("etat unis"); // "usa"
 * JOINS.get("north korea"); // "dprk"
 */
export const JOINS: ReadonlyMap<string, string> = new Map([
  ...PAIRS.flatMap(([words, token]) => {
    const [a, b] = words.split(" ") as [string, string];
    return [stemFr, stemEn].flatMap((stemA) =>
      [stemFr, stemEn].map((stemB): [string, string] => [`${stemA(a)} ${stemB(b)}`, token]),
    );
  }),
  ...CANONICAL_PAIRS.map(([pair, token]): [string, string] => [pair, token]),
]);
