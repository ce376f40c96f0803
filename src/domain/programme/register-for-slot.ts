import { and, count, eq, ne, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";
import { isRegistrationClosed } from "./registration-closed.ts";

export type RegistrationStatus = (typeof schema.registrationStatuses)[number];
export type Registration = typeof schema.registrations.$inferSelect;

export type RegisterForSlotOptions = {
  tenantId: string;
  slotId: string;
  personId: string;
  answers?: Record<string, string>;
  now: Date;
};

/**
 * A place in a track, or on its wait-list when the track is full. The slot row is locked first, so of two
 * sign-ups for the last place exactly one gets it, however many arrive at once. Signing up twice returns the first
 * registration: a double click or a retry changes nothing.
 */
export async function registerForSlot(tx: Tx, o: RegisterForSlotOptions): Promise<Registration> {
  const [slot] = await tx
    .select({
      id: schema.meetingSlots.id,
      kind: schema.meetingSlots.kind,
      capacity: schema.meetingSlots.capacity,
      startsAt: schema.meetingSlots.startsAt,
      endsAt: schema.meetingSlots.endsAt,
      meetingId: schema.meetingSlots.meetingId,
      meetingStartsAt: schema.meetings.startsAt,
    })
    .from(schema.meetingSlots)
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.meetingSlots.meetingId))
    .where(and(eq(schema.meetingSlots.tenantId, o.tenantId), eq(schema.meetingSlots.id, o.slotId)))
    .for("update", { of: schema.meetingSlots });
  if (!slot) throw new ProgrammeError("programme.slot-not-found");
  if (slot.kind === "walk-in") throw new ProgrammeError("programme.slot-not-registrable");
  if (isRegistrationClosed({ startsAt: slot.meetingStartsAt }, o.now)) {
    throw new ProgrammeError("programme.registration-closed");
  }
  // Read after the slot lock, in a statement of its own: a cancellation that held the lock is seen once it commits.
  const [meeting] = await tx
    .select({ cancelledAt: schema.meetings.cancelledAt })
    .from(schema.meetings)
    .where(eq(schema.meetings.id, slot.meetingId));
  if (meeting?.cancelledAt) throw new ProgrammeError("programme.meeting-cancelled");

  const [existing] = await tx
    .select()
    .from(schema.registrations)
    .where(
      and(
        eq(schema.registrations.slotId, slot.id),
        eq(schema.registrations.personId, o.personId),
        ne(schema.registrations.status, "cancelled"),
      ),
    );
  if (existing) return existing;
  await lockPersonInMeeting(tx, { personId: o.personId, meetingId: slot.meetingId });
  await refuseOverlap(tx, { ...o, meetingId: slot.meetingId, startsAt: slot.startsAt, endsAt: slot.endsAt });

  const [taken] = await tx
    .select({ n: count() })
    .from(schema.registrations)
    .where(and(eq(schema.registrations.slotId, slot.id), eq(schema.registrations.status, "registered")));
  const status: RegistrationStatus =
    slot.capacity === null || (taken?.n ?? 0) < slot.capacity ? "registered" : "wait-listed";
  const [registration] = await tx
    .insert(schema.registrations)
    .values({
      tenantId: o.tenantId,
      slotId: slot.id,
      meetingId: slot.meetingId,
      personId: o.personId,
      status,
      answers: o.answers ?? {},
      createdAt: o.now,
    })
    .returning();
  return registration!;
}

/**
 * Parallel tracks are different slot rows, so the slot lock alone lets one person's two simultaneous sign-ups both
 * pass the overlap check. A transaction-scoped lock on (person, meeting) in the database makes the second wait
 * for the first to commit, and its check then sees the first place. Taken after the slot lock, always in that
 * order, so two sign-ups cannot wait for each other.
 */
async function lockPersonInMeeting(tx: Tx, o: { personId: string; meetingId: string }): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`registration:${o.meetingId}:${o.personId}`}, 0))`,
  );
}

/** Parallel tracks run at the same time: a person follows one of them. */
async function refuseOverlap(
  tx: Tx,
  o: { tenantId: string; personId: string; meetingId: string; startsAt: Date; endsAt: Date },
): Promise<void> {
  const active = await tx
    .select({
      title: schema.meetingSlots.title,
      startsAt: schema.meetingSlots.startsAt,
      endsAt: schema.meetingSlots.endsAt,
    })
    .from(schema.registrations)
    .innerJoin(schema.meetingSlots, eq(schema.meetingSlots.id, schema.registrations.slotId))
    .where(
      and(
        eq(schema.registrations.tenantId, o.tenantId),
        eq(schema.registrations.meetingId, o.meetingId),
        eq(schema.registrations.personId, o.personId),
        ne(schema.registrations.status, "cancelled"),
      ),
    );
  const clash = active.find((slot) => slot.startsAt < o.endsAt && o.startsAt < slot.endsAt);
  if (clash) throw new ProgrammeError("programme.overlapping-track", { track: clash.title });
}
