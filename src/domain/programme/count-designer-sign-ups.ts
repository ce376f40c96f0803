import { and, count, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

/**
 * How many designers signed up for a trajectory, counted in the database (designer_signups_one_per_address leads
 * with the trajectory), for the staff page's link: it shows the number, not the sign-ups.
 */
export async function countDesignerSignUps(
  tx: Executor,
  o: { programmeTenantId: string; trajectoryId: string },
): Promise<number> {
  const d = schema.designerSignups;
  const [row] = await tx
    .select({ n: count() })
    .from(d)
    .where(and(eq(d.tenantId, o.programmeTenantId), eq(d.trajectoryId, o.trajectoryId)));
  return row?.n ?? 0;
}
