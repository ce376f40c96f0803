import { and, isNotNull, lt } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

/** Done jobs older than `before` go; failed ones stay until a person has looked at them. */
export async function deleteFinishedJobs(tx: Executor, o: { before: Date }): Promise<void> {
  await tx.delete(schema.jobs).where(and(isNotNull(schema.jobs.doneAt), lt(schema.jobs.doneAt, o.before)));
}
