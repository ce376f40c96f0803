import { and, asc, eq, exists, or } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { Supervisor } from "./add-supervisor.ts";
import type { Trajectory } from "./create-trajectory.ts";
import { type MeetingSummary, meetingSummaryColumns } from "./list-meetings.ts";

export type TrajectoryDetails = Trajectory & {
  supervisors: Pick<Supervisor, "id" | "name" | "organisation">[];
  /** Its own meetings and the meetings with a track of it (such as the start session), in date order. */
  meetings: MeetingSummary[];
};

export type GetTrajectoryOptions = { tenantId: string; slug: string };

/** One trajectory with its supervisors and meetings, or undefined. Public. */
export async function getTrajectory(tx: Executor, o: GetTrajectoryOptions): Promise<TrajectoryDetails | undefined> {
  const { trajectories: t, trajectorySupervisors: s, meetings: m, meetingSlots: slot } = schema;
  const [trajectory] = await tx
    .select()
    .from(t)
    .where(and(eq(t.tenantId, o.tenantId), eq(t.slug, o.slug)));
  if (!trajectory) return undefined;
  const supervisors = await tx
    .select({ id: s.id, name: s.name, organisation: s.organisation })
    .from(s)
    .where(and(eq(s.tenantId, o.tenantId), eq(s.trajectoryId, trajectory.id)))
    .orderBy(asc(s.position));
  const hasTrack = tx
    .select({ id: slot.id })
    .from(slot)
    .where(and(eq(slot.meetingId, m.id), eq(slot.trajectoryId, trajectory.id)));
  const meetings = await tx
    .select(meetingSummaryColumns)
    .from(m)
    .where(and(eq(m.tenantId, o.tenantId), or(eq(m.trajectoryId, trajectory.id), exists(hasTrack))))
    .orderBy(asc(m.startsAt), asc(m.title));
  return { ...trajectory, supervisors, meetings };
}
