import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { isUuid } from "./lock-council.ts";
import { lockMeeting } from "./meeting-access.ts";

export type RemoveAgendaItemOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  itemId: string;
  actorPersonId: string;
  now: Date;
};

/**
 * Takes an item off the agenda, under the meeting's lock. On a draft nobody has seen it: the item and its files are
 * deleted and the items after it move up one place. On a published agenda it is withdrawn (vervallen): it keeps its
 * number, so the numbers people read stay right, and its documents are no longer served (ADR 0025, addendum).
 */
export async function removeAgendaItem(tx: Tx, o: RemoveAgendaItemOptions): Promise<"deleted" | "withdrawn"> {
  const meeting = await lockMeeting(tx, o);
  const i = schema.councilAgendaItems;
  const [item] = isUuid(o.itemId)
    ? await tx
        .select({ id: i.id, position: i.position, title: i.title, visibility: i.visibility })
        .from(i)
        .where(and(eq(i.tenantId, o.tenantId), eq(i.meetingId, o.meetingId), eq(i.id, o.itemId), isNull(i.withdrawnAt)))
    : [];
  if (!item) throw new CouncilsError("councils.agenda-item-not-found");
  const mode = meeting.status === "draft" ? "deleted" : "withdrawn";
  if (mode === "withdrawn")
    await tx
      .update(i)
      .set({ withdrawnAt: o.now })
      .where(and(eq(i.tenantId, o.tenantId), eq(i.id, item.id)));
  else {
    const d = schema.councilMeetingDocuments;
    const files = await tx
      .select({ uploadId: d.uploadId })
      .from(d)
      .where(and(eq(d.tenantId, o.tenantId), eq(d.meetingId, o.meetingId), eq(d.itemId, item.id)));
    // The document rows go with their uploads (on delete cascade), the item after them.
    if (files.length > 0)
      await tx.delete(schema.uploads).where(
        and(
          eq(schema.uploads.tenantId, o.tenantId),
          inArray(
            schema.uploads.id,
            files.map((file) => file.uploadId),
          ),
        ),
      );
    await tx.delete(i).where(and(eq(i.tenantId, o.tenantId), eq(i.id, item.id)));
    const later = await tx
      .select({ id: i.id, position: i.position })
      .from(i)
      .where(and(eq(i.tenantId, o.tenantId), eq(i.meetingId, o.meetingId), gt(i.position, item.position)))
      .orderBy(asc(i.position));
    // One at a time, lowest first: each moves into the place just freed, so the unique (meeting, position) holds.
    for (const next of later)
      await tx
        .update(i)
        .set({ position: next.position - 1 })
        .where(and(eq(i.tenantId, o.tenantId), eq(i.id, next.id)));
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.agenda-item-remove",
    subject: o.meetingId,
    details: { item: item.id, position: item.position, title: item.title, visibility: item.visibility, mode },
  });
  return mode;
}
