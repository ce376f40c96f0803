import { exhaustiveAmong } from "../../analysis/exhaustiveness.ts";
import { type Election, totalCost } from "../../election/election.ts";
import * as Q from "../../election/rational.ts";
import { type SupportTable, supportTable } from "../../election/satisfaction.ts";
import { type Amount, toAmount } from "../../explain/amount.ts";
import { type TraceContext, traceContext } from "../../explain/context.ts";
import { type Allocation, allocation } from "../allocation.ts";
import { type GreedyStep, greedy } from "../greedy.ts";
import { lexicographic, type TieBreak } from "../tie-break.ts";
import { type FloatPrice, floatLedger, lowered } from "./float-ledger.ts";
import { CloseCall, type LedgerSetup, type StartingBudget } from "./ledger.ts";
import { exactRunLedger } from "./replay-budgets.ts";
import { runRounds } from "./rounds.ts";
import { type CompletionStep, type EqualSharesLoser, type EqualSharesRound, replayRounds } from "./trace.ts";

/**
 * - `none`: one run with the budget split equally;
 * - `add1`: raise every voter's budget by 1 currency unit and rerun, stopping at the first exhaustive outcome (or
 *   keeping the last feasible one when the next overspends) — pabutools' `voter_budget_increment=1`;
 * - `add1-full`: raise by 1 until the next outcome would overspend, without stopping at an exhaustive one
 *   (the official Assen 2024 and Wieliczka 2023 outcomes);
 * - `add1-greedy`: `add1`, then greedy with cost satisfaction on what is left.
 */
export type Completion = "none" | "add1" | "add1-full" | "add1-greedy";

export type EqualSharesOptions = {
  readonly satisfaction?: "cost" | "cardinality" | "points";
  readonly tieBreak?: TieBreak;
  readonly completion?: Completion;
  readonly trace?: boolean;
  /** Called before each run with the number of 1-unit increments so far (completions can take many runs). */
  readonly onProgress?: (increments: number) => void;
};

export type EqualSharesTrace = TraceContext & {
  readonly rule: "equal-shares";
  readonly satisfaction: "cost" | "cardinality" | "points";
  readonly completion: Completion;
  /** Each voter's budget in the run that gave the outcome: the budget split equally, plus the increments. */
  readonly perVoterBudget: Amount;
  /** Increments of 1 currency unit added to each voter's budget by the completion. */
  readonly increments: number;
  /** The completion's runs, in the order it made them (increments it proved to change nothing are skipped). */
  readonly steps?: readonly CompletionStep[];
  /** Free projects some voter wants: in from the start, paid by nobody. */
  readonly free: readonly string[];
  readonly rounds: readonly EqualSharesRound[];
  /** `add1-greedy`: the projects greedy added afterwards, with the budget left at their turn. */
  readonly greedy?: readonly GreedyStep[];
  readonly losers: readonly EqualSharesLoser[];
};

export type EqualSharesAllocation = Allocation<EqualSharesTrace> & {
  /** Increments of 1 currency unit added to each voter's budget by the completion. */
  readonly increments: number;
};

type Prepared = {
  readonly free: readonly number[];
  readonly candidates: readonly number[];
  readonly setup: LedgerSetup;
  /** Every voter's starting budget after `increments` raises of one currency unit. */
  readonly budgetAfter: (increments: number) => StartingBudget;
};

/** What both ledgers read: the distinct ballots' counts, the costs and the support table. */
export function ledgerSetup(election: Election, table: SupportTable): LedgerSetup {
  const counts = new Float64Array(election.ballots.length);
  for (let b = 0; b < counts.length; b++) counts[b] = election.ballots[b]!.count;
  return {
    counts,
    costs: election.projects.map((p) => p.cost),
    supporters: table.supporters,
    supporterCounts: table.counts,
    satisfaction: table.satisfaction,
    satisfactionTotals: table.totals,
    voters: table.voters,
    flatSatisfaction: table.flat,
    largestSatisfaction: table.largest,
  };
}

/** Projects nobody enjoys are out; free projects somebody enjoys are in from the start, as in the reference. */
function prepare(election: Election, satisfaction: "cost" | "cardinality" | "points"): Prepared {
  const table = supportTable(election, satisfaction);
  const supported = election.projects.map((_, p) => p).filter((p) => table.totals[p]! > 0);
  const voters = BigInt(election.voterCount);
  const setup = ledgerSetup(election, table);
  return {
    free: supported.filter((p) => election.projects[p]!.cost === 0),
    candidates: supported.filter((p) => election.projects[p]!.cost > 0),
    setup,
    budgetAfter: (increments) => ({
      num: BigInt(election.budget) + BigInt(increments) * BigInt(election.moneyScale) * voters,
      den: voters,
    }),
  };
}

