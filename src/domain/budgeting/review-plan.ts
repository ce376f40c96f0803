import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { BudgetingError } from "./errors.ts";
import { getRound } from "./get-round.ts";

export type ModeratePlanOptions = {
  tenantId: string;
  roundId: string;
  planId: string;
  actorPersonId: string | null;
  decision: "publish" | "reject";
};

export type ReviewFeasibilityOptions = {
  tenantId: string;
  roundId: string;
  planId: string;
  actorPersonId: string | null;
  feasible: boolean;
  /** The municipality's own estimate; required when feasible, it is what the plan costs on the ballot. */
  officialCostEuros: number | null;
  /** Published with the plan. */
  reason: string;
};

const plans = schema.pbPlans;

/** Staff publish a submitted plan or keep it off the site; allowed until voting opens. */
export async function moderatePlan(tx: Tx, o: ModeratePlanOptions): Promise<void> {
  const round = await getRound(tx, { tenantId: o.tenantId, id: o.roundId, forUpdate: true });
  if (round.rulesFixedAt) throw new BudgetingError("budgeting.review-closed");
  const [plan] = await tx
    .update(plans)
    .set({ status: o.decision === "publish" ? "published" : "rejected" })
    .where(and(eq(plans.tenantId, o.tenantId), eq(plans.roundId, o.roundId), eq(plans.id, o.planId)))
    .returning({ title: plans.title });
  if (!plan) throw new BudgetingError("budgeting.plan-not-found");
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: `budgeting.plan.${o.decision}`,
    subject: plan.title,
    details: { planId: o.planId },
  });
}

/**
 * The feasibility review of a published plan: the official cost and whether it can be carried out, with a reason
 * that is published. Under the round's lock, and only before voting opens, so the ballot never changes under a
 * voter.
 */
export async function reviewFeasibility(tx: Tx, o: ReviewFeasibilityOptions): Promise<void> {
  const round = await getRound(tx, { tenantId: o.tenantId, id: o.roundId, forUpdate: true });
  if (round.rulesFixedAt) throw new BudgetingError("budgeting.review-closed");
  if (o.feasible && !(o.officialCostEuros && o.officialCostEuros > 0)) {
    throw new BudgetingError("budgeting.invalid-rules", { reason: "official-cost" });
  }
  const [plan] = await tx
    .update(plans)
    .set({
      feasibility: o.feasible ? "feasible" : "infeasible",
      officialCostEuros: o.officialCostEuros,
      feasibilityReason: o.reason,
    })
    .where(
      and(
        eq(plans.tenantId, o.tenantId),
        eq(plans.roundId, o.roundId),
        eq(plans.id, o.planId),
        eq(plans.status, "published"),
      ),
    )
    .returning({ title: plans.title });
  if (!plan) throw new BudgetingError("budgeting.plan-not-published");
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "budgeting.plan.review",
    subject: plan.title,
    details: { planId: o.planId, feasible: o.feasible, officialCostEuros: o.officialCostEuros },
  });
}
