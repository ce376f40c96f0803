import * as Q from "../src/election/rational.ts";
import type { Ledger, LedgerSetup, StartingBudget } from "../src/rules/equal-shares/ledger.ts";

/**
 * The reference computation, literally: every budget an exact rational, updated voter by voter. Too slow for the
 * engine (its exact runs use `exactRunLedger`), it is the oracle the tests compare the engine with.
 */
export function exactLedger(
  setup: LedgerSetup,
  budget: StartingBudget,
): Ledger<Q.Rational> & { budgetOf(ballot: number): Q.Rational } {
  const { counts, costs, supporters, satisfaction, satisfactionTotals } = setup;
  const start = Q.rational(budget.num, budget.den);
  const budgets: Q.Rational[] = new Array(counts.length).fill(start);
  const count = (b: number) => Q.fromInteger(counts[b]!);
  const sat = (project: number, k: number) => Q.fromInteger(satisfaction[project]![k]!);
  // Counts and satisfactions are integers, so the satisfaction of those paying a full share is a plain bigint.
  const weight = (project: number, k: number) => BigInt(counts[supporters[project]![k]!]! * satisfaction[project]![k]!);

  function price(project: number): Q.Rational | undefined {
    const ballots = supporters[project]!;
    const cost = Q.fromInteger(costs[project]!);
    let total = Q.ZERO;
    for (const b of ballots) total = Q.add(total, Q.mul(count(b), budgets[b]!));
    if (Q.compare(total, cost) < 0) return undefined;
    let rich = Array.from(ballots, (_, k) => k);
    let poorMoney = Q.ZERO;
    let richSat = BigInt(satisfactionTotals[project]!);
    let rho = Q.rational(cost.num, richSat);
    for (;;) {
      const kept: number[] = [];
      for (const k of rich) {
        const b = ballots[k]!;
        if (Q.compare(budgets[b]!, Q.mul(rho, sat(project, k))) < 0) {
          poorMoney = Q.add(poorMoney, Q.mul(count(b), budgets[b]!));
          richSat -= weight(project, k);
        } else kept.push(k);
      }
      if (kept.length === rich.length) return rho;
      rich = kept;
      rho = Q.div(Q.sub(cost, poorMoney), Q.rational(richSat));
    }
  }

  function charge(project: number, rho: Q.Rational): void {
    supporters[project]!.forEach((b, k) => {
      const amount = Q.min(budgets[b]!, Q.mul(rho, sat(project, k)));
      budgets[b] = Q.sub(budgets[b]!, amount);
    });
  }

  return {
    price,
    charge,
    compare: Q.compare,
    clearlyAbove: (a, b) => Q.compare(a, b) > 0,
    toNumber: Q.toNumber,
    stableUntil: () => Number.NEGATIVE_INFINITY,
    budgetOf: (ballot) => budgets[ballot]!,
  };
}