const startOf = (budget: StartingBudget) => Number(budget.num) / Number(budget.den);

type Run = {
  readonly selected: number[];
  readonly stableUntil: number;
  /** Float runs: every voter's starting budget and, per round, every project's latest price (`runRounds`' history). */
  readonly prices?: { readonly start: number; readonly history: readonly (readonly (FloatPrice | undefined)[])[] };
};

/**
 * Floats first; if any decision was too close to call, the same run again in exact arithmetic. The prices of the
 * `previous` run (less money) bound this run's from below while it buys the same winners, sparing most prices.
 */
function runOnce(
  prepared: Prepared,
  increments: number,
  tieOrder: (a: number, b: number) => number,
  previous?: Run,
): Run {
  const budget = prepared.budgetAfter(increments);
  const start = startOf(budget);
  const selectedBy = (rounds: readonly number[]) => [...prepared.free, ...rounds];
  try {
    const ledger = floatLedger(prepared.setup, budget);
    const history: (FloatPrice | undefined)[][] = [];
    const known = previous?.prices;
    const follow =
      previous && known
        ? {
            winners: previous.selected.slice(prepared.free.length),
            bound: (round: number, project: number) => {
              const price = known.history[round]![project];
              return price && lowered(price, start - known.start);
            },
            horizon: startOf(prepared.budgetAfter(increments + 1)),
          }
        : undefined;
    const rounds = runRounds(ledger, prepared.candidates, tieOrder, { history, ...(follow ? { follow } : {}) });
    return { selected: selectedBy(rounds), stableUntil: ledger.stableUntil(), prices: { start, history } };
  } catch (error) {
    if (!(error instanceof CloseCall)) throw error;
    const ledger = exactRunLedger(prepared.setup, budget);
    return {
      selected: selectedBy(runRounds(ledger, prepared.candidates, tieOrder)),
      stableUntil: ledger.stableUntil(),
    };
  }
}

type StepRecord = {
  readonly increments: number;
  readonly selected: readonly number[];
  verdict: CompletionStep["verdict"];
};

/** The increments a completion settled on, and the outcome of the run with them (not run again). */
type Settled = { readonly increments: number; readonly selected: readonly number[] };

function chooseNone(prepared: Prepared, tieOrder: (a: number, b: number) => number): Settled {
  return { increments: 0, selected: runOnce(prepared, 0, tieOrder).selected };
}

/**
 * The number of 1-unit increments of every voter's budget whose outcome the completion keeps. A run proves how far
 * the budget can grow with the same outcome (`stableUntil`), and the increments up to there are skipped; the answer
 * is the reference's: the first exhaustive increment, or the last one before the outcome overspends.
 */
function chooseIncrements(
  election: Election,
  prepared: Prepared,
  options: EqualSharesOptions,
  tieOrder: (a: number, b: number) => number,
  steps?: StepRecord[],
): Settled {
  const completion = options.completion ?? "none";
  if (completion === "none") return chooseNone(prepared, tieOrder);
  const base = election.budget / election.voterCount;
  let kept: Settled | undefined;
  let previous: Run | undefined;
  for (let increments = 0; ; ) {
    options.onProgress?.(increments);
    previous = runOnce(prepared, increments, tieOrder, previous);
    const { selected, stableUntil } = previous;
    const step: StepRecord = { increments, selected, verdict: "raise" };
    steps?.push(step);
    if (totalCost(election, selected) > election.budget) {
      step.verdict = "overspent";
      // Every increment since the kept run was proven to give its outcome: the last of them is the one the reference
      // settles on. (Increment 0 splits the budget exactly and never overspends, so there is a kept run.)
      return kept ? { increments: increments - 1, selected: kept.selected } : chooseNone(prepared, tieOrder);
    }
    if (completion !== "add1-full" && exhaustiveAmong(election, selected, prepared.candidates)) {
      step.verdict = "exhaustive";
      return { increments, selected };
    }
    if (selected.length === prepared.free.length + prepared.candidates.length) {
      step.verdict = "all-funded";
      return { increments, selected };
    }
    kept = { increments, selected };
    const beyond = Math.ceil((stableUntil - base) / election.moneyScale);
    increments = Number.isFinite(beyond) ? Math.max(increments + 1, beyond) : increments + 1;
  }
}

