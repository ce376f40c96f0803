import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

/**
 * The round a follow is about, by the id its topic holds (`pb-plan:<plan id>`): the way back to the subject's page
 * after confirming needs the round's slug, which the topic does not carry. Undefined when it is gone.
 */
export async function findFollowedRound(
  tx: Executor,
  o: { tenantId: string; planId: string },
): Promise<{ roundSlug: string } | undefined> {
  const [row] = await tx
    .select({ roundSlug: schema.pbRounds.slug })
    .from(schema.pbPlans)
    .innerJoin(
      schema.pbRounds,
      and(eq(schema.pbRounds.tenantId, schema.pbPlans.tenantId), eq(schema.pbRounds.id, schema.pbPlans.roundId)),
    )
    .where(and(eq(schema.pbPlans.tenantId, o.tenantId), eq(schema.pbPlans.id, o.planId)));
  return row;
}
