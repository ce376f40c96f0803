import { and, eq, ne } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";
import { requireAudience } from "./meeting-audience.ts";
import { type Registration, registerForSlot } from "./register-for-slot.ts";
import { type MeetingLink, mailRegistrationStatus, waitListPosition } from "./registration-mail.ts";

export type SignUpForTrackOptions = {
  tenantId: string;
  slotId: string;
  personId: string;
  answers: Record<string, string>;
  meetingLink: MeetingLink;
  now: Date;
};

export type SignUpOutcome = { registration: Registration; waitListPosition: number | undefined; repeated: boolean };

/**
 * A person signs up on the meeting's page: a place or a wait-list position (registerForSlot), and the mail saying
 * which, in the same transaction. The slot's row lock is taken first (registerForSlot takes it again, which is
 * free), so "was this person already signed up?" cannot race: a double click sends no second mail. Under that lock the
 * person must belong to the meeting's audience (ADR 0033): staff changing the audience lock the same slots.
 */
export async function signUpForTrack(tx: Tx, o: SignUpForTrackOptions): Promise<SignUpOutcome> {
  const [slot] = await tx
    .select({ meetingId: schema.meetingSlots.meetingId })
    .from(schema.meetingSlots)
    .where(and(eq(schema.meetingSlots.tenantId, o.tenantId), eq(schema.meetingSlots.id, o.slotId)))
    .for("update");
  if (!slot) throw new ProgrammeError("programme.slot-not-found");
  await requireAudience(tx, { tenantId: o.tenantId, meetingId: slot.meetingId, personId: o.personId });
  const [earlier] = await tx
    .select({ id: schema.registrations.id })
    .from(schema.registrations)
    .where(
      and(
        eq(schema.registrations.slotId, o.slotId),
        eq(schema.registrations.personId, o.personId),
        ne(schema.registrations.status, "cancelled"),
      ),
    );
  const registration = await registerForSlot(tx, o);
  if (!earlier) await mailRegistrationStatus(tx, { registration, meetingLink: o.meetingLink, now: o.now });
  const position = registration.status === "wait-listed" ? await waitListPosition(tx, registration) : undefined;
  return { registration, waitListPosition: position, repeated: Boolean(earlier) };
}
