import { and, eq, isNull, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { lockMeeting } from "./meeting-access.ts";
import { type MeetingChangeLinks, notifyMeetingChange } from "./meeting-calendar.ts";

export type UpdateMeetingOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string | null;
  /** The meeting's `sequence` when the form was read: a change made meanwhile by someone else is not overwritten. */
  version: number;
  /** Where the followers' mail points, when the meeting moved. */
  links: MeetingChangeLinks;
  actorPersonId: string;
  now: Date;
};

/**
 * New facts for a meeting: its name, place, online link, or a new date and time (moving it). A meeting that has
 * begun keeps its times. Every change raises the sequence, so calendars that subscribed to the feed take the new
 * version of the same event. Under the meeting's lock and conditional on the version the form was read at. A published
 * meeting that moved (date, time or place) mails the council's followers the updated `.ics`.
 */
export async function updateMeeting(tx: Tx, o: UpdateMeetingOptions): Promise<{ moved: boolean; mailed: number }> {
  const meeting = await lockMeeting(tx, o);
  if (o.endsAt <= o.startsAt) throw new CouncilsError("councils.meeting-times-invalid");
  const moved = o.startsAt.getTime() !== meeting.startsAt.getTime() || o.endsAt.getTime() !== meeting.endsAt.getTime();
  if (moved && o.now >= meeting.startsAt) throw new CouncilsError("councils.meeting-held");
  const m = schema.councilMeetings;
  const [updated] = await tx
    .update(m)
    .set({
      title: o.title,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      place: o.place,
      onlineUrl: o.onlineUrl,
      sequence: sql`${m.sequence} + 1`,
    })
    .where(and(eq(m.tenantId, o.tenantId), eq(m.id, o.meetingId), eq(m.sequence, o.version), isNull(m.cancelledAt)))
    .returning({ id: m.id });
  if (!updated) throw new CouncilsError("councils.meeting-changed-meanwhile");
  const before = {
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
  };
  const after = {
    title: o.title,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    place: o.place,
    onlineUrl: o.onlineUrl,
  };
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => before[key] !== after[key]);
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.meeting-update",
    subject: o.meetingId,
    details: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
  });
  const relocated = moved || o.place !== meeting.place;
  const mailed = relocated ? await notifyMeetingChange(tx, { ...o, change: "moved" }) : 0;
  return { moved, mailed };
}
