import type { Database } from "../../db/index.ts";
import type { Logger } from "../logger.ts";
import { type JobHandlers, runDueJobs } from "./run-due-jobs.ts";
import { type RecurringJob, scheduleRecurring } from "./schedule-recurring.ts";

export type Worker = {
  /** Look for due jobs now instead of at the next poll. */
  wake(): void;
  /** Lets the job in hand finish, then resolves; claims no new job. */
  stop(): Promise<void>;
};

export type WorkerOptions = {
  logger: Logger;
  pollMs?: number;
  maxAttempts?: number;
  clock?: () => Date;
  /** Jobs that run again and again (clean-ups); each needs a handler. Checked once a minute. */
  recurring?: readonly RecurringJob[];
};

/** Polls the queue until stopped. Every instance may run one: SKIP LOCKED shares the work between them. */
export function startWorker(db: Database, handlers: JobHandlers, options: WorkerOptions): Worker {
  const { logger, pollMs = 1000, clock = () => new Date() } = options;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  let scheduledAt = 0;

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        const now = clock();
        if (options.recurring?.length && now.getTime() - scheduledAt >= 60_000) {
          scheduledAt = now.getTime();
          for (const job of options.recurring) await scheduleRecurring(db, job, now);
        }
        const outcomes = await runDueJobs(db, handlers, {
          now,
          maxAttempts: options.maxAttempts,
          signal: stopping.signal,
        });
        for (const outcome of outcomes) {
          if (outcome.result === "done") logger.debug(outcome, "job done");
          else logger.warn(outcome, outcome.result === "failed" ? "job failed for good" : "job failed; will retry");
        }
        if (outcomes.length > 0) continue;
      } catch (error) {
        logger.error({ err: error }, "queue worker: could not claim jobs");
      }
      if (stopping.signal.aborted) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, pollMs);
      });
    }
  })();

  return {
    wake() {
      clearTimeout(timer);
      wakeUp?.();
    },
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      wakeUp?.();
      await loop;
    },
  };
}
