/**
 * Dates, to weigh an article against an incident's time. An article about an incident
 * speaks of its days ("nuit du 13 au 14 janvier 2022") or of the days its attribution,
 * denials and indictments were made; a story on another incident by the same actor
 * speaks of other months ("in December 2023"). So the explicit dates of an article (in
 * French and English forms, ISO and numeric forms, and the date in its URL's path, its
 * publication day) are read, and each is compared with every date of a record: the
 * incident's span and the day of every statement and consequence.
 *
 * Dates are kept as month numbers (`year × 12 + month`), with a span for a year alone
 * ("en 2016" covers January to December), because a month is what news and records
 * both give reliably; days add nothing that months do not.
 *
 * @module
 */
import type { Claim } from "../../schema/index.ts";

/** A span of months, inclusive: `year × 12 + (month − 1)`. */
export interface MonthSpan {
  from: number;
  to: number;
}

/** An explicit date of the article and how much it says about the article's own time. */
export interface DateMention extends MonthSpan {
  /** 1 for the URL's date, the title and the lead; less in the body and for a year alone. */
  weight: number;
  /** The publication date, from the URL. */
  published: boolean;
  /** From the URL, the title or the lead: the article's own time, not background. */
  lead: boolean;
  /** The publication day (days since 1970), when the URL gives it. */
  day?: number;
}

/** A record's dates: the incident's span, and the months of its statements and consequences. */
export interface ClaimDates {
  incident: MonthSpan;
  events: MonthSpan[];
  /** The incident's first day (days since 1970), when the record gives it; 0 otherwise. */
  startDay: number;
}

const MONTHS: Record<string, number> = {};
for (const [i, names] of [
  "janvier january jan janv",
  "fevrier february feb fev fevr",
  "mars march mar",
  "avril april apr avr",
  "mai may",
  "juin june jun",
  "juillet july jul juil",
  "aout august aug",
  "septembre september sep sept",
  "octobre october oct",
  "novembre november nov",
  "decembre december dec",
].entries())
  for (const name of names.split(" ")) MONTHS[name] = i;

const MONTH_NAMES = Object.keys(MONTHS).join("|");
const YEAR = "(?:19[89]\\d|20[0-4]\\d)";
/** "13 janvier 2022", "january 13 2022", "december 2023", "dec 23 2015" (folded text). */
const NAMED = new RegExp(`\\b(${MONTH_NAMES}) (?:\\d{1,2} )?(${YEAR})\\b`, "g");
/** "17 decembre" and "december 17" with no year after them: a day the article speaks of, its year left to the reader. */
const DAY_MONTH = new RegExp(`\\b([12]?\\d|3[01]) (${MONTH_NAMES})\\b(?! (?:\\d{1,2} )?${YEAR}\\b)`, "g");
const MONTH_DAY = new RegExp(`\\b(${MONTH_NAMES}) ([12]?\\d|3[01])\\b(?! ${YEAR}\\b)`, "g");

/** A day and month without a year ("le samedi 17 décembre"), as `month × 32 + day`. */
export interface DayMention {
  monthDay: number;
  weight: number;
  lead: boolean;
}

/**
 * The days of the year an article names without a year (news says "on 27 June" of a
 * current event): they support a record whose incident began that day.
 *
 * @example
 * daysInFolded("le samedi 17 decembre", 1, true); // [{ monthDay: 11 * 32 + 17, weight: 1, lead: true }]
 */
export function daysInFolded(folded: string, weight: number, lead: boolean): DayMention[] {
  const out: DayMention[] = [];
  for (const m of folded.matchAll(DAY_MONTH)) {
    const day = Number(m[1]);
    if (day >= 1) out.push({ monthDay: MONTHS[m[2]!]! * 32 + day, weight, lead });
  }
  for (const m of folded.matchAll(MONTH_DAY)) {
    const day = Number(m[2]);
    if (day >= 1) out.push({ monthDay: MONTHS[m[1]!]! * 32 + day, weight, lead });
  }
  return out;
}

/** "2020 10 19" (ISO, folded) and "20 07 2021" (day month year, folded). */
const ISO = new RegExp(`\\b(${YEAR}) (0[1-9]|1[0-2]) (?:0[1-9]|[12]\\d|3[01])\\b`, "g");
const DMY = new RegExp(`\\b(?:0?[1-9]|[12]\\d|3[01]) (0?[1-9]|1[0-2]) (${YEAR})\\b`, "g");
/** "01 16 2022" (American month day year, folded), when the day cannot be a month. */
const MDY = new RegExp(`\\b(0?[1-9]|1[0-2]) (?:1[3-9]|2\\d|3[01]) (${YEAR})\\b`, "g");
const YEAR_ALONE = new RegExp(`\\b(${YEAR})\\b`, "g");

/** Weight of a year alone ("en 2016"), relative to a month: often background ("the 2016 election"). */
const YEAR_ONLY_WEIGHT = 0.5;

