import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { findAdmittedApplication } from "./find-admitted-application.ts";

export type CostItem = typeof schema.costItems.$inferSelect;

export type RecordCostItemOptions = {
  programmeTenantId: string;
  applicationId: string;
  kind: CostItem["kind"];
  supplier: string;
  description: string;
  amountCents: number;
  eligible: boolean;
  documentOn: string;
  actorPersonId: string;
  /** The form's hidden key: submitting the same form twice records one item. */
  idempotencyKey?: string;
  now: Date;
};

/** Staff record a quote or an invoice for an admitted municipality's local support. */
export async function recordCostItem(tx: Tx, o: RecordCostItemOptions): Promise<CostItem> {
  if (!Number.isSafeInteger(o.amountCents) || o.amountCents <= 0)
    throw new ProgrammeError("programme.amount-not-positive");
  const application = await findAdmittedApplication(
    tx,
    o.programmeTenantId,
    o.applicationId,
    "programme.costs-need-admission",
  );
  const { row: item, created } = await insertOnce(
    () =>
      tx
        .insert(schema.costItems)
        .values({
          tenantId: o.programmeTenantId,
          municipalityId: application.municipalityId,
          applicationId: o.applicationId,
          kind: o.kind,
          supplier: o.supplier,
          description: o.description,
          amountCents: o.amountCents,
          eligible: o.eligible,
          documentOn: o.documentOn,
          recordedBy: o.actorPersonId,
          recordedAt: o.now,
          idempotencyKey: o.idempotencyKey,
        })
        .onConflictDoNothing()
        .returning(),
    () =>
      tx
        .select()
        .from(schema.costItems)
        .where(
          and(
            eq(schema.costItems.tenantId, o.programmeTenantId),
            eq(schema.costItems.idempotencyKey, o.idempotencyKey ?? ""),
          ),
        ),
  );
  if (!created) return item;
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: `programme.cost.${o.kind}`,
    subject: item.id,
    details: { applicationId: o.applicationId, amountCents: o.amountCents, eligible: o.eligible },
  });
  return item;
}
