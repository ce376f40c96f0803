import { and, eq, isNotNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { isUuid } from "./lock-council.ts";
import { lockMeeting, raiseMeetingVersion } from "./meeting-access.ts";

export type RestoreAgendaItemOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  itemId: string;
  /** The meeting's `sequence` when the form was read. */
  version: number;
  actorPersonId: string;
  now: Date;
};

/**
 * Puts a withdrawn (vervallen) item back on a published agenda, under the meeting's lock and conditional on the
 * version the form was read at. It kept its number, so it comes back in its place, with the documents it had (ADR
 * 0025, addendum). The audit line says who and when.
 */
export async function restoreAgendaItem(tx: Tx, o: RestoreAgendaItemOptions): Promise<void> {
  await lockMeeting(tx, o);
  const i = schema.councilAgendaItems;
  const [item] = isUuid(o.itemId)
    ? await tx
        .update(i)
        .set({ withdrawnAt: null })
        .where(
          and(eq(i.tenantId, o.tenantId), eq(i.meetingId, o.meetingId), eq(i.id, o.itemId), isNotNull(i.withdrawnAt)),
        )
        .returning({ id: i.id, position: i.position, title: i.title })
    : [];
  if (!item) throw new CouncilsError("councils.agenda-item-not-found");
  await raiseMeetingVersion(tx, o);
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.agenda-item-restore",
    subject: o.meetingId,
    details: { item: item.id, position: item.position, title: item.title },
  });
}
