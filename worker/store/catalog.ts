/**
 * The list index: one compact entry per claim, sorted newest incident first, and the
 * names under which each entity can be asked for. `GET /v1/claims` filters and pages it
 * after a single KV read.
 *
 * @module
 */
import {
  type Claim,
  type ClaimSummary,
  type Entity,
  type ListQuery,
  type Localized,
  type UiLang,
  withAncestors,
} from "../../schema/index.ts";
import { LIST_LIMIT } from "../../shared/constants.ts";
import { fold } from "../match/fold.ts";

/** One claim in the list index. Entity lists include ancestors: the GRU implies Russia. */
export interface CatalogEntry {
  id: string;
  version: number;
  updatedAt: string;
  status: Claim["status"];
  date: string;
  title: Localized;
  summary: Localized;
  accused: string[];
  accusers: string[];
  topics: string[];
}

/** The list index as stored under `index:catalog`. */
export interface Catalog {
  /** Changes whenever any record changes. */
  generation: string;
  entries: CatalogEntry[];
  /** Folded id, name or alias → the ids of the entities it names. */
  names: Record<string, string[]>;
}

/**
 * Builds the list index from full records.
 *
 * @example
 * const catalog = buildCatalog(claims, "g1");
 */
export function buildCatalog(claims: readonly Claim[], generation: string): Catalog {
  const names: Record<string, string[]> = Object.create(null);
  const entries = claims.map((claim) => {
    const byId = new Map(claim.entities.map((e) => [e.id, e]));
    for (const e of claim.entities) for (const name of entityNames(e)) addName(names, name, e.id);
    return {
      id: claim.id,
      version: claim.version,
      updatedAt: claim.updatedAt,
      status: claim.status,
      date: claim.incident.date,
      title: claim.incident.title,
      summary: claim.incident.summary,
      accused: withAncestors(claim.accused, byId).map((e) => e.id),
      accusers: withAncestors(
        claim.accusations.map((a) => a.by),
        byId,
      ).map((e) => e.id),
      topics: claim.topics,
    };
  });
  entries.sort(compareEntries);
  return { generation, entries, names };
}

/**
 * Filters and pages the catalog. The cursor is the sort key of the last item returned,
 * so a page stays correct when claims are added or removed between two requests.
 *
 * @example
 * pageCatalog(catalog, { accused: "APT28", limit: 10 });
 */
export function pageCatalog(catalog: Catalog, query: ListQuery): { items: ClaimSummary[]; cursor: string | null } {
  const lang: UiLang = query.lang ?? "en";
  const limit = query.limit ?? LIST_LIMIT.default;
  const accused = query.accused === undefined ? undefined : new Set(named(catalog, query.accused));
  const accuser = query.accuser === undefined ? undefined : new Set(named(catalog, query.accuser));
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);

  const items: ClaimSummary[] = [];
  let last: CatalogEntry | undefined;
  let more = false;
  for (const e of catalog.entries) {
    if (after && compareEntries(e, after) <= 0) continue;
    if (accused && !e.accused.some((id) => accused.has(id))) continue;
    if (accuser && !e.accusers.some((id) => accuser.has(id))) continue;
    if (query.topic !== undefined && !e.topics.includes(query.topic)) continue;
    if (query.status !== undefined && e.status !== query.status) continue;
    if (query.since !== undefined && e.date.padEnd(10, "~") < query.since) continue;
    if (query.updatedSince !== undefined && Date.parse(e.updatedAt) < Date.parse(query.updatedSince)) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(summarize(e, lang));
    last = e;
  }
  return { items, cursor: more && last ? encodeCursor(last) : null };
}

/** The entities a name, alias or id names. Own keys only: "constructor" names nobody. */
function named(catalog: Catalog, name: string): string[] {
  const key = fold(name);
  return Object.hasOwn(catalog.names, key) ? (catalog.names[key] ?? []) : [];
}

function summarize(e: CatalogEntry, lang: UiLang): ClaimSummary {
  return {
    id: e.id,
    version: e.version,
    updatedAt: e.updatedAt,
    status: e.status,
    date: e.date,
    lang,
    title: e.title[lang],
    summary: e.summary[lang],
    accused: e.accused,
    accusers: e.accusers,
    topics: e.topics,
    href: `/v1/claims/${e.id}`,
  };
}

/** Newest incident first; ties by id, so that the order is total. */
function compareEntries(a: Pick<CatalogEntry, "date" | "id">, b: Pick<CatalogEntry, "date" | "id">): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function encodeCursor(e: CatalogEntry): string {
  return btoa(`${e.date}|${e.id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeCursor(cursor: string): Pick<CatalogEntry, "date" | "id"> | undefined {
  try {
    const [date, id] = atob(cursor.replace(/-/g, "+").replace(/_/g, "/")).split("|");
    return date !== undefined && id !== undefined ? { date, id } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tells whether a cursor string is one this API could have issued.
 *
 * @example
 * isValidCursor("MjAxNi0wN3xkbmMtaGFjay0yMDE2"); // true
 */
export function isValidCursor(cursor: string): boolean {
  const c = decodeCursor(cursor);
  return c !== undefined && /^\d{4}(-\d{2}){0,2}$/.test(c.date) && /^[a-z0-9-]{1,64}$/.test(c.id);
}

function entityNames(e: Entity): string[] {
  return [e.id, e.name.fr, e.name.en, ...e.aliases];
}

function addName(names: Record<string, string[]>, name: string, id: string): void {
  const key = fold(name);
  if (!key) return;
  let ids = names[key];
  if (!ids) {
    ids = [];
    names[key] = ids;
  }
  if (!ids.includes(id)) ids.push(id);
}
