import { and, eq, gt, inArray } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import type { MeetingLink } from "./registration-mail.ts";
import { withdrawFromTrack } from "./withdraw-from-track.ts";

export type ReleasePlacesOptions = { personId: string; meetingLink: MeetingLink; now: Date };

/**
 * Before an account is deleted: every place and wait-list spot the person holds in a part that has not started is
 * given up as a cancellation is, so the first person waiting gets a freed place and the mail that says so. Deleting
 * the person afterwards takes the cancelled registrations with it; without this the place would skip the wait-list.
 * Returns how many were given up.
 */
export async function releasePlaces(tx: Tx, o: ReleasePlacesOptions): Promise<number> {
  const { registrations, meetingSlots } = schema;
  const held = await tx
    .select({ id: registrations.id, tenantId: registrations.tenantId })
    .from(registrations)
    .innerJoin(meetingSlots, eq(meetingSlots.id, registrations.slotId))
    .where(
      and(
        eq(registrations.personId, o.personId),
        inArray(registrations.status, ["registered", "wait-listed"]),
        gt(meetingSlots.startsAt, o.now),
      ),
    )
    .orderBy(registrations.id);
  for (const registration of held)
    await withdrawFromTrack(tx, { ...o, tenantId: registration.tenantId, registrationId: registration.id });
  return held.length;
}
