import { and, eq, ne } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
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
 * free), so "was this person already signed up?" cannot race: a double click sends no second mail.
 */
export async function signUpForTrack(tx: Tx, o: SignUpForTrackOptions): Promise<SignUpOutcome> {
  await tx
    .select({ id: schema.meetingSlots.id })
    .from(schema.meetingSlots)
    .where(and(eq(schema.meetingSlots.tenantId, o.tenantId), eq(schema.meetingSlots.id, o.slotId)))
    .for("update");
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
