import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { findAdmittedApplication } from "./find-admitted-application.ts";
import type { CostItem } from "./record-cost-item.ts";

export type ReverseCostItemOptions = {
  programmeTenantId: string;
  applicationId: string;
  itemId: string;
  reason: string;
  actorPersonId: string;
  /** The form's hidden key: submitting the same correction twice reverses once. */
  idempotencyKey?: string;
  now: Date;
};

/**
 * Corrects a mistaken quote or invoice by a new line with the opposite amount; the original stays as recorded
 * (the table is append-only), so the statement shows what was wrong and why. The original is locked while it is
 * checked, so of two corrections at once the second finds the first; a unique index on `reverses_id` backs that up.
 */
export async function reverseCostItem(tx: Tx, o: ReverseCostItemOptions): Promise<CostItem> {
  const { costItems } = schema;
  const reason = o.reason.trim();
  if (!reason) throw new ProgrammeError("programme.missing-text");
  const application = await findAdmittedApplication(
    tx,
    o.programmeTenantId,
    o.applicationId,
    "programme.costs-need-admission",
  );
  const [original] = await tx
    .select()
    .from(costItems)
    .where(
      and(
        eq(costItems.tenantId, o.programmeTenantId),
        eq(costItems.applicationId, o.applicationId),
        eq(costItems.id, o.itemId),
      ),
    )
    .for("update");
  if (!original) throw new ProgrammeError("programme.cost-item-not-found");
  if (original.reversesId) throw new ProgrammeError("programme.cost-reversal-not-reversible");

  const [earlier] = await tx
    .select()
    .from(costItems)
    .where(and(eq(costItems.tenantId, o.programmeTenantId), eq(costItems.reversesId, original.id)));
  if (earlier) {
    // The same form sent twice (a double click, a retry) finds its own correction.
    if (o.idempotencyKey && earlier.idempotencyKey === o.idempotencyKey) return earlier;
    throw new ProgrammeError("programme.cost-item-already-reversed");
  }

  const [reversal] = await tx
    .insert(costItems)
    .values({
      tenantId: o.programmeTenantId,
      municipalityId: application.municipalityId,
      applicationId: o.applicationId,
      kind: original.kind,
      supplier: original.supplier,
      description: original.description,
      amountCents: -original.amountCents,
      eligible: original.eligible,
      documentOn: original.documentOn,
      reversesId: original.id,
      reason,
      recordedBy: o.actorPersonId,
      recordedAt: o.now,
      idempotencyKey: o.idempotencyKey,
    })
    .returning();
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.cost.reversed",
    subject: original.id,
    details: { applicationId: o.applicationId, amountCents: original.amountCents, reason },
  });
  return reversal!;
}
