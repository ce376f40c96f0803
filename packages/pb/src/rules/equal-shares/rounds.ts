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
  const size = candidates.reduce((max, p) => Math.max(max, p + 1), 0);
  const bounds: (Price | undefined)[] = new Array(size);
  // The numeric bounds order the queue; only the projects priced in a round move, so insertion sort is near linear.
  const keys = new Float64Array(size);
  let queue = [...candidates];
  const selected: number[] = [];
  for (;;) {
    sortByKey(queue, keys);
    let best: Price | undefined;
    let tied: number[] = [];
    const unaffordable: number[] = [];
    const skipped: number[] = [];
    for (const project of queue) {
      const previous = bounds[project];
      if (best !== undefined && previous !== undefined && ledger.clearlyAbove(previous, best)) {
        if (record) skipped.push(project);
        continue;
      }
      const price = ledger.price(project);
      if (price === undefined) {
        unaffordable.push(project);
        continue;
      }
      bounds[project] = price;
      keys[project] = ledger.toNumber(price);
      const order = best === undefined ? -1 : ledger.compare(price, best);
      if (order < 0) {
        best = price;
        tied = [project];
      } else if (order === 0) tied.push(project);
    }
    if (unaffordable.length > 0) queue = queue.filter((p) => !unaffordable.includes(p));
    if (best === undefined) return selected;
    const winner = tied.reduce((a, b) => (tieOrder(b, a) < 0 ? b : a));
    const payments: Payment[] = [];
    ledger.charge(winner, best, record ? (ballot, amount) => payments.push({ ballot, amount }) : undefined);
    queue.splice(queue.indexOf(winner), 1);
    selected.push(winner);
    if (record) {
      const rejected: Rejection[] = unaffordable.map((project) => ({ project, reason: "over-budget" }));
      for (const project of queue) {
        const reason = tied.includes(project) ? "lost-tie" : "higher-price";
        rejected.push({ project, reason, price: keys[project]!, atLeast: skipped.includes(project) });
      }
      record.push({ project: winner, price: ledger.toNumber(best), payments, rejected });
    }
  }
}

function sortByKey(queue: number[], keys: Float64Array): void {
  for (let i = 1; i < queue.length; i++) {
    const project = queue[i]!;
    const key = keys[project]!;
    let j = i - 1;
    while (j >= 0 && keys[queue[j]!]! > key) {
      queue[j + 1] = queue[j]!;
      j--;
    }
    queue[j + 1] = project;
  }
}
