import { schema, type Tx } from "../../db/index.ts";

/** Rows per statement: one statement takes at most 65,535 parameters, and a ballot row has seven. */
export const BALLOT_ROWS_PER_INSERT = 2_000;

/** Ballots in slices of `BALLOT_ROWS_PER_INSERT`, so a stack of paper ballots of any size goes in whole. */
export async function insertBallots(tx: Tx, rows: readonly (typeof schema.pbBallots.$inferInsert)[]): Promise<void> {
  for (let first = 0; first < rows.length; first += BALLOT_ROWS_PER_INSERT) {
    await tx.insert(schema.pbBallots).values(rows.slice(first, first + BALLOT_ROWS_PER_INSERT));
  }
}
