import { and, asc, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { writeInvitations } from "./meeting-audience.ts";
import { type MeetingLink, mailMeetingChange } from "./registration-mail.ts";
import { type Meeting, type MeetingFields, requireMeetingDetails } from "./schedule-meeting.ts";

export type ChangeMeetingOptions = MeetingFields & {
  tenantId: string;
  meetingId: string;
  actorPersonId: string;
  meetingLink: MeetingLink;
  now: Date;
};

export type MeetingChange = {
  meeting: Meeting;
  /** Date, time or place changed: the SEQUENCE went up and everyone signed up was mailed. */
  moved: boolean;
  mailed: number;
};

const place = (m: Pick<Meeting, "venue" | "address" | "city">) => [m.venue ?? "", m.address ?? "", m.city ?? ""];

/**
 * Staff edit, postpone or move a meeting. Its programme moves with it: every slot shifts by as much as the start
 * did, and must still fit the new times. A change of date, time or place raises the meeting's SEQUENCE and mails
 * everyone signed up, a place with the updated `.ics` (same UID). The meeting row is locked first and then its slots,
 * so a sign-up in flight either commits before the change (and is mailed) or waits and sees the new times and
 * audience. A narrower audience takes no place away: whoever registered before keeps it.
 */
export async function changeMeeting(tx: Tx, o: ChangeMeetingOptions): Promise<MeetingChange> {
  await requireMeetingDetails(tx, o.tenantId, o);
  const ofMeeting = and(eq(schema.meetings.tenantId, o.tenantId), eq(schema.meetings.id, o.meetingId));
  const [before] = await tx.select().from(schema.meetings).where(ofMeeting).for("update");
  if (!before) throw new ProgrammeError("programme.meeting-not-found");
  if (before.cancelledAt) throw new ProgrammeError("programme.meeting-cancelled");
  // A workshop is a municipality's request scheduled (its request points at it): it stays one, and no other meeting
  // becomes one without a request.
  if ((before.kind === "workshop") !== (o.kind === "workshop"))
    throw new ProgrammeError("programme.workshop-kind-fixed");

  const shift = o.startsAt.getTime() - before.startsAt.getTime();
  const slots = await tx
    .select()
    .from(schema.meetingSlots)
    .where(eq(schema.meetingSlots.meetingId, before.id))
    .orderBy(asc(schema.meetingSlots.id))
    .for("update");
  for (const slot of slots) {
    const startsAt = new Date(slot.startsAt.getTime() + shift);
    const endsAt = new Date(slot.endsAt.getTime() + shift);
    if (startsAt < o.startsAt || endsAt > o.endsAt) throw new ProgrammeError("programme.slot-outside-meeting");
    if (shift !== 0)
      await tx.update(schema.meetingSlots).set({ startsAt, endsAt }).where(eq(schema.meetingSlots.id, slot.id));
  }

  const after = { venue: o.venue?.trim() || null, address: o.address?.trim() || null, city: o.city?.trim() || null };
  const moved =
    shift !== 0 ||
    o.endsAt.getTime() !== before.endsAt.getTime() ||
    place(before).join("\n") !== place(after).join("\n");
  const [meeting] = await tx
    .update(schema.meetings)
    .set({
      kind: o.kind,
      title: o.title.trim(),
      description: o.description ?? "",
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      allDay: o.allDay ?? false,
      trajectoryId: o.trajectoryId ?? null,
      region: o.region?.trim() || null,
      // The staff form does not show a meeting's own limit (a workshop's participants): left out, it stays.
      ...(o.capacity === undefined ? {} : { capacity: o.capacity }),
      ...(o.placesProvisional === undefined ? {} : { placesProvisional: o.placesProvisional }),
      ...(o.audience === undefined ? {} : { audience: o.audience }),
      ...after,
      sequence: moved ? before.sequence + 1 : before.sequence,
    })
    .where(ofMeeting)
    .returning();
  if (o.audience) {
    await writeInvitations(tx, { ...o, meetingId: before.id, audience: o.audience });
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: moved ? "programme.meeting-moved" : "programme.meeting-edited",
    subject: before.id,
    details: {
      title: meeting!.title,
      audience: meeting!.audience,
      ...(meeting!.audience === "invited" && o.audience ? { invited: o.invitedMunicipalityIds } : {}),
      ...(moved
        ? {
            from: {
              startsAt: before.startsAt.toISOString(),
              endsAt: before.endsAt.toISOString(),
              place: place(before),
            },
            to: { startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString(), place: place(after) },
            sequence: meeting!.sequence,
          }
        : {}),
    },
  });
  const mailed = moved ? await mailMeetingChange(tx, { ...o, meetingId: before.id, change: "moved" }) : 0;
  return { meeting: meeting!, moved, mailed };
}
