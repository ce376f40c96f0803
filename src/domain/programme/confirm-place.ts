import { and, eq, isNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import type { Registration } from "./register-for-slot.ts";
import { type MeetingLink, mailRegistrationStatus } from "./registration-mail.ts";

export type PlaceDecisionOptions = {
  tenantId: string;
  registrationId: string;
  actorPersonId: string;
  meetingLink: MeetingLink;
  now: Date;
};

/**
 * Takes the slot's row lock (as every status change of its registrations does, so a cancellation or a sign-up at
 * the same moment waits) and returns the registration if it is still a provisional place: a place, not confirmed,
 * at a meeting whose places staff confirm. Anything else was decided in the meantime.
 */
export async function lockProvisionalPlace(tx: Tx, o: { tenantId: string; registrationId: string }) {
  const ofRegistration = and(
    eq(schema.registrations.tenantId, o.tenantId),
    eq(schema.registrations.id, o.registrationId),
  );
  const [target] = await tx
    .select({ slotId: schema.registrations.slotId })
    .from(schema.registrations)
    .where(ofRegistration);
  if (!target) throw new ProgrammeError("programme.registration-not-found");
  await tx
    .select({ id: schema.meetingSlots.id })
    .from(schema.meetingSlots)
    .where(eq(schema.meetingSlots.id, target.slotId))
    .for("update");
  const [place] = await tx
    .select({ registration: schema.registrations })
    .from(schema.registrations)
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.registrations.meetingId))
    .where(
      and(
        ofRegistration,
        eq(schema.registrations.status, "registered"),
        isNull(schema.registrations.confirmedAt),
        eq(schema.meetings.placesProvisional, true),
      ),
    );
  if (!place) throw new ProgrammeError("programme.place-not-provisional");
  return place.registration;
}

/**
 * Programme staff confirm a provisional place: it becomes final, and the person gets the confirmation mail with the
 * `.ics` invitation, in their own language, in the same transaction.
 */
export async function confirmPlace(tx: Tx, o: PlaceDecisionOptions): Promise<Registration> {
  await lockProvisionalPlace(tx, o);
  const [confirmed] = await tx
    .update(schema.registrations)
    .set({ confirmedAt: o.now })
    .where(eq(schema.registrations.id, o.registrationId))
    .returning();
  await mailRegistrationStatus(tx, { registration: confirmed!, meetingLink: o.meetingLink, now: o.now });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.place-confirmed",
    subject: o.registrationId,
    details: { meetingId: confirmed!.meetingId },
  });
  return confirmed!;
}
