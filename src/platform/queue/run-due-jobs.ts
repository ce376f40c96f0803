import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { type Database, schema } from "../../db/index.ts";
import type { JobPayload } from "./enqueue.ts";

export type Job = { id: number; kind: string; payload: JobPayload; attempts: number };
/**
 * What the worker hands every job: one clock (`now`, the same instant the job was claimed at) and the database. A
 * handler reads no wall clock; one that changes a tenant's rows gets its transaction from `tenantJob`.
 */
export type JobRun = { now: Date; db: Database };
export type JobHandler = (payload: JobPayload, job: Job, run: JobRun) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export type RunDueJobsOptions = {
  now: Date;
  /** After this many failed attempts a job is marked failed and left for a person to look at. */
  maxAttempts?: number;
  /** How long a claim holds; a worker that dies mid-job releases it when the lease runs out. */
  leaseSeconds?: number;
  /** Jobs to run in this pass at most. */
  limit?: number;
  /** Claim no further job once aborted (the job in hand still finishes). */
  signal?: AbortSignal;
};

export type JobOutcome = { id: number; kind: string; result: "done" | "retry" | "failed" };

const jobs = schema.jobs;

/** Seconds until the next attempt: 30 s, 2 min, 8 min, … capped at six hours. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 4 ** (attempts - 1), 6 * 3600);
}

/**
 * Claims due jobs one at a time and runs them. The claim is a short transaction that takes the row with
 * `FOR UPDATE SKIP LOCKED` and leases it, so two workers (in one process or on two machines) never take the same
 * job; the handler runs outside any transaction, so it may send mail or call HTTP.
 */
export async function runDueJobs(
  db: Database,
  handlers: JobHandlers,
  options: RunDueJobsOptions,
): Promise<JobOutcome[]> {
  const { now, maxAttempts = 5, leaseSeconds = 300, limit = 20 } = options;
  const outcomes: JobOutcome[] = [];
  while (outcomes.length < limit && !options.signal?.aborted) {
    const job = await claimJob(db, now, leaseSeconds);
    if (!job) break;
    outcomes.push(await runJob(db, handlers, job, now, maxAttempts));
  }
  return outcomes;
}

async function claimJob(db: Database, now: Date, leaseSeconds: number): Promise<Job | undefined> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          isNull(jobs.doneAt),
          isNull(jobs.failedAt),
          lte(jobs.runAt, now),
          or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now)),
        ),
      )
      .orderBy(jobs.runAt, jobs.id)
      .limit(1)
      .for("update", { skipLocked: true });
    if (!due) return undefined;
    const [claimed] = await tx
      .update(jobs)
      .set({ lockedUntil: new Date(now.getTime() + leaseSeconds * 1000), attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, due.id))
      .returning({ id: jobs.id, kind: jobs.kind, payload: jobs.payload, attempts: jobs.attempts });
    return claimed;
  });
}

async function runJob(db: Database, handlers: JobHandlers, job: Job, now: Date, maxAttempts: number) {
  // The attempt number fences the write-back: a worker whose lease ran out cannot overwrite a newer claim.
  const thisClaim = and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts));
  try {
    const handler = handlers[job.kind];
    if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
    await handler(job.payload, job, { now, db });
    // A done job's payload may hold a secret (a sign-in link); it has served its purpose.
    await db.update(jobs).set({ doneAt: now, lockedUntil: null, payload: {} }).where(thisClaim);
    return { id: job.id, kind: job.kind, result: "done" as const };
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    if (job.attempts >= maxAttempts) {
      await db.update(jobs).set({ failedAt: now, lockedUntil: null, lastError }).where(thisClaim);
      return { id: job.id, kind: job.kind, result: "failed" as const };
    }
    const runAt = new Date(now.getTime() + backoffSeconds(job.attempts) * 1000);
    await db.update(jobs).set({ runAt, lockedUntil: null, lastError }).where(thisClaim);
    return { id: job.id, kind: job.kind, result: "retry" as const };
  }
}
