/**
 * Plan popularity as in the big Pabulib rounds: of `n` plans the i-th is drawn with weight 1/(i + 10), Zipf's law
 * flattened at the head, so a few plans draw many votes and most draw a few. The engine's count instance and the
 * app's count bench (`bench/budgeting.ts`) both draw from it, so they time the same shape of profile.
 */
export function zipfPick(next: () => number, n: number): () => number {
  let total = 0;
  const cumulative = Array.from({ length: n }, (_, i) => (total += 1 / (i + 10)));
  return () => {
    const x = next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * A knapsack ballot: plans drawn by `pick`, each taken once while `budget` allows, until `most` plans are chosen or
 * `most * 4` draws are spent (a voter gives up on a full ballot). In the order drawn.
 */
export function knapsackChoice<P>(budget: number, most: number, pick: () => P, costOf: (plan: P) => number): P[] {
  const chosen = new Set<P>();
  let spent = 0;
  for (let tries = 0; chosen.size < most && tries < most * 4; tries++) {
    const plan = pick();
    if (chosen.has(plan) || spent + costOf(plan) > budget) continue;
    chosen.add(plan);
    spent += costOf(plan);
  }
  return [...chosen];
}
