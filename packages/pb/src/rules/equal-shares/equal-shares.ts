import { exhaustiveAmong } from "../../analysis/exhaustiveness.ts";
import { type Election, toCurrency, totalCost } from "../../election/election.ts";
import { supportTable } from "../../election/satisfaction.ts";
import { type Allocation, allocation } from "../allocation.ts";
import { greedy } from "../greedy.ts";
import { lexicographic, type TieBreak } from "../tie-break.ts";
import { exactLedger } from "./exact-ledger.ts";
import { floatLedger } from "./float-ledger.ts";
import { CloseCall, type Ledger, type LedgerSetup, type StartingBudget } from "./ledger.ts";
import { type RoundRecord, runRounds } from "./rounds.ts";

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

export type EqualSharesRound = {
  readonly project: string;
  readonly price: number;
  /** Per distinct ballot (index into `election.ballots`): how many voters cast it and what each paid, in currency. */
  readonly payments: readonly { readonly ballot: number; readonly voters: number; readonly amount: number }[];
  readonly rejected: readonly {
    readonly project: string;
    readonly reason: "over-budget" | "higher-price" | "lost-tie";
    readonly price?: number;
    readonly atLeast?: boolean;
  }[];
};

export type EqualSharesAllocation = Allocation<EqualSharesRound> & {
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

/** Projects nobody enjoys are out; free projects somebody enjoys are in from the start, as in the reference. */
function prepare(election: Election, satisfaction: "cost" | "cardinality" | "points"): Prepared {
  const table = supportTable(election, satisfaction);
  const supported = election.projects.map((_, p) => p).filter((p) => table.totals[p]! > 0);
  const voters = BigInt(election.voterCount);
  const setup = {
    counts: Float64Array.from(election.ballots, (b) => b.count),
    costs: election.projects.map((p) => p.cost),
    supporters: table.supporters,
    satisfaction: table.satisfaction,
    satisfactionTotals: table.totals,
    voters: table.voters,
  };
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

type Run = { readonly selected: number[]; readonly stableUntil: number };

/** Floats first; if any decision was too close to call, the same run again in exact arithmetic. */
function runOnce(
  prepared: Prepared,
  increments: number,
  tieOrder: (a: number, b: number) => number,
  record?: RoundRecord[],
): Run {
  const budget = prepared.budgetAfter(increments);
  const run = <Price>(ledger: Ledger<Price>) => ({
    selected: [...prepared.free, ...runRounds(ledger, prepared.candidates, tieOrder, record)],
    stableUntil: ledger.stableUntil(),
  });
  try {
    return run(floatLedger(prepared.setup, budget));
  } catch (error) {
    if (!(error instanceof CloseCall)) throw error;
    if (record) record.length = 0;
    return run(exactLedger(prepared.setup, budget));
  }
}

/**
 * The number of 1-unit increments of every voter's budget whose outcome the completion keeps. A run proves how far
 * the budget can grow with the same outcome (`stableUntil`), and the increments up to there are skipped, so the
 * answer is the least increment giving the kept outcome (pabutools reports the last; the outcome is the same).
 */
function chooseIncrements(
  election: Election,
  prepared: Prepared,
  options: EqualSharesOptions,
  tieOrder: (a: number, b: number) => number,
): number {
  const completion = options.completion ?? "none";
  if (completion === "none") return 0;
  const base = election.budget / election.voterCount;
  let kept = 0;
  for (let increments = 0; ; ) {
    options.onProgress?.(increments);
    const { selected, stableUntil } = runOnce(prepared, increments, tieOrder);
    if (totalCost(election, selected) > election.budget) return kept;
    if (completion !== "add1-full" && exhaustiveAmong(election, selected, prepared.candidates)) return increments;
    if (selected.length === prepared.free.length + prepared.candidates.length) return increments;
    kept = increments;
    const beyond = Math.ceil((stableUntil - base) / election.moneyScale);
    increments = Number.isFinite(beyond) ? Math.max(increments + 1, beyond) : increments + 1;
  }
}

/**
 * The increments a completion settled on, per election: `add1` and `add1-greedy` search the same increments, and a
 * results page usually shows both, so the (slow) search runs once. Elections are immutable values, hence safe keys.
 */
const settled = new WeakMap<Election, Map<string, number>>();

function settledIncrements(
  election: Election,
  prepared: Prepared,
  options: EqualSharesOptions,
  tieOrder: (a: number, b: number) => number,
): number {
  const search = options.completion === "add1-greedy" ? "add1" : (options.completion ?? "none");
  const key = `${options.satisfaction ?? "cost"} ${search} ${options.tieBreak?.name ?? lexicographic.name}`;
  const known = settled.get(election) ?? new Map<string, number>();
  settled.set(election, known);
  let increments = known.get(key);
  if (increments === undefined) {
    increments = chooseIncrements(election, prepared, options, tieOrder);
    known.set(key, increments);
  }
  return increments;
}

/** Method of Equal Shares, with exact outcomes (see ADR 0005). */
export function equalShares(election: Election, options: EqualSharesOptions = {}): EqualSharesAllocation {
  const prepared = prepare(election, options.satisfaction ?? "cost");
  const tieOrder = (options.tieBreak ?? lexicographic).order(election);
  const increments = settledIncrements(election, prepared, options, tieOrder);
  const record: RoundRecord[] | undefined = options.trace ? [] : undefined;
  const { selected } = runOnce(prepared, increments, tieOrder, record);
  const trace = record?.map((round) => describeRound(election, round));
  if (options.completion === "add1-greedy") {
    const ids = selected.map((p) => election.projects[p]!.id);
    const completed = greedy(election, {
      satisfaction: "cost",
      initial: ids,
      ...(options.tieBreak ? { tieBreak: options.tieBreak } : {}),
    });
    return { selected: completed.selected, cost: completed.cost, increments, ...(trace ? { trace } : {}) };
  }
  return { ...allocation(election, selected, trace), increments };
}

function describeRound(election: Election, round: RoundRecord): EqualSharesRound {
  const id = (p: number) => election.projects[p]!.id;
  return {
    project: id(round.project),
    price: round.price,
    payments: round.payments.map((p) => ({
      ballot: p.ballot,
      voters: election.ballots[p.ballot]!.count,
      amount: toCurrency(election, p.amount),
    })),
    rejected: round.rejected.map((r) => ({ ...r, project: id(r.project) })),
  };
}
