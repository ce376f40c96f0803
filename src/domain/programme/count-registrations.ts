import { and, asc, count, eq, or } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type SlotRegistrations = {
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: Date;
  slotId: string;
  slotTitle: string;
  capacity: number | null;
  registered: number;
  waitListed: number;
};

/**
 * Per meeting of a trajectory (its own meetings, and tracks of it in shared meetings such as the start session)
 * and per track: how many are registered and how many wait.
 */
export async function countRegistrations(
  tx: Executor,
  o: { programmeTenantId: string; trajectoryId: string },
): Promise<SlotRegistrations[]> {
  const slots = await tx
    .select({
      meetingId: schema.meetings.id,
      meetingTitle: schema.meetings.title,
      meetingStartsAt: schema.meetings.startsAt,
      slotId: schema.meetingSlots.id,
      slotTitle: schema.meetingSlots.title,
      capacity: schema.meetingSlots.capacity,
    })
    .from(schema.meetings)
    .innerJoin(schema.meetingSlots, eq(schema.meetingSlots.meetingId, schema.meetings.id))
    .where(and(eq(schema.meetings.tenantId, o.programmeTenantId), ofTrajectory(o.trajectoryId)))
    .orderBy(asc(schema.meetings.startsAt), asc(schema.meetingSlots.startsAt), asc(schema.meetingSlots.position));
  const tallies = await tx
    .select({ slotId: schema.registrations.slotId, status: schema.registrations.status, n: count() })
    .from(schema.registrations)
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.registrations.meetingId))
    .innerJoin(schema.meetingSlots, eq(schema.meetingSlots.id, schema.registrations.slotId))
    .where(and(eq(schema.meetings.tenantId, o.programmeTenantId), ofTrajectory(o.trajectoryId)))
    .groupBy(schema.registrations.slotId, schema.registrations.status);
  const tally = (slotId: string, status: "registered" | "wait-listed") =>
    tallies.find((row) => row.slotId === slotId && row.status === status)?.n ?? 0;
  return slots
    .filter((slot) => slot.capacity !== null)
    .map((slot) => ({
      ...slot,
      registered: tally(slot.slotId, "registered"),
      waitListed: tally(slot.slotId, "wait-listed"),
    }));
}

const ofTrajectory = (trajectoryId: string) =>
  or(eq(schema.meetings.trajectoryId, trajectoryId), eq(schema.meetingSlots.trajectoryId, trajectoryId));
