import { type Tx, withTenant } from "../../db/index.ts";
import type { JobPayload } from "./enqueue.ts";
import type { JobHandler } from "./run-due-jobs.ts";

/**
 * A job that changes one tenant's rows: the worker opens the tenant's transaction (row-level security applies) and
 * hands it, with its clock, to the domain function; the domain opens no transaction of its own.
 */
export function tenantJob<Payload extends { tenantId: string }>(
  run: (tx: Tx, payload: Payload, now: Date) => Promise<unknown>,
): JobHandler {
  return async (payload: JobPayload, _job, { now, db }) => {
    const typed = payload as Payload;
    await withTenant(db, { tenantId: typed.tenantId }, (tx) => run(tx, typed, now));
  };
}
