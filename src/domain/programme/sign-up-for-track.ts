import { and, eq, inArray, ne, or } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";
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
  await requireAudience(tx, o);
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

/** Who works for or in a municipality's government: the audience of its in-company workshop, besides programme staff. */
const municipalRoles = ["municipal-coordinator", "municipal-staff", "council-member"] as const;
const programmeRoles = ["programme-staff", "supervisor"] as const;

/**
 * A workshop scheduled from a municipality's request is that municipality's own: only its coordinators, staff and
 * council members (and programme staff) take a place. Every other meeting is open to anyone signed in. The person's
 * own roles are visible to them under row-level security, whichever tenant they are in.
 */
async function requireAudience(tx: Tx, o: { tenantId: string; slotId: string; personId: string }) {
  const { workshopRequests: requests, meetingSlots: slots, memberships } = schema;
  const [inCompany] = await tx
    .select({ municipalityId: requests.municipalityId })
    .from(requests)
    .innerJoin(slots, eq(slots.meetingId, requests.meetingId))
    .where(and(eq(requests.tenantId, o.tenantId), eq(slots.id, o.slotId)));
  if (!inCompany) return;
  const [allowed] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, o.personId),
        or(
          and(eq(memberships.tenantId, inCompany.municipalityId), inArray(memberships.role, municipalRoles)),
          and(eq(memberships.tenantId, o.tenantId), inArray(memberships.role, programmeRoles)),
        ),
      ),
    )
    .limit(1);
  if (!allowed) throw new ProgrammeError("programme.meeting-for-invited-only");
}
