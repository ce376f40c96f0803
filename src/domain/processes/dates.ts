import { dutchTime } from "../shared/index.ts";

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
