/**
 * Dates (worker/match/dates.ts): the dates an article states, in French, English, ISO and
 * URL forms, and how they bear on a record's dates.
 */
import { describe, expect, it } from "vitest";
import { claimDates, dateInUrl, datesInFolded, daysInFolded, monthSpan, weighDates } from "../../worker/match/dates.ts";
import { foldText } from "../../worker/match/text.ts";
import { seedClaims } from "./seed.ts";

const month = (y: number, m: number) => y * 12 + m - 1;
const dates = (text: string) => datesInFolded(foldText(text), 1).map((d) => [d.from, d.to, d.weight]);

describe("datesInFolded", () => {
  it("reads French and English dates, with or without a day, and a year alone at half weight", () => {
    expect(dates("dans la nuit du 13 au 14 janvier 2022")).toEqual([[month(2022, 1), month(2022, 1), 1]]);
    expect(dates("on December 23, 2015")).toEqual([[month(2015, 12), month(2015, 12), 1]]);
    expect(dates("in June 2017")).toEqual([[month(2017, 6), month(2017, 6), 1]]);
    expect(dates("en 2016")).toEqual([[month(2016, 1), month(2016, 12), 0.5]]);
  });

  it("reads ISO and day/month/year forms, and ignores numbers that are not dates", () => {
    expect(dates("published 2020-10-19")).toEqual([[month(2020, 10), month(2020, 10), 1]]);
    expect(dates("le 20/07/2021 à 9h")).toEqual([[month(2021, 7), month(2021, 7), 1]]);
    expect(dates("Source: Bayern 2 news, 01/16/2022 8:00 p.m")).toEqual([[month(2022, 1), month(2022, 1), 1]]);
    expect(dates("about 95,000 dollars and 3789554 readers")).toEqual([]);
  });
});

describe("daysInFolded", () => {
  it("reads a day and month without a year, and leaves dates with a year to datesInFolded", () => {
    const days = (text: string) => daysInFolded(foldText(text), 1, true).map((d) => d.monthDay);
    expect(days("le samedi 17 décembre, à minuit")).toEqual([11 * 32 + 17]);
    expect(days("the attack on June 27 hit Maersk")).toEqual([5 * 32 + 27]);
    expect(days("le 23 décembre 2015 et en December 2016")).toEqual([]);
  });
});

describe("dateInUrl", () => {
  it.each([
    ["https://www.cnn.com/2022/02/16/europe/ukraine-cyber/index.html", month(2022, 2)],
    ["http://www.lapresse.ca/cinema/nouvelles/201412/06/01-4825915-des-pirates.php", month(2014, 12)],
    ["https://news.example.in/Articles/World/20210720/3789554.html", month(2021, 7)],
    ["https://www.example.co.za/bd/world/2017-04-25-hacker-group/", month(2017, 4)],
  ])("reads the publication month of %s", (url, expected) => {
    expect(dateInUrl(url)).toMatchObject({ from: expected, to: expected, published: true });
  });

  it("reads the publication day when the path gives one", () => {
    expect(dateInUrl("https://news.example.org/2018/01/10/olympics")?.day).toBe(Date.UTC(2018, 0, 10) / 86_400_000);
    expect(dateInUrl("https://news.example.in/Articles/World/20210720/3789554.html")?.day).toBe(
      Date.UTC(2021, 6, 20) / 86_400_000,
    );
    expect(
      dateInUrl("http://www.lapresse.ca/cinema/nouvelles/201412/06/01-4825915-des-pirates.php")?.day,
    ).toBeUndefined();
  });

  it("finds none in an id or a path without a date", () => {
    expect(dateInUrl("https://www.example.com/world-news/2171332-iran-condemns")).toBeNull();
    expect(dateInUrl("https://tass.com/politics/1234723")).toBeNull();
    expect(dateInUrl(undefined)).toBeNull();
  });
});

describe("weighDates", () => {
  const grid2015 = claimDates(seedClaims().find((c) => c.id === "ukraine-grid-2015")!);
  const at = (y: number, m: number, published = false) => ({
    from: month(y, m),
    to: month(y, m),
    weight: 1,
    published,
    lead: published,
  });

  it("supports a record when a date is its incident's or one of its statements'", () => {
    expect(weighDates([at(2015, 12)], grid2015)).toMatchObject({ support: 1, incident: 1, against: 0 });
    expect(weighDates([at(2020, 10)], grid2015)).toMatchObject({ support: 1, incident: 0, against: 0 });
  });

  it("speaks against it when a date is a year or more from all of them", () => {
    expect(weighDates([at(2023, 12)], grid2015)).toMatchObject({ support: 0, against: 1 });
  });

  it("takes an article published, by its day, before the incident's first day as not about it", () => {
    const od = claimDates(seedClaims().find((c) => c.id === "olympic-destroyer-2018")!);
    const published = (day: string) => {
      const d = new Date(day);
      return {
        ...at(d.getUTCFullYear(), d.getUTCMonth() + 1, true),
        day: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000,
      };
    };
    expect(weighDates([published("2018-01-10")], od).predates).toBe(true);
    expect(weighDates([published("2018-02-09")], od).predates).toBe(false);
  });

  it("tells the article's own dates (URL, title, lead) that fit no date of the record", () => {
    expect(weighDates([at(2019, 9, true)], grid2015)).toMatchObject({ ownTime: 1, ownTimeSupport: 0 });
    expect(weighDates([at(2015, 12, true)], grid2015)).toMatchObject({
      ownTime: 1,
      ownTimeSupport: 1,
      leadIncident: 1,
    });
  });

  it("supports a record whose incident began on a day the article names without a year", () => {
    const notpetya = claimDates(seedClaims().find((c) => c.id === "notpetya-2017")!);
    const june27 = [{ monthDay: 5 * 32 + 27, weight: 1, lead: true }];
    expect(weighDates([], notpetya, june27)).toMatchObject({ support: 1, incident: 1, leadIncident: 1 });
    expect(weighDates([], grid2015, june27)).toMatchObject({ support: 0, incident: 0 });
  });

  it("takes a date before the incident as background, unless it is the publication date", () => {
    expect(weighDates([at(2014, 9)], grid2015)).toMatchObject({ support: 0, against: 0, predates: false });
    expect(weighDates([at(2014, 9, true)], grid2015)).toMatchObject({ predates: true });
  });

  it("spans a year alone over its twelve months", () => {
    expect(monthSpan("2016")).toEqual({ from: month(2016, 1), to: month(2016, 12) });
    expect(monthSpan("2016-06-14")).toEqual({ from: month(2016, 6), to: month(2016, 6) });
  });
});
