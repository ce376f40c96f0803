import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

/**
 * The round a follow is about, by the id its topic holds (`pb-round:<round id>` or `pb-plan:<plan id>`): the way
 * back to the subject's page after confirming needs the round's slug, which the topic does not carry. Undefined when
 * it is gone.
 */
export async function findFollowedRound(
  tx: Executor,
  o: { tenantId: string; kind: "pb-round" | "pb-plan"; id: string },
): Promise<{ roundSlug: string } | undefined> {
  const r = schema.pbRounds;
  const p = schema.pbPlans;
  const [row] =
    o.kind === "pb-round"
      ? await tx
          .select({ roundSlug: r.slug })
          .from(r)
          .where(and(eq(r.tenantId, o.tenantId), eq(r.id, o.id)))
      : await tx
          .select({ roundSlug: r.slug })
          .from(p)
          .innerJoin(r, and(eq(r.tenantId, p.tenantId), eq(r.id, p.roundId)))
          .where(and(eq(p.tenantId, o.tenantId), eq(p.id, o.id)));
  return row;
}
