import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { type CalendarEvent, calendarAttachment } from "../../platform/icalendar.ts";
import { notifyFollowers, topicOf } from "../following/index.ts";
import type { CouncilMeetingSummary } from "./read-meetings.ts";

/**
 * A council meeting as a calendar event: the feed and the follow mails carry the same UID and SEQUENCE, so whichever
 * copy a calendar holds, the next one replaces it (ADR 0027's rule, for councils).
 */
export function councilMeetingEvent(
  council: { name: string },
  meeting: Pick<CouncilMeetingSummary, "id" | "title" | "startsAt" | "endsAt" | "place" | "sequence" | "cancelledAt">,
  extra: { url?: string; description?: string } = {},
): CalendarEvent {
  return {
    uid: `council-meeting-${meeting.id}@samenspel`,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    title: `${council.name}: ${meeting.title}`,
    location: meeting.place,
    sequence: meeting.sequence,
    cancelled: meeting.cancelledAt !== null,
    ...extra,
  };
}

/** Where the follow mails of a meeting change point: the public meeting page and the unsubscribe page. */
export type MeetingChangeLinks = { meeting: (meetingId: string) => string; unsubscribeBase: string };

/**
 * Tells the council's followers (ADR 0011, topic `council:<id>`) that a published meeting moved or was called off,
 * each in the language they follow in, with the updated `.ics` (same UID, the raised SEQUENCE) or a cancelling one.
 * Read after the change, in the caller's transaction: the mails go only if it commits. A draft was never announced,
 * so its changes mail nobody.
 */
export async function notifyMeetingChange(
  tx: Tx,
  o: { tenantId: string; meetingId: string; change: "moved" | "cancelled"; links: MeetingChangeLinks; now: Date },
): Promise<number> {
  const m = schema.councilMeetings;
  const c = schema.councils;
  const [row] = await tx
    .select({ meeting: m, council: { id: c.id, name: c.name } })
    .from(m)
    .innerJoin(c, and(eq(c.tenantId, m.tenantId), eq(c.id, m.councilId)))
    .where(and(eq(m.tenantId, o.tenantId), eq(m.id, o.meetingId)));
  if (row?.meeting.status !== "published") return 0;
  const { meeting, council } = row;
  const url = o.links.meeting(meeting.id);
  const attachment = calendarAttachment({
    name: council.name,
    method: o.change === "cancelled" ? "cancel" : "publish",
    events: [councilMeetingEvent(council, meeting, { url })],
  });
  const topic = topicOf("council", council.id);
  const base = {
    tenantId: o.tenantId,
    topic,
    attachments: [attachment],
    unsubscribeBase: o.links.unsubscribeBase,
    now: o.now,
  };
  // The date is written out in each follower's language when the mail is rendered.
  const facts = {
    council: council.name,
    meeting: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    where: meeting.place,
    url,
  };
  return o.change === "moved"
    ? notifyFollowers(tx, { ...base, template: "council-meeting-moved", params: facts })
    : notifyFollowers(tx, {
        ...base,
        template: "council-meeting-cancelled",
        params: { ...facts, reason: meeting.cancellationReason ?? "" },
      });
}
