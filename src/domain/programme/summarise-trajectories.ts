import { count, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { ApplicationStatus } from "./application-states.ts";
import { placesOf, type TrajectoryPlaces } from "./count-places.ts";
import { listTrajectories } from "./list-trajectories.ts";

export type TrajectoryOverview = {
  slug: string;
  title: string;
  byStatus: Record<ApplicationStatus, number>;
  places: TrajectoryPlaces;
};

/**
 * The staff dashboard: every trajectory with its applications by state and its places, in two queries however
 * many trajectories there are (the trajectories, then one count per trajectory and state).
 */
export async function summariseTrajectories(
  tx: Executor,
  o: { programmeTenantId: string },
): Promise<TrajectoryOverview[]> {
  const trajectories = await listTrajectories(tx, { tenantId: o.programmeTenantId });
  const counts = await tx
    .select({ trajectoryId: schema.applications.trajectoryId, status: schema.applications.status, n: count() })
    .from(schema.applications)
    .where(eq(schema.applications.tenantId, o.programmeTenantId))
    .groupBy(schema.applications.trajectoryId, schema.applications.status);
  return trajectories.map((trajectory) => {
    const byStatus = Object.fromEntries(schema.applicationStatuses.map((s) => [s, 0])) as Record<
      ApplicationStatus,
      number
    >;
    for (const row of counts) if (row.trajectoryId === trajectory.id) byStatus[row.status] += row.n;
    return {
      slug: trajectory.slug,
      title: trajectory.title,
      byStatus,
      places: placesOf({ min: trajectory.minMunicipalities, max: trajectory.maxMunicipalities }, byStatus.admitted),
    };
  });
}