/**
 * The explicit dates in a piece of folded text (see `foldText`), each with `weight`
 * (halved for a year alone).
 *
 * @example
 * datesInFolded("dans la nuit du 13 au 14 janvier 2022 en 2016", 1);
 * // [{ from: 24264, to: 24264, weight: 1, published: false }, { from: 24192, to: 24203, weight: 0.5, published: false }]
 */
export function datesInFolded(folded: string, weight: number, lead = weight >= 1): DateMention[] {
  if (!/\d{4}/.test(folded)) return [];
  const out: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const month = (y: string, m: number, at: number, length: number) => {
    const n = Number(y) * 12 + m;
    out.push({ from: n, to: n, weight, published: false, lead });
    taken.push([at, at + length]);
  };
  for (const m of folded.matchAll(NAMED)) month(m[2]!, MONTHS[m[1]!]!, m.index, m[0].length);
  for (const m of folded.matchAll(ISO)) month(m[1]!, Number(m[2]) - 1, m.index, m[0].length);
  for (const m of folded.matchAll(DMY)) month(m[2]!, Number(m[1]) - 1, m.index, m[0].length);
  for (const m of folded.matchAll(MDY)) month(m[2]!, Number(m[1]) - 1, m.index, m[0].length);
  for (const m of folded.matchAll(YEAR_ALONE)) {
    if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const y = Number(m[1]) * 12;
    out.push({ from: y, to: y + 11, weight: weight * YEAR_ONLY_WEIGHT, published: false, lead });
  }
  return out;
}

/** /2016/12/ and /2017/09/07/; 201412 and 20210720 as a path segment or its start; 2017-04-25. Day optional. */
const URL_DATES = [
  new RegExp(`(?:^|/)(${YEAR})/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\\d|3[01]))?(?=/)`),
  new RegExp(`(?:^|[/_-])(${YEAR})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])?(?=[/_.-]|$)`),
  new RegExp(`(?:^|[/_-])(${YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)`),
];

/** Days since 1970 of a year, month (1–12) and day. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * The publication month in an article URL's path, if it has one, and its day when the
 * path gives it.
 *
 * @example
 * dateInUrl("https://www.cnn.com/2022/02/16/europe/ukraine-cyber/index.html");
 * // { from: 24265, to: 24265, weight: 1, published: true, lead: true, day: 19039 }
 * dateInUrl("https://example.org/news/3789554.html"); // null
 */
export function dateInUrl(url: string | undefined): DateMention | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const re of URL_DATES) {
    const m = re.exec(path);
    if (m) {
      const n = Number(m[1]) * 12 + Number(m[2]) - 1;
      const mention: DateMention = { from: n, to: n, weight: 1, published: true, lead: true };
      if (m[3]) mention.day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
      return mention;
    }
  }
  return null;
}

/**
 * The span of months of an ISO date of any precision (`2016`, `2016-06`, `2016-06-14`).
 *
 * @example
 * monthSpan("2016");    // { from: 24192, to: 24203 }
 * monthSpan("2016-06"); // { from: 24197, to: 24197 }
 */
export function monthSpan(date: string): MonthSpan {
  const y = Number(date.slice(0, 4)) * 12;
  if (date.length < 7) return { from: y, to: y + 11 };
  const n = y + Number(date.slice(5, 7)) - 1;
  return { from: n, to: n };
}

/**
 * A record's dates: the incident from its start to its end, and each statement's and
 * consequence's date.
 *
 * @example
 * claimDates(claim); // { incident: { from: …, to: … }, events: [{ from: …, to: … }, …] }
 */
export function claimDates(c: Claim): ClaimDates {
  const start = monthSpan(c.incident.date);
  const end = c.incident.endDate ? monthSpan(c.incident.endDate) : start;
  const events = [...c.accusations, ...(c.denials ?? []), ...(c.consequences ?? [])].map((s) => monthSpan(s.date));
  const d = c.incident.date;
  const startDay = d.length >= 10 ? dayNumber(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))) : 0;
  return { incident: { from: start.from, to: Math.max(start.to, end.to) }, events, startDay };
}

/**
 * Every record's dates packed in typed arrays, so that the stored index carries them
 * without JSON (10,000 records' dates as JSON take longer to parse than a match takes):
 * record `c`'s spans are `spans[2 × starts[c]]` … `spans[2 × starts[c + 1]]`, as
 * (from, to) pairs, the incident first; `days[c]` is its first day, or 0.
 *
 * @example
 * const { starts, spans, days } = packDates(claims.map(claimDates));
 */
export function packDates(list: readonly ClaimDates[]): { starts: Uint32Array; spans: Uint16Array; days: Uint16Array } {
  const starts = new Uint32Array(list.length + 1);
  const all: number[] = [];
  list.forEach((d, i) => {
    starts[i] = all.length / 2;
    for (const span of [d.incident, ...d.events]) all.push(span.from, span.to);
  });
  starts[list.length] = all.length / 2;
  return { starts, spans: Uint16Array.from(all), days: Uint16Array.from(list.map((d) => d.startDay)) };
}

