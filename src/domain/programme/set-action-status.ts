import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import type { AgendaItem } from "./list-learning-agendas.ts";

export type SetActionStatusOptions = {
  programmeTenantId: string;
  itemId: string;
  status: AgendaItem["status"];
  actorPersonId: string;
  now: Date;
};

/** Moves a local action along; questions have no progress of their own. */
export async function setActionStatus(tx: Tx, o: SetActionStatusOptions): Promise<AgendaItem> {
  const [item] = await tx
    .update(schema.learningAgendaItems)
    .set({ status: o.status, completedAt: o.status === "done" ? o.now : null })
    .where(
      and(
        eq(schema.learningAgendaItems.tenantId, o.programmeTenantId),
        eq(schema.learningAgendaItems.id, o.itemId),
        eq(schema.learningAgendaItems.kind, "action"),
      ),
    )
    .returning();
  if (!item) throw new ProgrammeError("programme.agenda-action-not-found");
  await recordAudit(tx, {
    tenantId: item.municipalityId,
    actorPersonId: o.actorPersonId,
    action: "programme.agenda.action-status",
    subject: item.id,
    details: { status: o.status },
  });
  return item;
}
