import { and, eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { findAdmittedApplication } from "./find-admitted-application.ts";
import { type AgendaItem, type LearningAgenda, listLearningAgendas } from "./list-learning-agendas.ts";

export type { AgendaItem, LearningAgenda } from "./list-learning-agendas.ts";

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

export async function getLearningAgenda(tx: Executor, applicationId: string): Promise<LearningAgenda> {
  return (await listLearningAgendas(tx, [applicationId])).get(applicationId)!;
}