/**
 * One record's dates, from {@link packDates}' arrays.
 *
 * @example
 * unpackDates(index.dateStarts, index.dateSpans, index.dateDays, 3); // { incident: { from, to }, events: [...], startDay }
 */
export function unpackDates(starts: Uint32Array, spans: Uint16Array, days: Uint16Array, claim: number): ClaimDates {
  const first = starts[claim]!;
  const end = starts[claim + 1]!;
  const events: MonthSpan[] = [];
  for (let i = first + 1; i < end; i++) events.push({ from: spans[2 * i]!, to: spans[2 * i + 1]! });
  return { incident: { from: spans[2 * first]!, to: spans[2 * first + 1]! }, events, startDay: days[claim] ?? 0 };
}

/** Months between two spans (0 when they overlap). */
function gap(a: MonthSpan, b: MonthSpan): number {
  if (a.to < b.from) return b.from - a.to;
  if (b.to < a.from) return a.from - b.to;
  return 0;
}

/** How an article's dates bear on a record. */
export interface DateVerdict {
  /** Weight of dates within a month of the incident or of one of its statements. */
  support: number;
  /** Of those, the weight of month-precise dates within a month of the incident itself, when it lasted a few months at most (a month inside a four-year campaign tells little). */
  incident: number;
  /** Weight of dates a year or more after the incident's start and from every statement. */
  against: number;
  /** The article was published before the incident began: by its day when the URL and the record both give one, else by more than a month. */
  predates: boolean;
  /** Of {@link support} and {@link against}, the weight of the article's own dates (URL, title, lead). */
  leadSupport: number;
  leadAgainst: number;
  /** Weight of the article's own month-precise dates (URL, title, lead) within a month of the incident itself. */
  leadIncident: number;
  /** Of {@link support} and {@link against}, the weight of month-precise dates (not a year alone). */
  preciseSupport: number;
  preciseAgainst: number;
  /** The article's own month-precise dates (URL, title, lead), and those within a month of a record's date. */
  ownTime: number;
  ownTimeSupport: number;
}

/** An incident spanning at most this many months has days that tell it apart. */
export const SHORT_INCIDENT_MONTHS = 3;
/** Within this many months, a date is the incident's or a statement's. */
export const NEAR_MONTHS = 1;
/** This many months or more from every date of the record, a date is another story's. */
export const FAR_MONTHS = 12;

/**
 * Weighs an article's dates against a record's. A date before the incident is neither
 * for nor against (background: "since 2014"), except the publication date: an article
 * published before an incident cannot be about it.
 *
 * @example
 * weighDates([{ from: 24287, to: 24287, weight: 1, published: false }], claimDates(grid2015));
 * // { support: 0, incident: 0, against: 1, predates: false } (December 2023 against a December 2015 incident)
 */
export function weighDates(
  mentions: readonly DateMention[],
  dates: ClaimDates,
  days: readonly DayMention[] = [],
): DateVerdict {
  let support = 0;
  let incident = 0;
  let against = 0;
  let predates = false;
  let leadSupport = 0;
  let leadAgainst = 0;
  let leadIncident = 0;
  let preciseSupport = 0;
  let preciseAgainst = 0;
  let ownTime = 0;
  let ownTimeSupport = 0;
  const short = dates.incident.to - dates.incident.from <= SHORT_INCIDENT_MONTHS;
  for (const m of mentions) {
    const toIncident = gap(m, dates.incident);
    let d = toIncident;
    for (const e of dates.events) d = Math.min(d, gap(m, e));
    const precise = m.from === m.to;
    if (m.lead && precise) {
      ownTime += m.weight;
      if (d <= NEAR_MONTHS) ownTimeSupport += m.weight;
    }
    if (d <= NEAR_MONTHS) {
      support += m.weight;
      if (m.lead) leadSupport += m.weight;
      if (m.lead && m.from === m.to && toIncident <= NEAR_MONTHS) leadIncident += m.weight;
      if (m.from === m.to) preciseSupport += m.weight;
    }
    if (m.published && m.day && dates.startDay && m.day < dates.startDay - 1) predates = true;
    if (toIncident <= NEAR_MONTHS && m.from === m.to && short) incident += m.weight;
    else if (m.to < dates.incident.from) predates ||= m.published;
    else if (d >= FAR_MONTHS) {
      against += m.weight;
      if (m.lead) leadAgainst += m.weight;
      if (m.from === m.to) preciseAgainst += m.weight;
    }
  }
  // A day without a year that is the incident's first day (or the next): its own day.
  if (dates.startDay && days.length) {
    const start = new Date(dates.startDay * 86_400_000);
    const first = start.getUTCMonth() * 32 + start.getUTCDate();
    for (const d of days) {
      if (Math.abs(d.monthDay - first) > 1) continue;
      support += d.weight;
      incident += d.weight;
      if (d.lead) {
        leadSupport += d.weight;
        leadIncident += d.weight;
      }
    }
  }
  return {
    support,
    incident,
    against,
    predates,
    leadSupport,
    leadAgainst,
    leadIncident,
    preciseSupport,
    preciseAgainst,
    ownTime,
    ownTimeSupport,
  };
}
