import { and, eq, inArray, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";

export type RecordAttendanceOptions = {
  tenantId: string;
  meetingId: string;
  /** The registrations (places) whose holders came; every other place of the meeting did not. */
  attendedIds: readonly string[];
  actorPersonId: string;
  now: Date;
};

/**
 * Staff tick who came, for the whole meeting at once (the list is one form). Only places count: a wait-list spot
 * or a cancelled registration named here is refused and nothing changes. Attendance is recorded from the meeting's
 * start. The meeting row is locked, so two staff saving at once are applied one after the other.
 */
export async function recordAttendance(tx: Tx, o: RecordAttendanceOptions): Promise<{ attended: number }> {
  const [meeting] = await tx
    .select({ id: schema.meetings.id, startsAt: schema.meetings.startsAt, cancelledAt: schema.meetings.cancelledAt })
    .from(schema.meetings)
    .where(and(eq(schema.meetings.tenantId, o.tenantId), eq(schema.meetings.id, o.meetingId)))
    .for("update");
  if (!meeting) throw new ProgrammeError("programme.meeting-not-found");
  if (meeting.cancelledAt) throw new ProgrammeError("programme.meeting-cancelled");
  if (o.now < meeting.startsAt) throw new ProgrammeError("programme.attendance-before-meeting");
  const ids = [...new Set(o.attendedIds)];
  const places = and(eq(schema.registrations.meetingId, meeting.id), eq(schema.registrations.status, "registered"));
  const ticked = ids.length
    ? await tx
        .select({ id: schema.registrations.id })
        .from(schema.registrations)
        .where(and(places, inArray(schema.registrations.id, ids)))
    : [];
  if (ticked.length !== ids.length) throw new ProgrammeError("programme.registration-not-found");
  await tx
    .update(schema.registrations)
    .set({ attended: ids.length ? inArray(schema.registrations.id, ids) : sql`false` })
    .where(places);
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.attendance-recorded",
    subject: meeting.id,
    details: { attended: ids },
  });
  return { attended: ids.length };
}
