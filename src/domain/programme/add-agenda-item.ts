import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { findAdmittedApplication } from "./find-admitted-application.ts";
import type { AgendaItem } from "./list-learning-agendas.ts";

export type AddAgendaItemOptions = {
  programmeTenantId: string;
  applicationId: string;
  kind: AgendaItem["kind"];
  text: string;
  actorPersonId: string;
  /** The form's hidden key: submitting the same form twice adds one item. */
  idempotencyKey?: string;
  now: Date;
};

/** Only an admitted municipality keeps a learning agenda: it belongs to the learning group. */
export async function addAgendaItem(tx: Tx, o: AddAgendaItemOptions): Promise<AgendaItem> {
  const application = await findAdmittedApplication(
    tx,
    o.programmeTenantId,
    o.applicationId,
    "programme.agenda-needs-admission",
  );
  const t = schema.learningAgendaItems;
  const { row: item, created } = await insertOnce(
    () =>
      tx
        .insert(t)
        .values({
          tenantId: o.programmeTenantId,
          municipalityId: application.municipalityId,
          applicationId: o.applicationId,
          kind: o.kind,
          text: o.text,
          createdAt: o.now,
          idempotencyKey: o.idempotencyKey,
        })
        .onConflictDoNothing()
        .returning(),
    () =>
      tx
        .select()
        .from(t)
        .where(and(eq(t.tenantId, o.programmeTenantId), eq(t.idempotencyKey, o.idempotencyKey ?? ""))),
  );
  if (!created) return item;
  await recordAudit(tx, {
    tenantId: application.municipalityId,
    actorPersonId: o.actorPersonId,
    action: `programme.agenda.add-${o.kind}`,
    subject: item.id,
  });
  return item;
}
