/**
 * Structured data for a claim: schema.org `ClaimReview` of the accusation, as search
 * engines and fact-check aggregators read it. The review's rating is the record's
 * neutral status ("Officially attributed"), never a true/false verdict; accusers are
 * the claim's authors, their statements its appearances, and denials its comments.
 *
 * @module
 */
import type { Claim, Entity, Source, Statement, UiLang } from "../../schema/index.ts";
import { entityName, safeHref } from "../../shared/card-model.ts";
import { STRINGS } from "../../shared/i18n.ts";

type Json = Record<string, unknown>;

const ENTITY_TYPE: Record<Entity["kind"], string> = {
  state: "Country",
  agency: "GovernmentOrganization",
  person: "Person",
  company: "Corporation",
  group: "Organization",
  organization: "Organization",
};

/**
 * The JSON-LD document of a claim.
 *
 * @example
 * claimReview(claim, "https://claims.example.org", "en")["@type"]; // "ClaimReview"
 */
export function claimReview(c: Claim, origin: string, lang: UiLang): Json {
  const t = STRINGS[lang];
  const url = `${origin}/claims/${c.id}`;
  const who = (id: string): Json => {
    const e = c.entities.find((x) => x.id === id);
    return { "@type": e ? ENTITY_TYPE[e.kind] : "Organization", name: entityName(c, id, lang) };
  };
  const work = (s: Source): Json | null => {
    const href = safeHref(s.url);
    return href
      ? {
          "@type": "CreativeWork",
          url: href,
          datePublished: s.date,
          inLanguage: s.lang,
          publisher: { "@type": "Organization", name: s.publisher },
          ...(s.title ? { headline: s.title } : {}),
        }
      : null;
  };
  const appearances = (list: readonly Statement[]) =>
    list.flatMap((s) => s.sources.map(work).filter((w): w is Json => w !== null));
  const first = [...c.accusations].sort((a, b) => (a.date < b.date ? -1 : 1))[0]!;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url,
    inLanguage: lang,
    datePublished: c.updatedAt.slice(0, 10),
    dateModified: c.updatedAt,
    author: { "@type": "Organization", name: "claimcard", url: origin },
    claimReviewed: c.incident.title[lang],
    reviewBody: c.incident.summary[lang],
    reviewRating: { "@type": "Rating", alternateName: t.status[c.status], ratingExplanation: t.neutral },
    about: {
      "@type": "Event",
      name: c.incident.title[lang],
      startDate: c.incident.date,
      ...(c.incident.endDate ? { endDate: c.incident.endDate } : {}),
    },
    itemReviewed: {
      "@type": "Claim",
      author: [...new Set(c.accusations.map((a) => a.by))].map(who),
      datePublished: first.date,
      firstAppearance: appearances([first])[0],
      appearance: appearances(c.accusations),
      comment: (c.denials ?? []).map((d) => ({
        "@type": "Comment",
        author: who(d.by),
        dateCreated: d.date,
        text: d.summary[lang],
      })),
    },
  };
}
