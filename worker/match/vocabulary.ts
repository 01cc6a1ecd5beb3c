/**
 * Word lists of the matcher, in natural French and English, stemmed once at load:
 * the domain's common words (too frequent in news about cyberattacks to tell one incident
 * from another) and the words that say an article is about a cyberattack at all.
 *
 * @module
 */

import { featureKey } from "./feature-key.ts";
import { EVERYDAY, FAMILIAR } from "./general-words.ts";
import { stems } from "./text.ts";

/**
 * Words every story in this domain uses, and the leaders every political story names. They never count as evidence on their own;
 * they still take part in phrases ("Comité national démocrate").
 */
const COMMON = `
cyberattaque cyberattaques cyber-attaque attaque attaques attaquer attack attacks attacked cyberattack cyberattacks
piratage pirater pirate pirates piraté hacker hackers hacking hack hacked informatique informatiques computer computers
sécurité security cybersécurité cybersecurity gouvernement gouvernements government governments gouvernemental
président présidente president presidential présidentielle élection élections election elections électoral électorale electoral vote
campagne campagnes campaign campaigns courriel courriels email emails e-mail mail mails message messages
données data service services système systèmes system systems réseau réseaux network networks serveur serveurs server servers
officiel officiels officielle official officials ministère ministères ministry ministries ministre ministres minister ministers
agence agences agency agencies rapport rapports report reports accusation accusations accuser accusé accusés accuse accused accuses
démenti démentis démentir dément deny denies denied denial nier nié rejette rejected
état états state states unis united pays country countries nation national nationale nationaux international internationale monde world
politique politiques political politics responsable responsables public publique publics document documents information informations
renseignement renseignements intelligence enquête enquêtes investigation investigations affaire affaires case groupe groupes group groups
déclaration déclarations statement statements déclaré déclare affirme affirmé porte-parole spokesman spokeswoman spokesperson
journaliste journalistes reporters presse press news nouvelle nouvelles article médias media
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
january february march april may june july august september october november december
lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday
hier aujourd'hui demain yesterday today tomorrow semaine mois année an ans month months
américain américaine américains américaines american americans occidental occidentaux western west
site sites web internet ligne online ordinateur ordinateurs preuve preuves evidence fait faits fact facts
tentative tentatives attempt attempts opération opérations operation operations activité activités activity activities
menace menaces threat threats cible cibles ciblé target targets targeted victime victimes victim victims
chef chief directeur director secrétaire secretary haut haute senior responsable leader dirigeant dirigeants
étranger étrangère étrangers foreign affaires étrangères relations relation tensions tension
trump donald putin poutine vladimir obama barack biden joe macron emmanuel
`;

/**
 * Words and phrases that say a text is about a cyberattack, one per comma. One of them,
 * a word starting with "cyber", or an APT group's name must appear for any match.
 */
const CYBER = `
piratage, pirater, piraté, pirates, hacker, hackers, hacking, hacked, intrusion informatique, intrusions informatiques,
malware, maliciel, logiciel malveillant, logiciels malveillants, rançongiciel, ransomware, phishing, hameçonnage,
spear phishing, défacement, defacement, defaced, sites défigurés, ddos, déni de service, denial of service, wiper,
espionnage informatique, computer intrusion, network intrusion, data breach, breached, exfiltration, exfiltré, APT,
leak, leaked, leaking, leaks, fuite de courriels, fuites de courriels, fuite de données, courriels volés, emails volés,
stolen emails, stolen documents, documents volés, WikiLeaks, infiltré, infiltrés, infiltrated, compromission,
wifi, wi-fi network, réseau wi-fi, sécurité informatique, sécurité numérique, computer security, digital security,
information security, cybersécurité
`;

/** Stems of the domain's common words. */
export const COMMON_STEMS = new Set(stems(COMMON));

const YEAR = /^(19|20)\d\d$/;

/**
 * How much a single word can tell, from 0 to 1: 0 for the domain's common words, the
 * 3,000 most frequent words of French and English, years and very short words; 0.4 for
 * the next 5,000 most frequent words; 1 for rarer ones (names, "bitcoin", "WhisperGate").
 *
 * @example
 * rarity("night");    // 0
 * rarity("fancy");    // 0.4
 * rarity("skripal");  // 1
 */
export function rarity(stem: string): number {
  if (stem.length < 3 || COMMON_STEMS.has(stem) || EVERYDAY.has(stem) || YEAR.test(stem)) return 0;
  return FAMILIAR.has(stem) ? 0.4 : 1;
}

/** Keys (see `hash.ts`) of the cyberattack words and phrases, as space-joined stems. */
export const CYBER_KEYS = new Set(
  CYBER.split(",")
    .map((p) => stems(p).join(" "))
    .filter(Boolean)
    .map(featureKey),
);
