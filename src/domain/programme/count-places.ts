import { and, count, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";

export type TrajectoryPlaces = {
  admitted: number;
  min: number | null;
  max: number | null;
  placesLeft: number | null;
  /** The minimum number of municipalities is reached, so the trajectory can start. */
  canStart: boolean;
};

export async function countPlaces(
  tx: Executor,
  programmeTenantId: string,
  trajectoryId: string,
): Promise<TrajectoryPlaces> {
  const [trajectory] = await tx
    .select({ min: schema.trajectories.minMunicipalities, max: schema.trajectories.maxMunicipalities })
    .from(schema.trajectories)
    .where(and(eq(schema.trajectories.tenantId, programmeTenantId), eq(schema.trajectories.id, trajectoryId)));
  if (!trajectory) throw new ProgrammeError("programme.trajectory-not-found");
  const [row] = await tx
    .select({ n: count() })
    .from(schema.applications)
    .where(and(eq(schema.applications.trajectoryId, trajectoryId), eq(schema.applications.status, "admitted")));
  return placesOf(trajectory, row?.n ?? 0);
}

/** What `admitted` municipalities leave of a trajectory's places, and whether its minimum is reached. */
export function placesOf(limits: { min: number | null; max: number | null }, admitted: number): TrajectoryPlaces {
  return {
    admitted,
    min: limits.min,
    max: limits.max,
    placesLeft: limits.max === null ? null : Math.max(0, limits.max - admitted),
    canStart: admitted >= (limits.min ?? 1),
  };
}