/**
 * The increments a completion settled on, per election: `add1` and `add1-greedy` search the same increments, and a
 * results page usually shows both, so the (slow) search runs once. Elections are immutable values, hence safe keys.
 */
const settled = new WeakMap<Election, Map<string, Settled>>();

function settledIncrements(
  election: Election,
  prepared: Prepared,
  options: EqualSharesOptions,
  tieOrder: (a: number, b: number) => number,
): Settled {
  const search = options.completion === "add1-greedy" ? "add1" : (options.completion ?? "none");
  const key = `${options.satisfaction ?? "cost"} ${search} ${options.tieBreak?.name ?? lexicographic.name}`;
  const known = settled.get(election) ?? new Map<string, Settled>();
  settled.set(election, known);
  let found = known.get(key);
  if (found === undefined) {
    found = chooseIncrements(election, prepared, options, tieOrder);
    known.set(key, found);
  }
  return found;
}

/** Method of Equal Shares, with exact outcomes (see ADR 0005). */
export function equalShares(election: Election, options: EqualSharesOptions = {}): EqualSharesAllocation {
  const satisfaction = options.satisfaction ?? "cost";
  const prepared = prepare(election, satisfaction);
  const tieOrder = (options.tieBreak ?? lexicographic).order(election);
  const steps: StepRecord[] | undefined = options.trace && options.completion !== "none" ? [] : undefined;
  const { increments, selected } = steps
    ? chooseIncrements(election, prepared, options, tieOrder, steps)
    : settledIncrements(election, prepared, options, tieOrder);
  let outcome: Allocation<never> = allocation(election, selected);
  let added: GreedyStep[] | undefined;
  if (options.completion === "add1-greedy") {
    const completed = greedy(election, {
      satisfaction: "cost",
      initial: outcome.selected,
      trace: options.trace ?? false,
      ...(options.tieBreak ? { tieBreak: options.tieBreak } : {}),
    });
    outcome = { selected: completed.selected, cost: completed.cost };
    added = completed.trace?.steps.filter((step) => step.decision === "selected");
  }
  if (!options.trace) return { ...outcome, increments };
  return { ...outcome, increments, trace: traceOf(election, prepared, options, increments, selected, steps, added) };
}

function traceOf(
  election: Election,
  prepared: Prepared,
  options: EqualSharesOptions,
  increments: number,
  selected: readonly number[],
  steps: readonly StepRecord[] | undefined,
  added: readonly GreedyStep[] | undefined,
): EqualSharesTrace {
  const satisfaction = options.satisfaction ?? "cost";
  const id = (p: number) => election.projects[p]!.id;
  const budget = prepared.budgetAfter(increments);
  const bought = selected.slice(prepared.free.length);
  const lost = prepared.candidates.filter((p) => !bought.includes(p));
  const replay = replayRounds(election, prepared.setup, budget, bought, lost, satisfaction);
  const finalIds = new Set([...selected.map(id), ...(added ?? []).map((step) => step.project)]);
  const unwanted: EqualSharesLoser[] = election.projects
    .filter((p, index) => !finalIds.has(p.id) && !prepared.free.includes(index) && !prepared.candidates.includes(index))
    .map((p) => ({ project: p.id, reason: "no-satisfaction" }));
  let previous: readonly string[] = [];
  return {
    rule: "equal-shares",
    satisfaction,
    completion: options.completion ?? "none",
    ...traceContext(election),
    perVoterBudget: toAmount(election, Q.rational(budget.num, budget.den)),
    increments,
    ...(steps
      ? {
          steps: steps.map((step) => {
            const ids = step.selected.map(id);
            const perVoter = prepared.budgetAfter(step.increments);
            const record: CompletionStep = {
              increments: step.increments,
              perVoterBudget: toAmount(election, Q.rational(perVoter.num, perVoter.den)),
              selected: ids,
              added: ids.filter((p) => !previous.includes(p)),
              removed: previous.filter((p) => !ids.includes(p)),
              cost: toAmount(election, totalCost(election, step.selected)),
              verdict: step.verdict,
            };
            previous = ids;
            return record;
          }),
        }
      : {}),
    free: prepared.free.map(id),
    rounds: replay.rounds,
    ...(added ? { greedy: added } : {}),
    losers: [...replay.losers.filter((l) => !finalIds.has(l.project)), ...unwanted],
  };
}
