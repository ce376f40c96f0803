import { type Executor, schema } from "../../db/index.ts";

export type JobPayload = Record<string, unknown>;

/**
 * Writes a job into the caller's transaction (the outbox): it exists exactly when the change that asked for it
 * commits, and nothing leaves the process before that. A worker picks it up after commit. The caller says when it
 * is due, from the same clock that the worker is given: never the database's `now()`.
 */
export async function enqueue(
  tx: Executor,
  kind: string,
  payload: JobPayload,
  options: { runAt: Date },
): Promise<number> {
  const [job] = await tx
    .insert(schema.jobs)
    .values({ kind, payload, runAt: options.runAt })
    .returning({ id: schema.jobs.id });
  return job!.id;
}
