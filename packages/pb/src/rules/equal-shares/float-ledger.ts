import { CloseCall, type Ledger, type LedgerSetup } from "./ledger.ts";

/** A price with a bound on its absolute rounding error. */
export type FloatPrice = { readonly value: number; readonly error: number };

/**
 * Rounding error bound, relative to the money involved: sums over at most ~10^5 ballots and a few hundred rounds of
 * subtractions stay far below 10^-10 of the supporters' initial money in double precision.
 */
const RELATIVE_ERROR = 1e-10;

export function floatLedger(setup: LedgerSetup): Ledger<FloatPrice> {
  const { counts, costs, supporters, satisfaction } = setup;
  const start = Number(setup.budgetNum) / Number(setup.budgetDen);
  const budgets = new Float64Array(counts.length).fill(start);
  const initialMoney = supporters.map((ballots) => {
    let voters = 0;
    for (const b of ballots) voters += counts[b]!;
    return voters * start;
  });
  let rich = new Int32Array(0);

  function price(project: number): FloatPrice | undefined {
    const ballots = supporters[project]!;
    const sats = satisfaction[project]!;
    const cost = costs[project]!;
    const n = ballots.length;
    let total = 0;
    let richSat = 0;
    for (let k = 0; k < n; k++) {
      const m = counts[ballots[k]!]!;
      total += m * budgets[ballots[k]!]!;
      richSat += m * sats[k]!;
    }
    const slack = RELATIVE_ERROR * (cost + initialMoney[project]!);
    if (Math.abs(total - cost) <= slack) throw new CloseCall();
    if (total < cost) return undefined;
    if (rich.length < n) rich = new Int32Array(n);
    for (let k = 0; k < n; k++) rich[k] = k;
    // Voters who cannot pay their share pay everything they have; the rest split what is left. Repeat until no
    // remaining voter is short: the price only grows, so this ends with the least price that funds the project.
    let left = n;
    let poorMoney = 0;
    let rho = cost / richSat;
    for (;;) {
      let kept = 0;
      for (let j = 0; j < left; j++) {
        const k = rich[j]!;
        const b = ballots[k]!;
        if (budgets[b]! < rho * sats[k]!) {
          poorMoney += counts[b]! * budgets[b]!;
          richSat -= counts[b]! * sats[k]!;
        } else rich[kept++] = k;
      }
      if (kept === left) break;
      left = kept;
      if (left === 0 || richSat <= 0) throw new CloseCall();
      rho = (cost - poorMoney) / richSat;
    }
    return { value: rho, error: slack / richSat };
  }

  function charge(project: number, rho: FloatPrice, paid?: (ballot: number, amount: number) => void): void {
    const ballots = supporters[project]!;
    const sats = satisfaction[project]!;
    for (let k = 0; k < ballots.length; k++) {
      const b = ballots[k]!;
      const amount = Math.min(budgets[b]!, rho.value * sats[k]!);
      budgets[b] = Math.max(0, budgets[b]! - amount);
      paid?.(b, amount);
    }
  }

  return {
    price,
    charge,
    compare(a, b) {
      if (Math.abs(a.value - b.value) <= a.error + b.error) throw new CloseCall();
      return a.value < b.value ? -1 : 1;
    },
    clearlyAbove: (a, b) => a.value - b.value > a.error + b.error,
    toNumber: (p) => p.value,
  };
}
