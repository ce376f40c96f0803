import { CloseCall, type Ledger, type LedgerSetup, type StartingBudget } from "./ledger.ts";

/**
 * A price per unit of satisfaction with a bound on its rounding error. When every supporter either pays the full
 * share (with a margin no rounding can erase) or has certainly spent everything, the price is exactly
 * cost / Σ count × satisfaction of the payers: that integer fraction is kept in `exact`, so equal prices (common:
 * same number of paying supporters) are recognised as ties without leaving floats. `drift` bounds how fast the
 * price can fall as the voters' starting budget grows (see `stableUntil`).
 */
export type FloatPrice = {
  readonly value: number;
  readonly error: number;
  readonly drift: number;
  readonly exact?: readonly [number, number];
};

/**
 * Rounding error bound, relative to the money involved: sums over at most ~10^5 ballots and a few hundred rounds of
 * subtractions stay far below 10^-10 of the supporters' initial money in double precision.
 */
const RELATIVE_ERROR = 1e-10;

/**
 * Budgets in doubles; any decision too close to call in floating point throws `CloseCall`.
 *
 * The ledger also proves up to which starting budget t per voter its outcome stays the same (`stableUntil`), so the
 * add1 completions can skip increments. With the winners kept, a larger t leaves every voter at least as much money
 * and every price at most as high, so whoever could pay a share still can. A budget grows at most `growth` times as
 * fast as t: 1 at first, and a purchase multiplies it by 1 + (largest satisfaction × voters short of their share /
 * satisfaction of those paying it), because the price falls by at most growth × short voters / paying satisfaction
 * per unit of t (only the short voters' extra money lowers it). So every decision holds while its margin exceeds
 * how far t moved times how fast that margin can shrink: a loser's price falling, an unaffordable project's
 * supporters gaining money. Elections with few voters short of money (choose-1 ballots above all) skip far.
 */
export function floatLedger(setup: LedgerSetup, budget: StartingBudget): Ledger<FloatPrice> {
  const { counts, costs, supporters, satisfaction, satisfactionTotals, voters } = setup;
  const start = Number(budget.num) / Number(budget.den);
  const budgets = new Float64Array(counts.length).fill(start);
  // Set when a voter certainly spent everything: their budget is then exactly 0, not merely rounded to it.
  const exhausted = new Uint8Array(counts.length);
  const margin = RELATIVE_ERROR * start;
  let rich = new Int32Array(0);
  let growth = 1;
  let stableUntil = Number.POSITIVE_INFINITY;

  /** Records that a decision with this margin, shrinking at most at `rate` per unit of t, holds while… */
  function holdsWhile(gap: number, rate: number): void {
    // Half the proven distance, so that rounding in the bound itself cannot matter.
    if (rate > 0) stableUntil = Math.min(stableUntil, start + (0.5 * Math.max(0, gap)) / rate);
  }

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
    let poorVoters = 0;
    let left = 0;
    let certain = true;
    for (let k = 0; k < n; k++) {
      const b = ballots[k]!;
      const money = counts[b]! * budgets[b]!;
      total += money;
      const spare = budgets[b]! - rho * sats[k]!;
      if (spare < 0) {
        poorMoney += money;
        poorVoters += counts[b]!;
        richSat -= counts[b]! * sats[k]!;
        if (!exhausted[b]) certain = false;
      } else {
        rich[left++] = k;
        if (spare <= margin) certain = false;
      }
    }
    const slack = RELATIVE_ERROR * (cost + voters[project]! * start);
    if (Math.abs(total - cost) <= slack) throw new CloseCall();
    if (total < cost) {
      holdsWhile(cost - total - slack, growth * voters[project]!);
      return undefined;
    }
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
          poorVoters += counts[b]!;
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
    const price = { value: rho, error: slack / richSat, drift: (growth * poorVoters) / richSat };
    return certain && Number.isSafeInteger(richSat) ? { ...price, exact: [cost, richSat] } : price;
  }

  function charge(project: number, rho: FloatPrice): void {
    const ballots = supporters[project]!;
    const sats = satisfaction[project]!;
    let maxSat = 0;
    for (let k = 0; k < ballots.length; k++) {
      const b = ballots[k]!;
      const share = rho.value * sats[k]!;
      if (share - budgets[b]! > margin) exhausted[b] = 1;
      budgets[b] = exhausted[b] ? 0 : Math.max(0, budgets[b]! - share);
      if (sats[k]! > maxSat) maxSat = sats[k]!;
    }
    // rho.drift is growth × short voters / paying satisfaction: each payer's share can fall by maxSat times that.
    growth += maxSat * rho.drift;
  }

  return {
    price,
    charge,
    compare(a, b) {
      const gap = Math.abs(a.value - b.value) - a.error - b.error;
      if (gap > 0) {
        // The cheaper price can only fall further; the decision turns when the dearer one falls by the gap.
        holdsWhile(gap, a.value > b.value ? a.drift : b.drift);
        return a.value < b.value ? -1 : 1;
      }
      if (!a.exact || !b.exact) throw new CloseCall();
      // Prices this close, settled exactly, stay settled only while neither can move.
      holdsWhile(0, a.drift + b.drift);
      const left = BigInt(a.exact[0]) * BigInt(b.exact[1]);
      const right = BigInt(b.exact[0]) * BigInt(a.exact[1]);
      return left < right ? -1 : left > right ? 1 : 0;
    },
    clearlyAbove(a, b) {
      const gap = a.value - b.value - a.error - b.error;
      if (gap > 0) holdsWhile(gap, a.drift);
      return gap > 0;
    },
    toNumber: (p) => p.value,
    stableUntil: () => stableUntil,
  };
}
