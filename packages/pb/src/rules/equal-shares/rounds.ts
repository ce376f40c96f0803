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
  const queue = Int32Array.from(candidates);
  let length = queue.length;
  const selected: number[] = [];
  const tied: number[] = [];
  for (;;) {
    sortByKey(queue, length, keys);
    let best: Price | undefined;
    tied.length = 0;
    // Projects the supporters can no longer afford leave the queue for good: money only shrinks.
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const project = queue[i]!;
      const previous = bounds[project];
      if (best === undefined || previous === undefined || !ledger.clearlyAbove(previous, best)) {
        const price = ledger.price(project);
        if (price === undefined) continue;
        bounds[project] = price;
        keys[project] = ledger.toNumber(price);
        const order = best === undefined ? -1 : ledger.compare(price, best);
        if (order < 0) {
          best = price;
          tied.length = 0;
          tied.push(project);
        } else if (order === 0) tied.push(project);
      }
      queue[kept++] = project;
    }
    length = kept;
    if (best === undefined) return selected;
    let winner = tied[0]!;
    for (let i = 1; i < tied.length; i++) if (tieOrder(tied[i]!, winner) < 0) winner = tied[i]!;
    ledger.charge(winner, best);
    queue.copyWithin(queue.indexOf(winner), queue.indexOf(winner) + 1, length);
    length--;
    selected.push(winner);
  }
}

function sortByKey(queue: Int32Array, length: number, keys: Float64Array): void {
  for (let i = 1; i < length; i++) {
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
