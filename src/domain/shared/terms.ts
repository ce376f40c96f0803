import Holidays from "date-holidays";
import { dutchDateOf } from "./local-time.ts";
import type { Term } from "./term-units.ts";

/**
 * Terms and deadlines under Dutch law (design note "Terms under Dutch law", ADR on areas and terms). Dates are
 * calendar dates in Europe/Amsterdam, written `YYYY-MM-DD`; an instant becomes one with `dutchDateOf` (local-time.ts).
 *
 * - A term in calendar days or weeks that would end on a Saturday, a Sunday or a holiday of the Algemene
 *   termijnenwet is extended to the next day that is none of these (art. 1).
 * - A term in working days skips those days all the way through.
 */
export { type Term, type TermUnit, termUnits } from "./term-units.ts";

/** An extra day equated with the holidays: the royal decree's bridge days, and any a municipality adds. */
export type TermCalendar = { extraDays: ReadonlySet<string> };

/**
 * The bridge days the royal decree under art. 3(2) Algemene termijnenwet equates with holidays for 2026–2028.
 * A new decree (about every three years) adds rows here, or staff add them per municipality meanwhile.
 */
export const DECREE_BRIDGE_DAYS: readonly string[] = [
  "2026-01-02",
  "2026-05-15",
  "2027-05-07",
  "2028-04-28",
  "2028-05-26",
];

export const nationalCalendar: TermCalendar = { extraDays: new Set(DECREE_BRIDGE_DAYS) };

/** The national calendar plus a municipality's own additions. */
export const calendarWith = (extraDays: Iterable<string>): TermCalendar => ({
  extraDays: new Set([...DECREE_BRIDGE_DAYS, ...extraDays]),
});

/**
 * date-holidays' rules for the days art. 3(1) names, and Good Friday, which the same article equates with them.
 * Easter Sunday and Whit Sunday are always Sundays, so the weekend rule covers them. King's Day is the day it is
 * celebrated: date-holidays moves it to Saturday 26 April when the 27th is a Sunday.
 */
const TERMIJNENWET_RULES = [
  "01-01", // Nieuwjaarsdag
  "easter -2", // Goede Vrijdag
  "easter 1", // Tweede Paasdag
  "easter 39", // Hemelvaartsdag
  "easter 50", // Tweede Pinksterdag
  "04-27", // Koningsdag (the rule carries its Sunday shift)
  "05-05", // Bevrijdingsdag
  "12-25", // Eerste Kerstdag
  "12-26", // Tweede Kerstdag
] as const;

const library = new Holidays("NL");
const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

/** The holidays of the Algemene termijnenwet in a year, date → Dutch name, taken from date-holidays. */
export function legalHolidays(year: number): ReadonlyMap<string, string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Map(
      library
        .getHolidays(year, "nl")
        .filter((holiday) =>
          TERMIJNENWET_RULES.some((rule) => holiday.rule === rule || holiday.rule.startsWith(`${rule} `)),
        )
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name] as const),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

const DAY_MS = 86_400_000;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const toDay = (date: string) => {
  const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  // The round trip refuses what Date.parse lets through, such as 30 February.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(day) || fromDay(day) !== date) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return day;
};
/** `date` plus `days` calendar days. */
export const addDays = (date: string, days: number) => fromDay(toDay(date) + days);

/** A Saturday, a Sunday, a holiday of the Algemene termijnenwet, or a day the calendar equates with one. */
export function isDayOff(date: string, calendar: TermCalendar = nationalCalendar): boolean {
  const weekday = new Date(toDay(date) * DAY_MS).getUTCDay();
  return (
    weekday === 0 || weekday === 6 || legalHolidays(Number(date.slice(0, 4))).has(date) || calendar.extraDays.has(date)
  );
}

/**
 * When a term that starts on `startOn` ends: the last day on which the act is in time. The term runs from the day
 * after `startOn` (a letter of Monday with a term of 2 days is due on Wednesday).
 */
export function dueOn(startOn: string, term: Term, calendar: TermCalendar = nationalCalendar): string {
  if (!Number.isSafeInteger(term.length) || term.length < 1) throw new RangeError(`not a term length: ${term.length}`);
  if (term.unit === "working-days") {
    let day = startOn;
    for (let counted = 0; counted < term.length; ) {
      day = addDays(day, 1);
      if (!isDayOff(day, calendar)) counted += 1;
    }
    return day;
  }
  let end = addDays(startOn, term.unit === "weeks" ? term.length * 7 : term.length);
  while (isDayOff(end, calendar)) end = addDays(end, 1);
  return end;
}

/**
 * Whether something due on `dueOn` is late: done after that day (Dutch date), or not done and that day is over.
 * Done on the last day itself is in time.
 */
export function isLate(o: { dueOn: string; doneAt?: Date | null; now: Date }): boolean {
  return dutchDateOf(o.doneAt ?? o.now) > o.dueOn;
}
