import { and, count, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { BudgetingError } from "./errors.ts";
import { getRound } from "./get-round.ts";
import { type PublicPhoto, storePublicPhoto } from "./public-photo.ts";

export type SubmitPlanOptions = {
  tenantId: string;
  roundSlug: string;
  roundAreaId: string;
  personId: string | null;
  title: string;
  description: string;
  location: string;
  estimatedCostEuros: number;
  /** An optional photo; its alt text is required, since the photo is shown on a public page. */
  photo?: PublicPhoto | null;
  idempotencyKey: string;
  now: Date;
};

/**
 * A resident submits a plan while the round takes plans. It waits for staff to publish it. The plan's number is the
 * next one in the round, decided under the round's row lock so two plans never share a number. A photo is checked
 * (type, size, alt text) by the upload module in the same transaction: a refused photo leaves no plan behind.
 */
export async function submitPlan(tx: Tx, o: SubmitPlanOptions): Promise<{ id: string; reference: string }> {
  const round = await getRound(tx, { tenantId: o.tenantId, slug: o.roundSlug, forUpdate: true });
  if (round.track.phase !== "plans") throw new BudgetingError("budgeting.not-accepting-plans");
  if (!round.areas.some((a) => a.id === o.roundAreaId)) throw new BudgetingError("budgeting.area-not-found");
  const plans = schema.pbPlans;
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(plans)
    .where(and(eq(plans.tenantId, o.tenantId), eq(plans.roundId, round.id)));
  const { row, created } = await insertOnce(
    () =>
      tx
        .insert(plans)
        .values({
          tenantId: o.tenantId,
          roundId: round.id,
          roundAreaId: o.roundAreaId,
          reference: String(n + 1),
          title: o.title,
          description: o.description,
          location: o.location,
          estimatedCostEuros: o.estimatedCostEuros,
          status: "submitted",
          submittedBy: o.personId,
          idempotencyKey: o.idempotencyKey,
          createdAt: o.now,
        })
        .onConflictDoNothing({ target: [plans.tenantId, plans.idempotencyKey] })
        .returning({ id: plans.id, reference: plans.reference }),
    () =>
      tx
        .select({ id: plans.id, reference: plans.reference })
        .from(plans)
        .where(and(eq(plans.tenantId, o.tenantId), eq(plans.idempotencyKey, o.idempotencyKey))),
  );
  if (created && o.photo) {
    const photoId = await storePublicPhoto(tx, {
      tenantId: o.tenantId,
      photo: o.photo,
      actorPersonId: o.personId,
      now: o.now,
    });
    await tx
      .update(plans)
      .set({ photoId })
      .where(and(eq(plans.tenantId, o.tenantId), eq(plans.id, row.id)));
  }
  if (created) {
    await recordAudit(tx, {
      tenantId: o.tenantId,
      actorPersonId: o.personId,
      action: "budgeting.plan.submit",
      subject: o.title,
      details: { roundId: round.id, planId: row.id },
    });
  }
  return row;
}
