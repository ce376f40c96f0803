import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { meetingPlace } from "./meeting-place.ts";

/** What a calendar needs of a meeting or a track; the web layer writes it as iCalendar. */
export type CalendarEntry = {
  uid: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description?: string;
  location?: string;
  /** The meeting's SEQUENCE: a postponement or a move raises it, so calendars replace the event they hold. */
  sequence?: number;
  cancelled?: boolean;
};

/** The programme's meetings, all of them or one trajectory's: the public feeds. */
export async function listMeetingEntries(
  tx: Executor,
  o: { programmeTenantId: string; trajectoryId?: string },
): Promise<CalendarEntry[]> {
  const rows = await tx
    .select()
    .from(schema.meetings)
    .where(
      and(
        eq(schema.meetings.tenantId, o.programmeTenantId),
        o.trajectoryId ? eq(schema.meetings.trajectoryId, o.trajectoryId) : undefined,
      ),
    )
    .orderBy(asc(schema.meetings.startsAt));
  return rows.map((m) => ({
    uid: `meeting-${m.id}@samenspel`,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    title: m.title,
    description: m.description || undefined,
    location: meetingPlace(m),
    sequence: m.sequence,
    cancelled: m.cancelledAt !== null,
  }));
}

/** The tracks a person has a place in: their own feed, and the attachment of each confirmation. */
export async function listRegistrationEntries(
  tx: Executor,
  o: { programmeTenantId: string; personId: string; registrationId?: string },
): Promise<CalendarEntry[]> {
  const rows = await tx
    .select({ registration: schema.registrations, slot: schema.meetingSlots, meeting: schema.meetings })
    .from(schema.registrations)
    .innerJoin(schema.meetingSlots, eq(schema.meetingSlots.id, schema.registrations.slotId))
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.registrations.meetingId))
    .where(
      and(
        eq(schema.registrations.tenantId, o.programmeTenantId),
        eq(schema.registrations.personId, o.personId),
        eq(schema.registrations.status, "registered"),
        o.registrationId ? eq(schema.registrations.id, o.registrationId) : undefined,
      ),
    )
    .orderBy(asc(schema.meetingSlots.startsAt));
  return rows.map(({ registration, slot, meeting }) => ({
    uid: `registration-${registration.id}@samenspel`,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    title: slot.title === meeting.title ? meeting.title : `${meeting.title}: ${slot.title}`,
    description: meeting.description || undefined,
    location: meetingPlace(meeting),
    sequence: meeting.sequence,
    cancelled: meeting.cancelledAt !== null,
  }));
}
