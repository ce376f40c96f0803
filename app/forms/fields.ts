import { z } from "zod";
import type { MessageKey } from "../i18n/catalogue.ts";
import { honeypotLimits } from "./fields-limits.ts";

/**
 * Field rules shared by every form. Messages are catalogue keys, translated where the form is shown, so the
 * same schema serves Dutch and English readers.
 */
const message = (key: MessageKey) => ({ error: key });

/**
 * A browser sends every line break of a text area as CRLF but counts it as one character against `maxlength`, so
 * line breaks become LF before the length is checked: what the field let someone type is never refused as too long.
 */
const lineBreaks = (value: string) => value.replace(/\r\n?/g, "\n");

export const requiredText = (max = 200) =>
  z
    .string(message("form.required"))
    .overwrite(lineBreaks)
    .trim()
    .min(1, message("form.required"))
    .max(max, message("form.tooLong"));

export const optionalText = (max = 2000) =>
  z.string().overwrite(lineBreaks).trim().max(max, message("form.tooLong")).optional();

export const emailAddress = () =>
  z
    .string(message("form.required"))
    .trim()
    .toLowerCase()
    .pipe(z.email(message("form.email")).max(254));

/**
 * A calendar date as `<input type="date">` sends it (`2027-03-14`). Only dates that exist, in years 1900–2999:
 * `2027-02-30` is refused, not moved to 2 March, and year 0 never reaches the database.
 */
export const calendarDate = () =>
  z
    .string(message("form.required"))
    .trim()
    .refine((value) => isCalendarDate(value), message("form.date"));

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A date of something that happens in the course of the work (an intake, an invoice, a workshop), so near today:
 * `back` years before it at most and `ahead` years after it. An intake in 2001 or an invoice in 2099 is a typing
 * error, and is refused with a message that says to check the year. Today is read when the form is parsed.
 */
export const nearDate = ({ back, ahead }: { back: number; ahead: number }) =>
  calendarDate().refine(
    // A date that is no date at all has its own message already.
    (value) => !isCalendarDate(value) || isNearDate(value, { back, ahead }, new Date()),
    message("form.date.near"),
  );

export function isNearDate(value: string, years: { back: number; ahead: number }, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  const shift = (by: number) => `${String(now.getUTCFullYear() + by).padStart(4, "0")}${today.slice(4)}`;
  return value >= shift(-years.back) && value <= shift(years.ahead);
}

/** A time of day as `<input type="time">` sends it (`14:30`). */
export const clockTime = () =>
  z.string(message("form.required")).regex(/^([01]\d|2[0-3]):[0-5]\d$/, message("form.time"));

/** A hidden field people never see; a bot that fills it is refused without a word. */
export const honeypot = { website: z.string().max(honeypotLimits.website.maxLength).optional() };

/**
 * The hidden key of a form that creates something without a natural key: made fresh each time the form is shown,
 * kept when the form comes back with errors, so submitting it twice creates one thing.
 */
export const formKey = { key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) };

/**
 * The message for an issue whose rule names none of its own: zod's built-in messages are English sentences,
 * not catalogue keys, so a field sent twice, an unknown choice or an out-of-range number gets the generic key of
 * its kind. Passed to every parse (`parseFormData`), so no form can show a text the catalogue lacks.
 */
export function fallbackMessage(issue: { code?: string; input?: unknown; origin?: string }): MessageKey {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === "" ? "form.required" : "form.invalid";
    case "too_big":
      return issue.origin === "string" ? "form.tooLong" : "form.outOfRange";
    case "too_small":
      return issue.origin === "string" ? "form.required" : "form.outOfRange";
    case "invalid_value":
    case "invalid_union":
      return issue.input === undefined || issue.input === "" ? "form.required" : "form.choice";
    default:
      return "form.invalid";
  }
}
