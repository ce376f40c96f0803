import { CloseCall, type Ledger, type LedgerSetup, type StartingBudget } from "./ledger.ts";

/**
 * A price per unit of satisfaction with a bound on its rounding error. When every supporter either pays the full
 * share (with a margin no rounding can erase) or has certainly spent everything, the price is exactly
 * cost / Σ count × satisfaction of the payers: that integer fraction is kept in `exact`, so equal prices (common:
 * same number of paying supporters) are recognised as ties without leaving floats.
 */
export type FloatPrice = { readonly value: number; readonly error: number; readonly exact?: readonly [number, number] };

/**
 * Rounding error bound, relative to the money involved: sums over at most ~10^5 ballots and a few hundred rounds of
 * subtractions stay far below 10^-10 of the supporters' initial money in double precision.
 */
const RELATIVE_ERROR = 1e-10;

/** Budgets in doubles; any decision too close to call in floating point throws `CloseCall`. */
export function floatLedger(setup: LedgerSetup, budget: StartingBudget): Ledger<FloatPrice> {
  const { counts, costs, supporters, satisfaction, satisfactionTotals, voters } = setup;
  const start = Number(budget.num) / Number(budget.den);
  const budgets = new Float64Array(counts.length).fill(start);
  // Set when a voter certainly spent everything: their budget is then exactly 0, not merely rounded to it.
  const exhausted = new Uint8Array(counts.length);
  const margin = RELATIVE_ERROR * start;
  let rich = new Int32Array(0);

  function price(project: number): FloatPrice | undefined {
    const ballots = supporters[project]!;
    const sats = satisfaction[project]!;
    const cost = costs[project]!;
    const n = ballots.length;
    if (rich.length < n) rich = new Int32Array(n);
    // One pass sums the supporters' money and sorts out who is short of the share at the price everybody paying
    // would give; each further pass raises the price to what the others must pay and sorts out the newly short,
    // until nobody remaining is short: the least price that funds the project.
    let richSat = satisfactionTotals[project]!;
    let rho = cost / richSat;
    let total = 0;
    let poorMoney = 0;
    let left = 0;
    let certain = true;
    for (let k = 0; k < n; k++) {
      const b = ballots[k]!;
      const money = counts[b]! * budgets[b]!;
      total += money;
      const spare = budgets[b]! - rho * sats[k]!;
      if (spare < 0) {
        poorMoney += money;
        richSat -= counts[b]! * sats[k]!;
        if (!exhausted[b]) certain = false;
      } else {
        rich[left++] = k;
        if (spare <= margin) certain = false;
      }
    }
    const slack = RELATIVE_ERROR * (cost + voters[project]! * start);
    if (Math.abs(total - cost) <= slack) throw new CloseCall();
    if (total < cost) return undefined;
    while (left < n) {
      if (left === 0 || richSat <= 0) throw new CloseCall();
      rho = (cost - poorMoney) / richSat;
      let kept = 0;
      for (let j = 0; j < left; j++) {
        const k = rich[j]!;
        const b = ballots[k]!;
        const spare = budgets[b]! - rho * sats[k]!;
        if (spare < 0) {
          poorMoney += counts[b]! * budgets[b]!;
          richSat -= counts[b]! * sats[k]!;
          if (!exhausted[b]) certain = false;
        } else {
          rich[kept++] = k;
          if (spare <= margin) certain = false;
        }
      }
      if (kept === left) break;
      left = kept;
    }
    const error = slack / richSat;
    return certain && Number.isSafeInteger(richSat)
      ? { value: rho, error, exact: [cost, richSat] }
      : { value: rho, error };
  }

  function charge(project: number, rho: FloatPrice, paid?: (ballot: number, amount: number) => void): void {
    const ballots = supporters[project]!;
    const sats = satisfaction[project]!;
    for (let k = 0; k < ballots.length; k++) {
      const b = ballots[k]!;
      const share = rho.value * sats[k]!;
      paid?.(b, Math.min(budgets[b]!, share));
      if (share - budgets[b]! > margin) exhausted[b] = 1;
      budgets[b] = exhausted[b] ? 0 : Math.max(0, budgets[b]! - share);
    }
  }

  return {
    price,
    charge,
    compare(a, b) {
      if (Math.abs(a.value - b.value) > a.error + b.error) return a.value < b.value ? -1 : 1;
      if (!a.exact || !b.exact) throw new CloseCall();
      const left = BigInt(a.exact[0]) * BigInt(b.exact[1]);
      const right = BigInt(b.exact[0]) * BigInt(a.exact[1]);
      return left < right ? -1 : left > right ? 1 : 0;
    },
    clearlyAbove: (a, b) => a.value - b.value > a.error + b.error,
    toNumber: (p) => p.value,
  };
}
