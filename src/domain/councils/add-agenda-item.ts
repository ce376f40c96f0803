import { and, eq, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { lockMeeting } from "./meeting-access.ts";
import type { AgendaItemVisibility } from "./meeting-kinds.ts";

export type AddAgendaItemOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  title: string;
  explanation: string;
  visibility: AgendaItemVisibility;
  actorPersonId: string;
  now: Date;
};

/** An agenda item at the end of the agenda; decided under the meeting's lock, so two additions get two places. */
export async function addAgendaItem(tx: Tx, o: AddAgendaItemOptions): Promise<{ id: string; position: number }> {
  await lockMeeting(tx, o);
  const i = schema.councilAgendaItems;
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${i.position}), 0)::int` })
    .from(i)
    .where(and(eq(i.tenantId, o.tenantId), eq(i.meetingId, o.meetingId)));
  const [item] = await tx
    .insert(i)
    .values({
      tenantId: o.tenantId,
      meetingId: o.meetingId,
      position: (last?.position ?? 0) + 1,
      title: o.title,
      explanation: o.explanation,
      visibility: o.visibility,
      createdAt: o.now,
    })
    .returning({ id: i.id, position: i.position });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.agenda-item-add",
    subject: o.meetingId,
    details: { item: item!.id, visibility: o.visibility },
  });
  return item!;
}
