import { lte } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

/**
 * Forgets the voting passes of every round past their expiry: they open nothing any more (`openVotingPass` and
 * `takeVotingPass` check the time), and on the request path a round that stopped issuing passes kept its last ones
 * until it was deleted. Runs in the queue's hourly clean-up, on a platform transaction, across tenants.
 */
export async function deleteExpiredVotingPasses(tx: Executor, o: { now: Date }): Promise<void> {
  const passes = schema.pbVotingPasses;
  await tx.delete(passes).where(lte(passes.expiresAt, o.now));
}
