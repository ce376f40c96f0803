import type { Ledger } from "./ledger.ts";

/**
 * One run of the Method of Equal Shares: each round buys the project with the lowest price per unit of satisfaction,
 * ties going to the tie-breaking order. Prices only grow as budgets shrink, so a project's last price is a lower
 * bound, and a project whose bound is already above the round's best price need not be priced again.
 */
export function runRounds<Price>(
  ledger: Ledger<Price>,
  candidates: readonly number[],
  tieOrder: (a: number, b: number) => number,
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
    for (const project of queue) {
      const previous = bounds[project];
      if (best !== undefined && previous !== undefined && ledger.clearlyAbove(previous, best)) continue;
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
    ledger.charge(winner, best);
    queue.splice(queue.indexOf(winner), 1);
    selected.push(winner);
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
