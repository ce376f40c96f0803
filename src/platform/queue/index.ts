export { deleteFinishedJobs } from "./delete-finished-jobs.ts";
export { enqueue, type JobPayload } from "./enqueue.ts";
export {
  backoffSeconds,
  type Job,
  type JobHandler,
  type JobHandlers,
  type JobOutcome,
  type JobRun,
  runDueJobs,
} from "./run-due-jobs.ts";
export { type RecurringJob, scheduleRecurring } from "./schedule-recurring.ts";
export { tenantJob } from "./tenant-job.ts";
export { startWorker, type Worker, type WorkerOptions } from "./worker.ts";
