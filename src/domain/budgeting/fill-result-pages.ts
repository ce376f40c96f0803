import { sql } from "drizzle-orm";
import type { DataStep } from "../../db/index.ts";
import { type RoundOutcome, resultPageOf } from "./count-round.ts";

/**
 * Gives every count stored before there was a results page column (migration 0051) its page, derived from its
 * outcome by the function the count itself uses, so that the next migration can make the column NOT NULL and a page
 * view has one way to read it (ADR 0016, addendum). One count at a time: a round of 1,000 plans stores megabytes of
 * explanations. Plain SQL on the columns as they are at that point of the schema; a count that has its page already
 * is left alone, so running it again, or after another process did, changes nothing.
 */
export const fillResultPages: DataStep = {
  before: "results-page-required",
  async run(db) {
    const rows = async <T>(query: ReturnType<typeof sql>) =>
      ((await db.execute(query)) as unknown as { rows: T[] }).rows;
    const empty = await rows<{ round_id: string }>(sql`select round_id from pb_results where page is null`);
    for (const { round_id } of empty) {
      const [row] = await rows<{ outcome: RoundOutcome }>(
        sql`select outcome from pb_results where round_id = ${round_id}`,
      );
      const page = resultPageOf(row!.outcome);
      await db.execute(
        sql`update pb_results set page = ${JSON.stringify(page)}::jsonb where round_id = ${round_id} and page is null`,
      );
    }
  },
};
