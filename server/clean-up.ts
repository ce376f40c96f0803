import { withPlatform } from "../src/db/index.ts";
import { deleteExpiredVotingPasses } from "../src/domain/budgeting/index.ts";
import { deleteExpiredSignInData } from "../src/domain/identity/index.ts";
import { deleteFinishedJobs, type JobHandler } from "../src/platform/queue/index.ts";

/**
 * The hourly clean-up (`SIGN_IN_CLEAN_UP_JOB`): what no longer serves anyone goes, across tenants, off the
 * requests' path: expired sign-in data, expired voting passes, and done jobs after a week.
 */
export const cleanUpJob: JobHandler = (_payload, _job, { now, db }) =>
  withPlatform(db, async (tx) => {
    await deleteExpiredSignInData(tx, { now });
    await deleteExpiredVotingPasses(tx, { now });
    await deleteFinishedJobs(tx, { before: new Date(now.getTime() - 7 * 86_400_000) });
  });
