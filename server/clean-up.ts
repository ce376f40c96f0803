import { sql } from "drizzle-orm";
import { withPlatform } from "../src/db/index.ts";
import { deleteExpiredVotingPasses } from "../src/domain/budgeting/index.ts";
import { deleteExpiredSignInData } from "../src/domain/identity/index.ts";
import { deleteFinishedJobs, type JobHandler } from "../src/platform/queue/index.ts";

/**
 * The hourly clean-up (`SIGN_IN_CLEAN_UP_JOB`): what no longer serves anyone goes, across tenants, off the
 * requests' path: expired sign-in data, expired voting passes, and done jobs after a week. With `analyze` (the
 * embedded database, which runs no autovacuum) it then gathers the planner's statistics, which PostgreSQL's
 * autovacuum keeps up to date on a server: without them the planner guesses, and plans degrade as the data grows
 * (ADR 0002, addendum, measured with `npm run bench:http -- --statistics none,analyzed`).
 */
export const cleanUpJob =
  (o: { analyze: boolean }): JobHandler =>
  async (_payload, _job, { now, db }) => {
    await withPlatform(db, async (tx) => {
      await deleteExpiredSignInData(tx, { now });
      await deleteExpiredVotingPasses(tx, { now });
      await deleteFinishedJobs(tx, { before: new Date(now.getTime() - 7 * 86_400_000) });
    });
    if (o.analyze) await db.execute(sql`analyze`);
  };
