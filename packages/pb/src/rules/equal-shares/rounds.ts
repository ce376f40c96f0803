import type { Ledger } from "./ledger.ts";

export type Payment = { readonly ballot: number; readonly amount: number };

/** Why a project was not bought in a round. */
export type Rejection = {
  readonly project: number;
  /**
   * `over-budget`: its supporters together no longer have its cost; `higher-price`: its price per unit of
   * satisfaction (`price`, a lower bound when `atLeast`) was above the winner's; `lost-tie`: same price, lost the tie-break.
   */
  readonly reason: "over-budget" | "higher-price" | "lost-tie";
  readonly price?: number;
  readonly atLeast?: boolean;
};

export type RoundRecord = {
  readonly project: number;
  /** Price per unit of satisfaction paid by every supporter who could afford it. */
  readonly price: number;
  /** Per distinct ballot: what each of its voters paid. */
  readonly payments: readonly Payment[];
  readonly rejected: readonly Rejection[];
};

/**
 * One run of the Method of Equal Shares: each round buys the project with the lowest price per unit of satisfaction,
 * ties going to the tie-breaking order. Prices only grow as budgets shrink, so a project's last price is a lower
 * bound, and a project whose bound is already above the round's best price need not be priced again.
 */
export function runRounds<Price>(
  ledger: Ledger<Price>,
  candidates: readonly number[],
  tieOrder: (a: number, b: number) => number,
  record?: RoundRecord[],
): number[] {
  const bounds = new Map<number, Price>();
  const active = new Set(candidates);
  const selected: number[] = [];
  const bound = (project: number) => {
    const price = bounds.get(project);
    return price === undefined ? 0 : ledger.toNumber(price);
  };
  for (;;) {
    const queue = [...active].sort((a, b) => bound(a) - bound(b) || tieOrder(a, b));
    let best: Price | undefined;
    let tied: number[] = [];
    const unaffordable: number[] = [];
    const skipped: number[] = [];
    for (const project of queue) {
      const previous = bounds.get(project);
      if (best !== undefined && previous !== undefined && ledger.clearlyAbove(previous, best)) {
        skipped.push(project);
        continue;
      }
      const price = ledger.price(project);
      if (price === undefined) {
        active.delete(project);
        bounds.delete(project);
        unaffordable.push(project);
        continue;
      }
      bounds.set(project, price);
      const order = best === undefined ? -1 : ledger.compare(price, best);
      if (order < 0) {
        best = price;
        tied = [project];
      } else if (order === 0) tied.push(project);
    }
    if (best === undefined) return selected;
    const winner = tied.reduce((a, b) => (tieOrder(b, a) < 0 ? b : a));
    const payments: Payment[] = [];
    ledger.charge(winner, best, record ? (ballot, amount) => payments.push({ ballot, amount }) : undefined);
    active.delete(winner);
    bounds.delete(winner);
    selected.push(winner);
    if (record) {
      const rejected: Rejection[] = unaffordable.map((project) => ({ project, reason: "over-budget" }));
      for (const project of active) {
        const price = bound(project);
        const reason = tied.includes(project) ? "lost-tie" : "higher-price";
        rejected.push({ project, reason, price, atLeast: skipped.includes(project) });
      }
      record.push({ project: winner, price: ledger.toNumber(best), payments, rejected });
    }
  }
}
