/**
 * Word lists of the matcher, in natural French and English, stemmed once at load with
 * both stemmers:
 *
 * - the domain's common words, too frequent in news about cyberattacks to tell one
 *   incident from another ("attaque", "indictment", "special counsel", "malware");
 * - the words and phrases that say a text is about a cyberattack at all ("piratage",
 *   "intrusion", "accès aux réseaux", "hameçonnage", "spear-phishing");
 * - first names, which tell nothing alone ("Dmitri" is three different people in the
 *   records) and only count inside a full name.
 *
 * @module
 */
import { featureKey } from "./feature-key.ts";
import { EVERYDAY, FAMILIAR } from "./general-words.ts";
import { foldText, stemsOfFolded } from "./text.ts";

/**
 * Words every story in this domain uses, and the leaders every political story names.
 * They never count as evidence on their own; they still take part in phrases
 * ("Comité national démocrate").
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
inculpation inculpations inculpé inculpés inculper indictment indictments indict indicted charges charged accusé
acte d'accusation procureur procureurs prosecutor prosecutors justice tribunal court juge judge
special counsel procureur spécial conseiller spécial
malware malwares logiciel logiciels software virus maliciel espion espionnage espionage spy spies
sanction sanctions sanctionner sanctioned diplomate diplomates diplomat diplomats ambassade embassy ambassador ambassadeur
entreprise entreprises company companies société sociétés firm firms chercheur chercheurs researcher researchers expert experts
militaire militaires military armée army officier officiers officer officers agent agents
compte comptes account accounts mot passe password passwords identifiants credentials
`;

/**
 * Words and phrases that say a text is about a cyberattack, one per comma. One of them,
 * a word starting with "cyber", or a hacking group's name must appear for any match;
 * in one sentence with the accused and a target, one of them makes strong evidence.
 */
const CYBER = `
piratage, pirater, piraté, pirates, pirate informatique, pirates informatiques, hacker, hackers, hacking, hacked, hack,
intrusion, intrusions, intrusion informatique, intrusions informatiques, infiltration, infiltré, infiltrés, infiltrated,
accès aux réseaux, accès au réseau, accès aux systèmes, accès non autorisé, unauthorized access, gained access, network access,
malware, maliciel, logiciel malveillant, logiciels malveillants, rançongiciel, ransomware, logiciel espion, spyware,
phishing, hameçonnage, spear phishing, spear-phishing, harponnage, password spray, pulvérisation de mots de passe,
défacement, défiguration, défiguré, defacement, defaced, sites défigurés, ddos, déni de service, denial of service, botnet,
wiper, effaceur, logiciel destructeur, destructive malware, ver informatique, worm, cheval de troie, trojan, backdoor, porte dérobée,
espionnage informatique, cyberespionnage, cyber-espionnage, computer intrusion, network intrusion, data breach, breach, breached,
violation de données, fuite de données, vol de données, données volées, stolen data, exfiltration, exfiltré, exfiltrated,
compromission, compromis, compromised, zero-day, faille, vulnérabilité, vulnerability, exploit, exploited,
leak, leaked, leaking, leaks, fuite de courriels, fuites de courriels, courriels volés, emails volés, stolen emails,
stolen documents, documents volés, WikiLeaks, APT, supply chain attack, attaque de la chaîne d'approvisionnement,
wifi, wi-fi network, réseau wi-fi, sécurité informatique, sécurité numérique, computer security, digital security,
information security, cybersécurité, cyberguerre, cyberwar, cyberwarfare, cyber
`;

/** First names met in news of the domain. Alone, they tell nothing. */
const FIRST_NAMES = `
alexander alexandre alexei alexey aleksei alexsey anatoli anatoliy andrei andrey anna anne antony artem barack ben bernie bill boris
christopher dmitri dmitry dmitriy dimitri donald edi emmanuel evgeni evgenii evgeny evgueni george guillaume hillary igor ilya ine iouri ivan
james jean jeremy john joe katherine kevin kim liu marianne mary masoud michael mikhail mykhailo nikolai oleg oliver onno pavel paul peter petr piotr
robert robby rod sergei sergey serguei sergueï stewart steven tim tom viktor vladimir william wu xu yuri yuriy zhang zhu zhao wang
`;

/** Stems of a word list, with both stemmers. */
function bothStems(list: string): Set<string> {
  const folded = foldText(list);
  return new Set([...stemsOfFolded(folded, "fr"), ...stemsOfFolded(folded, "en")]);
}

/** Stems of the domain's common words. */
export const COMMON_STEMS: ReadonlySet<string> = bothStems(COMMON);

/** Stems of first names. */
export const FIRST_NAME_STEMS: ReadonlySet<string> = bothStems(FIRST_NAMES);

const YEAR = /^(19|20)\d\d$/;
const NUMBER = /^\d+$/;

/**
 * How much a single word can tell, from 0 to 1: 0 for the domain's common words, the
 * 3,000 most frequent words of French and English, first names, years, numbers of fewer
 * than four digits and very short words; 0.4 for the next 5,000 most frequent words; 1
 * for rarer ones (names, "bitcoin", "WhisperGate", "74455").
 *
 * @example
 * rarity("night");    // 0
 * rarity("fancy");    // 0.4
 * rarity("skripal");  // 1
 */
export function rarity(stem: string): number {
  if (stem.length < 3 || COMMON_STEMS.has(stem) || EVERYDAY.has(stem) || FIRST_NAME_STEMS.has(stem)) return 0;
  if (NUMBER.test(stem)) return stem.length >= 4 && !YEAR.test(stem) ? 1 : 0;
  return FAMILIAR.has(stem) ? 0.4 : 1;
}

/** Keys (see `feature-key.ts`) of the cyberattack words and phrases, as space-joined stems in either language. */
export const CYBER_KEYS: ReadonlySet<number> = new Set(
  CYBER.split(",").flatMap((p) => {
    const folded = foldText(p);
    return [stemsOfFolded(folded, "fr").join(" "), stemsOfFolded(folded, "en").join(" ")]
      .filter(Boolean)
      .map(featureKey);
  }),
);
