import { type Election, projectIndex, totalCost } from "../election/election.ts";
import * as Q from "../election/rational.ts";
import { type Satisfaction, totalSatisfaction } from "../election/satisfaction.ts";
import { type Amount, exactString, toAmount } from "../explain/amount.ts";
import { type TraceContext, traceContext } from "../explain/context.ts";
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
  /**
   * The ordering key, exact: with cost satisfaction the number of supporters; otherwise the total satisfaction per
   * currency unit of cost (a decimal or a fraction); "infinite" for a free project somebody wants.
   */
  readonly score: string;
  readonly decision: "selected" | "over-budget" | "not-reached";
  /** Budget left when the project's turn came. */
  readonly remaining: Amount;
};

/** Why a project was not selected: it no longer fit, or (without skipping) the rule had stopped before its turn. */
export type GreedyLoser = {
  readonly project: string;
  readonly reason: "over-budget" | "not-reached";
  /** Budget left when its turn came. */
  readonly remaining: Amount;
  readonly score: string;
  /** The last project selected before its turn, which took the money it needed, and that project's score. */
  readonly lostTo?: { readonly project: string; readonly score: string };
};

export type GreedyTrace = TraceContext & {
  readonly rule: "greedy" | "greedy-no-skip";
  readonly satisfaction: Satisfaction;
  /** Every project not funded beforehand (`initial`), in the order the rule considered them. */
  readonly steps: readonly GreedyStep[];
  readonly losers: readonly GreedyLoser[];
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
  const perCurrency = options.satisfaction !== undefined && options.satisfaction !== "cost";
  const score = (p: number) => {
    if (infinite(p)) return "infinite";
    if (cost(p) === 0) return "0";
    const units = Q.div(Q.fromInteger(totals[p]!), Q.fromInteger(cost(p)));
    return exactString(perCurrency ? Q.mul(units, Q.fromInteger(election.moneyScale)) : units);
  };
  return { order, score };
}

function runGreedy(election: Election, options: GreedyOptions, skip: boolean): Allocation<GreedyTrace> {
  const ids = projectIndex(election);
  const selected = (options.initial ?? []).map((id) => ids.get(id)!);
  const { order, score } = greedyOrder(election, options, new Set(selected));
  let remaining = election.budget - totalCost(election, selected);
  const steps: GreedyStep[] = [];
  const losers: GreedyLoser[] = [];
  let lastSelected: GreedyLoser["lostTo"];
  let stopped = false;
  for (const p of order) {
    let decision: GreedyStep["decision"];
    const before = remaining;
    if (stopped) decision = "not-reached";
    else if (election.projects[p]!.cost <= remaining) {
      selected.push(p);
      remaining -= election.projects[p]!.cost;
      decision = "selected";
    } else {
      decision = "over-budget";
      stopped = !skip;
    }
    if (!options.trace) continue;
    const project = election.projects[p]!.id;
    const step = { project, score: score(p), decision, remaining: toAmount(election, before) };
    steps.push(step);
    if (decision === "selected") lastSelected = { project, score: step.score };
    else losers.push({ ...step, reason: decision, ...(lastSelected ? { lostTo: lastSelected } : {}) });
  }
  const trace: GreedyTrace | undefined = options.trace
    ? {
        rule: skip ? "greedy" : "greedy-no-skip",
        satisfaction: options.satisfaction ?? "cost",
        ...traceContext(election),
        steps,
        losers: losers.map(({ project, reason, remaining, score, lostTo }) => ({
          project,
          reason,
          remaining,
          score,
          ...(lostTo ? { lostTo } : {}),
        })),
      }
    : undefined;
  return allocation(election, selected, trace);
}

/** Greedy utilitarian welfare: best satisfaction per unit of cost first, skipping what no longer fits. */
export function greedy(election: Election, options: GreedyOptions = {}): Allocation<GreedyTrace> {
  return runGreedy(election, options, true);
}

/** Greedy without skipping: stops at the first project that does not fit (Amsterdam's published rule). */
export function greedyNoSkip(election: Election, options: GreedyOptions = {}): Allocation<GreedyTrace> {
  return runGreedy(election, options, false);
}
