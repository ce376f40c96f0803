import type { Locale } from "./define-messages.ts";

const TIME_ZONE = "Europe/Amsterdam";
const tag = (locale: Locale) => (locale === "nl" ? "nl-NL" : "en-GB");

/** A calendar date (`2019-10-11`) is read at noon UTC, so no time zone can move it to another day. */
const instant = (value: Date | string) => (typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value);

/** "vrijdag 11 oktober 2019" */
export function formatDate(locale: Locale, value: Date | string): string {
  return new Intl.DateTimeFormat(tag(locale), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(instant(value));
}

/** "11 oktober 2019": for periods and deadlines, where the weekday is noise. */
export function formatCalendarDate(locale: Locale, value: Date | string): string {
  return new Intl.DateTimeFormat(tag(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(instant(value));
}

/** "09:30" */
export function formatTime(locale: Locale, value: Date): string {
  return new Intl.DateTimeFormat(tag(locale), { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE }).format(
    value,
  );
}

/** "09:30–12:30" */
export function formatTimeRange(locale: Locale, from: Date, to: Date): string {
  return `${formatTime(locale, from)}–${formatTime(locale, to)}`;
}

/** Integer cents to "€ 5.000,00" */
export function formatMoney(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(tag(locale), { style: "currency", currency: "EUR" }).format(cents / 100);
}
