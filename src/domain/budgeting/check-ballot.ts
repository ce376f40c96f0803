import { BudgetingError } from "./errors.ts";
import type { BallotRules } from "./rules.ts";

export type BallotChoice = { planId: string; points?: number };
export type BallotPlan = { id: string; costEuros: number };

const invalid = (reason: string, params: Record<string, number> = {}) => {
  throw new BudgetingError("budgeting.ballot-invalid", { reason, ...params });
};

/**
 * Checks a ballot against its form and the area's plans on the ballot; returns the plan ids in ballot order and,
 * for cumulative ballots, the points. The same check runs for online, changed and paper ballots.
 */
export function checkBallot(
  rules: BallotRules,
  o: { choices: readonly BallotChoice[]; plans: readonly BallotPlan[]; budgetEuros: number },
): { planIds: string[]; points: number[] | null } {
  const costs = new Map(o.plans.map((p) => [p.id, p.costEuros]));
  const choices = o.choices.filter((c) => rules.form !== "cumulative" || (c.points ?? 0) > 0);
  const planIds = choices.map((c) => c.planId);
  if (planIds.length === 0) invalid("empty");
  if (new Set(planIds).size !== planIds.length) invalid("twice");
  if (planIds.some((id) => !costs.has(id))) invalid("unknown-plan");
  switch (rules.form) {
    case "knapsack": {
      const spent = planIds.reduce((sum, id) => sum + costs.get(id)!, 0);
      if (spent > o.budgetEuros) invalid("over-budget", { budget: o.budgetEuros, spent });
      const least = rules.minSharePercent === null ? 0 : Math.ceil((o.budgetEuros * rules.minSharePercent) / 100);
      if (spent < least) invalid("under-minimum", { least, spent });
      break;
    }
    case "approval":
      if (planIds.length < rules.minPlans) invalid("too-few", { min: rules.minPlans, given: planIds.length });
      if (rules.maxPlans !== null && planIds.length > rules.maxPlans) {
        invalid("too-many", { max: rules.maxPlans, given: planIds.length });
      }
      break;
    case "cumulative": {
      const points = choices.map((c) => c.points ?? 0);
      if (points.some((p) => !Number.isInteger(p) || p > rules.maxPointsPerPlan)) {
        invalid("points-per-plan", { max: rules.maxPointsPerPlan });
      }
      const total = points.reduce((a, b) => a + b, 0);
      if (total > rules.points) invalid("too-many-points", { points: rules.points, given: total });
      return { planIds, points };
    }
    case "ranking":
      if (planIds.length > rules.rankCount) invalid("too-many", { max: rules.rankCount, given: planIds.length });
      break;
  }
  return { planIds, points: null };
}
