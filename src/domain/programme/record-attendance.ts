import { and, eq, inArray, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";

export type RecordAttendanceOptions = {
  tenantId: string;
  meetingId: string;
  /** The places the form showed (one page of the meeting's list): only their marks change. */
  shownIds: readonly string[];
  /** Those of the shown places whose holders came; the other shown places' holders did not. */
  attendedIds: readonly string[];
  actorPersonId: string;
  now: Date;
};

/**
 * Staff tick who came, a page of the meeting's list at a time (a meeting can draw thousands). Only places count: a
 * wait-list spot or a cancelled registration named here, or a tick on a place the form did not show, is refused and
 * nothing changes. Attendance is recorded from the meeting's start. The meeting row is locked, so two staff saving
 * at once are applied one after the other.
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
  const shown = [...new Set(o.shownIds)];
  const ids = [...new Set(o.attendedIds)];
  const places = and(
    eq(schema.registrations.meetingId, meeting.id),
    eq(schema.registrations.status, "registered"),
    inArray(schema.registrations.id, shown),
  );
  const found = await tx.select({ id: schema.registrations.id }).from(schema.registrations).where(places);
  if (found.length !== shown.length || ids.some((id) => !shown.includes(id))) {
    throw new ProgrammeError("programme.registration-not-found");
  }
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
