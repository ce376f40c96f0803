import { dutchTime } from "../shared/index.ts";

/** A calendar date (`YYYY-MM-DD`) n days later; calendar dates carry no time zone. */
export function addDays(on: string, days: number): string {
  const date = new Date(`${on}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Dutch calendar date of an instant. */
export function dutchDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(instant);
}

/** The first instant of a Dutch calendar date. */
export const startOfDay = (on: string) => dutchTime(on, "00:00");

/** A URL-safe name from a title: "Dorpsvisie Veenhoven 2030" → "dorpsvisie-veenhoven-2030". */
export function slugify(title: string): string {
  return (
    title
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "proces"
  );
}
