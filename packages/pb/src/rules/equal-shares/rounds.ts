import type { Ledger } from "./ledger.ts";

export type RoundsOptions<Price> = {
  /**
   * An earlier run's winners, and for a round and a project a price the project certainly costs at least in this run
   * in that round, as long as this run bought the same winners before it (see `floatLedger`'s `lowered`).
   */
  readonly follow?: {
    readonly winners: readonly number[];
    readonly bound: (round: number, project: number) => Price | undefined;
    /** The starting budget of the completion's next increment: a stable range that ends below it skips nothing. */
    readonly horizon: number;
  };
  /** Receives, per round, every project's latest price or bound once the round is priced (undefined: none yet). */
  readonly history?: (Price | undefined)[][];
};

/**
 * One run of the Method of Equal Shares: each round buys the project with the lowest price per unit of satisfaction,
 * ties going to the tie-breaking order. Prices only grow as budgets shrink, so a project's last price is a lower
 * bound, and a project whose bound is already above the round's best price need not be priced again. While the
 * run buys what an earlier run with less money bought, that run's prices and bounds in the same round, lowered by
 * how fast they can fall, are bounds too: usually much closer than this run's own earlier prices.
 */
let keyBuffer = new Float64Array(0);
let queueBuffer = new Int32Array(0);

export function runRounds<Price>(
  ledger: Ledger<Price>,
  candidates: readonly number[],
  tieOrder: (a: number, b: number) => number,
  { follow, history }: RoundsOptions<Price> = {},
): number[] {
  const size = candidates.reduce((max, p) => Math.max(max, p + 1), 0);
  const bounds: (Price | undefined)[] = [];
  for (let p = 0; p < size; p++) bounds.push(undefined);
  // The numeric bounds order the queue; only the projects priced in a round move, so insertion sort is near linear.
  // Both live in buffers shared by all runs (runs never overlap): an add1 search makes up to hundreds of runs.
  if (keyBuffer.length < size) keyBuffer = new Float64Array(size);
  if (queueBuffer.length < candidates.length) queueBuffer = new Int32Array(candidates.length);
  const keys = keyBuffer.fill(0, 0, size);
  const queue = queueBuffer;
  for (let i = 0; i < candidates.length; i++) queue[i] = candidates[i]!;
  let length = candidates.length;
  const selected: number[] = [];
  const tied: number[] = [];
  for (let round = 0; ; round++) {
    const guide = follow !== undefined && round < follow.winners.length ? follow : undefined;
    sortByKey(queue, length, keys);
    // The earlier run's winner of this round first: any order finds the same winner, and the likely one priced first
    // spares the projects whose bounds lie between its price and the best price found before it in bound order. The
    // bounds that spare them prove shorter stable ranges than their prices would, so only once the run's range no
    // longer reaches the completion's next increment (where it skips nothing).
    if (guide && ledger.stableUntil() <= guide.horizon) {
      const at = queue.indexOf(guide.winners[round]!);
      if (at > 0 && at < length) {
        queue.copyWithin(1, 0, at);
        queue[0] = guide.winners[round]!;
      }
    }
    let best: Price | undefined;
    tied.length = 0;
    // Projects the supporters can no longer afford leave the queue for good: money only shrinks.
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const project = queue[i]!;
      const previous = bounds[project];
      if (best === undefined || previous === undefined || !ledger.clearlyAbove(previous, best)) {
        const hint = guide?.bound(round, project);
        if (best !== undefined && hint !== undefined && ledger.clearlyAbove(hint, best)) {
          // A bound that spares a price stays the project's bound (and the next run's hint).
          bounds[project] = hint;
          keys[project] = ledger.toNumber(hint);
        } else {
          const price = ledger.price(project, hint);
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
      }
      queue[kept++] = project;
    }
    length = kept;
    if (best === undefined) return selected;
    let winner = tied[0]!;
    for (let i = 1; i < tied.length; i++) if (tieOrder(tied[i]!, winner) < 0) winner = tied[i]!;
    history?.push(bounds.slice());
    if (guide && winner !== guide.winners[round]) follow = undefined;
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
