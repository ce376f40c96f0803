// The checks programme use cases apply to what staff type: each names the field in its error.
import { postgresCode } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function requireSlug(slug: string): void {
  if (!SLUG.test(slug)) throw new ProgrammeError("programme.invalid-slug", { slug });
}

export function requireText(field: string, value: string): void {
  if (value.trim() === "") throw new ProgrammeError("programme.missing-text", { field });
}

/** A count people read as "at most N" or "at least N": a whole number of one or more. */
export function requirePositive(field: string, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < 1) throw new ProgrammeError("programme.not-positive", { field });
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function requireCalendarDate(field: string, value: string | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!CALENDAR_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new ProgrammeError("programme.invalid-date", { field });
  }
}

/** The unique constraint on (tenant, slug) decides, not a look-up first: two simultaneous inserts get one winner. */
export async function insertWithSlug<T>(slug: string, insert: () => Promise<T[]>): Promise<T> {
  try {
    const [row] = await insert();
    return row!;
  } catch (error) {
    if (postgresCode(error) === "23505") throw new ProgrammeError("programme.slug-taken", { slug });
    throw error;
  }
}
