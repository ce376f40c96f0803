import { and, asc, count, eq, inArray, lte } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail, type MailAttachment, whenText } from "../../mail/index.ts";
import { calendarAttachment } from "../../platform/icalendar.ts";
import { listRegistrationEntries } from "./calendar-entries.ts";
import { meetingPlace } from "./meeting-place.ts";
import type { Registration } from "./register-for-slot.ts";

/** Builds the link to a meeting's page; the web layer knows the public address. */
export type MeetingLink = (meetingSlug: string) => string;

/** Where a wait-listed registration stands: 1 is next in line. */
export async function waitListPosition(tx: Tx, registration: Pick<Registration, "slotId" | "position">) {
  const [row] = await tx
    .select({ n: count() })
    .from(schema.registrations)
    .where(
      and(
        eq(schema.registrations.slotId, registration.slotId),
        eq(schema.registrations.status, "wait-listed"),
        lte(schema.registrations.position, registration.position),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Queues the mail that tells a person where their registration stands: a place (with the `.ics` invitation), a
 * place that came free, a wait-list position, a provisional place (no `.ics` until staff confirm it), or a
 * provisional place that staff declined. Same transaction as the change, so it is sent only if that commits.
 */
export async function mailRegistrationStatus(
  tx: Tx,
  o: { registration: Registration; promoted?: boolean; declined?: boolean; meetingLink: MeetingLink; now: Date },
): Promise<void> {
  const { registration } = o;
  const [row] = await tx
    .select({
      email: schema.people.email,
      locale: schema.people.locale,
      meeting: schema.meetings.title,
      slug: schema.meetings.slug,
      track: schema.meetingSlots.title,
      startsAt: schema.meetingSlots.startsAt,
      endsAt: schema.meetingSlots.endsAt,
      provisional: schema.meetings.placesProvisional,
      confirmedAt: schema.registrations.confirmedAt,
    })
    .from(schema.registrations)
    .innerJoin(schema.people, eq(schema.people.id, schema.registrations.personId))
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.registrations.meetingId))
    .innerJoin(schema.meetingSlots, eq(schema.meetingSlots.id, schema.registrations.slotId))
    .where(eq(schema.registrations.id, registration.id));
  if (!row) return;
  const when = whenText(row.locale, row.startsAt, row.endsAt);
  const url = o.meetingLink(row.slug);
  if (registration.status === "wait-listed") {
    await enqueueMail(
      tx,
      {
        to: row.email,
        locale: row.locale,
        template: "registration-wait-listed",
        params: { meeting: row.meeting, track: row.track, position: await waitListPosition(tx, registration), url },
      },
      { runAt: o.now },
    );
    return;
  }
  if (registration.status === "cancelled" && o.declined) {
    const params = { meeting: row.meeting, track: row.track, when, url };
    await enqueueMail(
      tx,
      { to: row.email, locale: row.locale, template: "registration-declined", params },
      {
        runAt: o.now,
      },
    );
    return;
  }
  if (registration.status !== "registered") return;
  if (row.provisional && !row.confirmedAt) {
    // A provisional place has no appointment yet: the invitation comes with staff's confirmation.
    const params = { meeting: row.meeting, track: row.track, when, url };
    await enqueueMail(
      tx,
      { to: row.email, locale: row.locale, template: "registration-provisional", params },
      {
        runAt: o.now,
      },
    );
    return;
  }
  await enqueueMail(
    tx,
    {
      to: row.email,
      locale: row.locale,
      template: o.promoted ? "registration-promoted" : "registration-confirmed",
      params: { meeting: row.meeting, track: row.track, when, url },
      attachments: [await invitation(tx, registration, row.meeting, url)],
    },
    { runAt: o.now },
  );
}

/**
 * The `.ics` of one place: always the registration's own UID, with the meeting's current SEQUENCE, so a calendar
 * app replaces the event it holds. For a cancelled meeting the event says STATUS:CANCELLED under METHOD:CANCEL.
 */
async function invitation(
  tx: Tx,
  registration: Pick<Registration, "id" | "tenantId" | "personId">,
  meeting: string,
  url: string,
): Promise<MailAttachment> {
  const entries = await listRegistrationEntries(tx, {
    programmeTenantId: registration.tenantId,
    personId: registration.personId,
    registrationId: registration.id,
  });
  const method = entries.some((entry) => entry.cancelled) ? "cancel" : "publish";
  return calendarAttachment({ name: meeting, method, events: entries.map((entry) => ({ ...entry, url })) });
}

/**
 * Tells everyone with a place or a wait-list spot that the meeting moved (date, time or place) or was called off.
 * A place comes with its `.ics` (same UID, the raised SEQUENCE; a cancelling one when called off); a wait-list spot
 * has no calendar event, so its mail has none. Queued in the caller's transaction, in wait-list order.
 */
export async function mailMeetingChange(
  tx: Tx,
  o: { tenantId: string; meetingId: string; change: "moved" | "cancelled"; meetingLink: MeetingLink; now: Date },
): Promise<number> {
  const rows = await tx
    .select({
      registration: schema.registrations,
      email: schema.people.email,
      locale: schema.people.locale,
      meeting: schema.meetings,
      track: schema.meetingSlots.title,
      startsAt: schema.meetingSlots.startsAt,
      endsAt: schema.meetingSlots.endsAt,
    })
    .from(schema.registrations)
    .innerJoin(schema.people, eq(schema.people.id, schema.registrations.personId))
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.registrations.meetingId))
    .innerJoin(schema.meetingSlots, eq(schema.meetingSlots.id, schema.registrations.slotId))
    .where(
      and(
        eq(schema.registrations.tenantId, o.tenantId),
        eq(schema.registrations.meetingId, o.meetingId),
        inArray(schema.registrations.status, ["registered", "wait-listed"]),
      ),
    )
    .orderBy(asc(schema.registrations.position));
  for (const row of rows) {
    const url = o.meetingLink(row.meeting.slug);
    const params = {
      meeting: row.meeting.title,
      track: row.track,
      when: whenText(row.locale, row.startsAt, row.endsAt),
      where: meetingPlace(row.meeting) ?? "",
      url,
    };
    const attachments =
      row.registration.status === "registered" ? [await invitation(tx, row.registration, row.meeting.title, url)] : [];
    await enqueueMail(
      tx,
      {
        to: row.email,
        locale: row.locale,
        template: o.change === "moved" ? "meeting-moved" : "meeting-cancelled",
        params,
        attachments,
      },
      { runAt: o.now },
    );
  }
  return rows.length;
}
