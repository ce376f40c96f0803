import { and, eq, isNull, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { lockMeeting } from "./meeting-access.ts";
import { type MeetingChangeLinks, notifyMeetingChange } from "./meeting-calendar.ts";

export type CancelMeetingOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  /** Why, for the public page and the feed. */
  reason: string;
  /** The meeting's `sequence` when the form was read. */
  version: number;
  /** Where the followers' mail points. */
  links: MeetingChangeLinks;
  actorPersonId: string;
  now: Date;
};

/**
 * Calls a meeting off before it begins. A published one stays on the public page and in the feed, marked as
 * cancelled (STATUS:CANCELLED with a higher SEQUENCE), so calendars drop it; after this nothing of it changes. The
 * council's followers get a mail with the cancelling `.ics` (returns how many).
 */
export async function cancelMeeting(tx: Tx, o: CancelMeetingOptions): Promise<number> {
  const meeting = await lockMeeting(tx, o);
  if (o.now >= meeting.startsAt) throw new CouncilsError("councils.meeting-held");
  const m = schema.councilMeetings;
  const [cancelled] = await tx
    .update(m)
    .set({ cancelledAt: o.now, cancellationReason: o.reason, sequence: sql`${m.sequence} + 1` })
    .where(and(eq(m.tenantId, o.tenantId), eq(m.id, o.meetingId), eq(m.sequence, o.version), isNull(m.cancelledAt)))
    .returning({ id: m.id });
  if (!cancelled) throw new CouncilsError("councils.meeting-changed-meanwhile");
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.meeting-cancel",
    subject: o.meetingId,
    details: { status: meeting.status, startsAt: meeting.startsAt.toISOString(), reason: o.reason },
  });
  return notifyMeetingChange(tx, { ...o, change: "cancelled" });
}
