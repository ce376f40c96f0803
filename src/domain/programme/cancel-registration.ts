import { and, asc, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";
import type { Registration } from "./register-for-slot.ts";

export type CancelRegistrationOptions = { tenantId: string; registrationId: string; personId: string; now: Date };

export type CancellationOutcome = {
  cancelled: Registration;
  /** The first person on the wait-list, who now has the freed place (to be told by e-mail). */
  promoted: Registration | undefined;
};

/**
 * Gives up a place. A freed place goes at once to the first person on the wait-list. Every status change of a
 * slot's registrations happens under the slot's row lock (parent before child, as in registerForSlot), so the
 * status read after taking it is the one that counts.
 */
export async function cancelRegistration(tx: Tx, o: CancelRegistrationOptions): Promise<CancellationOutcome> {
  const ownRegistration = and(
    eq(schema.registrations.tenantId, o.tenantId),
    eq(schema.registrations.id, o.registrationId),
    eq(schema.registrations.personId, o.personId),
  );
  const [target] = await tx
    .select({ slotId: schema.registrations.slotId })
    .from(schema.registrations)
    .where(ownRegistration);
  if (!target) throw new ProgrammeError("programme.registration-not-found");
  await tx
    .select({ id: schema.meetingSlots.id })
    .from(schema.meetingSlots)
    .where(eq(schema.meetingSlots.id, target.slotId))
    .for("update");

  const [before] = await tx
    .select({ status: schema.registrations.status })
    .from(schema.registrations)
    .where(ownRegistration);
  if (before?.status === "cancelled") throw new ProgrammeError("programme.registration-already-cancelled");
  const [cancelled] = await tx
    .update(schema.registrations)
    .set({ status: "cancelled", cancelledAt: o.now })
    .where(ownRegistration)
    .returning();
  const promoted = before?.status === "registered" ? await promoteFirstWaiting(tx, target.slotId, o.now) : undefined;
  return { cancelled: cancelled!, promoted };
}

/** The first person on a slot's wait-list takes a freed place; the caller holds the slot's row lock. */
export async function promoteFirstWaiting(tx: Tx, slotId: string, now: Date): Promise<Registration | undefined> {
  const [first] = await tx
    .select({ id: schema.registrations.id })
    .from(schema.registrations)
    .where(and(eq(schema.registrations.slotId, slotId), eq(schema.registrations.status, "wait-listed")))
    .orderBy(asc(schema.registrations.position))
    .limit(1);
  if (!first) return undefined;
  const [promoted] = await tx
    .update(schema.registrations)
    .set({ status: "registered", promotedAt: now })
    .where(eq(schema.registrations.id, first.id))
    .returning();
  return promoted;
}
