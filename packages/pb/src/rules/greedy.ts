import { type Election, projectIndex, totalCost } from "../election/election.ts";
import { type Satisfaction, totalSatisfaction } from "../election/satisfaction.ts";
import { type Allocation, allocation } from "./allocation.ts";
import { lexicographic, type TieBreak } from "./tie-break.ts";

export type GreedyOptions = {
  /** Default `cost`: projects ordered by number of supporters. */
  readonly satisfaction?: Satisfaction;
  readonly tieBreak?: TieBreak;
  /** Projects already funded (a completion starts from another rule's outcome). */
  readonly initial?: readonly string[];
  readonly trace?: boolean;
};

export type GreedyStep = {
  readonly project: string;
  /** Total satisfaction per unit of cost (the ordering key). */
  readonly score: number;
  readonly decision: "selected" | "over-budget" | "not-reached";
};

/**
 * Orders projects by total satisfaction per unit of cost, compared exactly (cross-multiplied over bigint), ties by the
 * tie-breaking rule. A free project with supporters comes first; one without supporters scores 0.
 */
function greedyOrder(election: Election, options: GreedyOptions, exclude: ReadonlySet<number>) {
  const totals = totalSatisfaction(election, options.satisfaction ?? "cost");
  const tie = (options.tieBreak ?? lexicographic).order(election);
  const cost = (p: number) => election.projects[p]!.cost;
  const infinite = (p: number) => cost(p) === 0 && totals[p]! > 0;
  const density = (a: number, b: number) => {
    if (infinite(a) || infinite(b)) return Number(infinite(b)) - Number(infinite(a));
    const left = BigInt(totals[b]!) * BigInt(cost(a) || 1);
    const right = BigInt(totals[a]!) * BigInt(cost(b) || 1);
    return left < right ? -1 : left > right ? 1 : 0;
  };
  const order = election.projects.map((_, p) => p).filter((p) => !exclude.has(p));
  order.sort((a, b) => density(a, b) || tie(a, b));
  const score = (p: number) => (infinite(p) ? Number.POSITIVE_INFINITY : cost(p) === 0 ? 0 : totals[p]! / cost(p));
  return { order, score };
}

function runGreedy(election: Election, options: GreedyOptions, skip: boolean): Allocation<GreedyStep> {
  const ids = projectIndex(election);
  const selected = (options.initial ?? []).map((id) => ids.get(id)!);
  const { order, score } = greedyOrder(election, options, new Set(selected));
  let remaining = election.budget - totalCost(election, selected);
  const trace: GreedyStep[] = [];
  let stopped = false;
  for (const p of order) {
    let decision: GreedyStep["decision"];
    if (stopped) decision = "not-reached";
    else if (election.projects[p]!.cost <= remaining) {
      selected.push(p);
      remaining -= election.projects[p]!.cost;
      decision = "selected";
    } else {
      decision = "over-budget";
      stopped = !skip;
    }
    if (options.trace) trace.push({ project: election.projects[p]!.id, score: score(p), decision });
  }
  return allocation(election, selected, options.trace ? trace : undefined);
}

/** Greedy utilitarian welfare: best satisfaction per unit of cost first, skipping what no longer fits. */
export function greedy(election: Election, options: GreedyOptions = {}): Allocation<GreedyStep> {
  return runGreedy(election, options, true);
}

/** Greedy without skipping: stops at the first project that does not fit (Amsterdam's published rule). */
export function greedyNoSkip(election: Election, options: GreedyOptions = {}): Allocation<GreedyStep> {
  return runGreedy(election, options, false);
}
