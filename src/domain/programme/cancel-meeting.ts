import { and, eq, isNull, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { type MeetingLink, mailMeetingChange } from "./registration-mail.ts";
import type { Meeting } from "./schedule-meeting.ts";

export type CancelMeetingOptions = {
  tenantId: string;
  meetingId: string;
  actorPersonId: string;
  meetingLink: MeetingLink;
  now: Date;
};

/**
 * Staff call a meeting off. The conditional update decides: of two cancellations one wins, the other is told it
 * was already done. Then the slots are locked, so a sign-up in flight commits first (and is mailed) or waits and is
 * refused. Everyone signed up gets a mail, a place with the cancelling `.ics` (same UID, SEQUENCE raised).
 */
export async function cancelMeeting(tx: Tx, o: CancelMeetingOptions): Promise<{ meeting: Meeting; mailed: number }> {
  const ofMeeting = and(eq(schema.meetings.tenantId, o.tenantId), eq(schema.meetings.id, o.meetingId));
  const [meeting] = await tx
    .update(schema.meetings)
    .set({ cancelledAt: o.now, sequence: sql`${schema.meetings.sequence} + 1` })
    .where(and(ofMeeting, isNull(schema.meetings.cancelledAt)))
    .returning();
  if (!meeting) {
    const [exists] = await tx.select({ id: schema.meetings.id }).from(schema.meetings).where(ofMeeting);
    throw new ProgrammeError(exists ? "programme.meeting-cancelled" : "programme.meeting-not-found");
  }
  await tx
    .select({ id: schema.meetingSlots.id })
    .from(schema.meetingSlots)
    .where(eq(schema.meetingSlots.meetingId, meeting.id))
    .for("update");
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.meeting-cancelled",
    subject: meeting.id,
    details: { title: meeting.title, startsAt: meeting.startsAt.toISOString(), sequence: meeting.sequence },
  });
  const mailed = await mailMeetingChange(tx, { ...o, change: "cancelled" });
  return { meeting, mailed };
}
