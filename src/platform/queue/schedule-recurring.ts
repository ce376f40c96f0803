import { and, eq, isNull, max, sql } from "drizzle-orm";
import { type Database, schema } from "../../db/index.ts";

export type RecurringJob = { kind: string; everySeconds: number };

const { jobs } = schema;

/**
 * Makes sure the next run of a recurring job is in the queue: due `everySeconds` after the last run finished, or now
 * if it never ran. Any instance may call it at any time; an advisory lock per kind lets instances that start together
 * take turns, so there is never more than one pending run.
 */
export async function scheduleRecurring(db: Database, job: RecurringJob, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`recurring:${job.kind}`}))`);
    const [pending] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, job.kind), isNull(jobs.doneAt), isNull(jobs.failedAt)))
      .limit(1);
    if (pending) return;
    const [last] = await tx
      .select({ doneAt: max(jobs.doneAt) })
      .from(jobs)
      .where(eq(jobs.kind, job.kind));
    const runAt = last?.doneAt ? new Date(last.doneAt.getTime() + job.everySeconds * 1000) : now;
    await tx.insert(jobs).values({ kind: job.kind, payload: {}, runAt });
  });
}
