import type { Locale } from "./define-messages.ts";

const TIME_ZONE = "Europe/Amsterdam";
const tag = (locale: Locale) => (locale === "nl" ? "nl-NL" : "en-GB");

/** A calendar date (`2019-10-11`) is read at noon UTC, so no time zone can move it to another day. */
const instant = (value: Date | string) => (typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value);

/**
 * One formatter per locale and style, made on first use: building an Intl formatter costs far more than using one,
 * and a page formats dozens of dates.
 */
function cached<F>(make: (tag: string) => F): (locale: Locale) => F {
  const made = new Map<Locale, F>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = make(tag(locale));
      made.set(locale, formatter);
    }
    return formatter;
  };
}

const dates = cached(
  (t) =>
    new Intl.DateTimeFormat(t, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: TIME_ZONE,
    }),
);
const calendarDates = cached(
  (t) => new Intl.DateTimeFormat(t, { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE }),
);
const times = cached((t) => new Intl.DateTimeFormat(t, { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE }));
const lists = cached((t) => new Intl.ListFormat(t, { type: "conjunction" }));
const money = cached((t) => new Intl.NumberFormat(t, { style: "currency", currency: "EUR" }));
const percents = cached((t) => new Intl.NumberFormat(t, { style: "percent" }));

/** "vrijdag 11 oktober 2019" */
export function formatDate(locale: Locale, value: Date | string): string {
  return dates(locale).format(instant(value));
}

/** "11 oktober 2019": for periods and deadlines, where the weekday is noise. */
export function formatCalendarDate(locale: Locale, value: Date | string): string {
  return calendarDates(locale).format(instant(value));
}

/** "Gemeente Dijkstad en Gemeente Veenhoven" */
export function formatList(locale: Locale, items: readonly string[]): string {
  return lists(locale).format(items);
}

/** "09:30" */
export function formatTime(locale: Locale, value: Date): string {
  return times(locale).format(value);
}

/** "09:30–12:30" */
export function formatTimeRange(locale: Locale, from: Date, to: Date): string {
  return `${formatTime(locale, from)}–${formatTime(locale, to)}`;
}

/** A share (0.28) as "28%" */
export function formatPercent(locale: Locale, share: number): string {
  return percents(locale).format(share);
}

/** Integer cents to "€ 5.000,00" */
export function formatMoney(locale: Locale, cents: number): string {
  return money(locale).format(cents / 100);
}
