import { eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { promoteFirstWaiting } from "./cancel-registration.ts";
import { lockProvisionalPlace, type PlaceDecisionOptions } from "./confirm-place.ts";
import type { Registration } from "./register-for-slot.ts";
import { mailRegistrationStatus } from "./registration-mail.ts";

export type PlaceDeclined = { declined: Registration; promoted: Registration | undefined };

/**
 * Programme staff decline a provisional place. It is freed as a cancellation frees it: the first person on the
 * wait-list takes it (provisionally again) and is told, and the declined person gets a mail saying so; all under
 * the slot's row lock, in the same transaction.
 */
export async function declinePlace(tx: Tx, o: PlaceDecisionOptions): Promise<PlaceDeclined> {
  const place = await lockProvisionalPlace(tx, o);
  const [declined] = await tx
    .update(schema.registrations)
    .set({ status: "cancelled", cancelledAt: o.now })
    .where(eq(schema.registrations.id, o.registrationId))
    .returning();
  const promoted = await promoteFirstWaiting(tx, place.slotId, o.now);
  const { meetingLink, now } = o;
  await mailRegistrationStatus(tx, { registration: declined!, declined: true, meetingLink, now });
  if (promoted) await mailRegistrationStatus(tx, { registration: promoted, promoted: true, meetingLink, now });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.place-declined",
    subject: o.registrationId,
    details: { meetingId: declined!.meetingId, promoted: promoted?.id ?? null },
  });
  return { declined: declined!, promoted };
}
