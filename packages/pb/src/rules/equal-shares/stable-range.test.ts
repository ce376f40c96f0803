import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactLedger } from "../../../test-support/exact-ledger.ts";
import { randomElection } from "../../../test-support/random-election.ts";
import type { Election } from "../../election/election.ts";
import { supportTable } from "../../election/satisfaction.ts";
import { lexicographic } from "../tie-break.ts";
import { ledgerSetup } from "./equal-shares.ts";
import { type FloatPrice, floatLedger, lowered } from "./float-ledger.ts";
import { CloseCall, type StartingBudget } from "./ledger.ts";
import { runRounds } from "./rounds.ts";

type Satisfaction = "cost" | "cardinality" | "points";

/** Fine enough that a budget strictly inside a proven range can be written as a fraction over it. */
const GRAIN = 1_000_000_007n;

function prepared(election: Election, satisfaction: Satisfaction) {
  const table = supportTable(election, satisfaction);
  const setup = ledgerSetup(election, table);
  const candidates = election.projects
    .map((_, p) => p)
    .filter((p) => table.totals[p]! > 0 && election.projects[p]!.cost > 0);
  return { setup, candidates, tieOrder: lexicographic.order(election) };
}

type FloatRun = {
  readonly selected: number[];
  readonly stableUntil: number;
  readonly start: number;
  readonly history: readonly (readonly (FloatPrice | undefined)[])[];
};

/** The float run at `budget` (undefined on a close call), with its proven stable range and the prices it saw. */
function floatRun(
  election: Election,
  satisfaction: Satisfaction,
  budget: StartingBudget,
  previous?: FloatRun,
): FloatRun | undefined {
  const { setup, candidates, tieOrder } = prepared(election, satisfaction);
  const ledger = floatLedger(setup, budget);
  const start = Number(budget.num) / Number(budget.den);
  const history: (FloatPrice | undefined)[][] = [];
  const follow = previous && {
    winners: previous.selected,
    bound: (round: number, project: number) => {
      const price = previous.history[round]![project];
      return price && lowered(price, start - previous.start);
    },
    // The earlier run's winner priced first in every round (the completion only does so once the range no longer
    // reaches its next increment), so the ranges proven in that order are checked too.
    horizon: Number.POSITIVE_INFINITY,
  };
  try {
    const selected = runRounds(ledger, candidates, tieOrder, { history, ...(follow ? { follow } : {}) });
    return { selected, stableUntil: ledger.stableUntil(), start, history };
  } catch (error) {
    if (error instanceof CloseCall) return undefined;
    throw error;
  }
}

/** The plain exact MES, voter by voter in rationals, at a budget per voter of `budget`. */
function exactRunAt(election: Election, satisfaction: Satisfaction, budget: StartingBudget): number[] {
  const { setup, candidates, tieOrder } = prepared(election, satisfaction);
  return runRounds(exactLedger(setup, budget), candidates, tieOrder);
}

/** A fraction over GRAIN × voters strictly between `low` and `high` (as close to `at` as the grain allows). */
function budgetBetween(low: number, high: number, at: number, voters: number): StartingBudget | undefined {
  const den = GRAIN * BigInt(voters);
  const num = BigInt(Math.floor(at * Number(den)));
  const value = Number(num) / Number(den);
  return value > low && value < high ? { num, den } : undefined;
}

describe("the proven stable range of a run (what lets the add1 completion skip increments)", () => {
  it("holds: the plain exact MES gives the same winners anywhere between the run's budget and its stableUntil", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom<[Election["voteType"], Satisfaction]>(
          ["approval", "cost"],
          ["approval", "cardinality"],
          ["cumulative", "points"],
        ),
        fc.integer({ min: 0, max: 3 }),
        // Where in the range to look, from just above the run's budget to just below the end of the range.
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.boolean(),
        (seed, [voteType, satisfaction], increments, where, following) => {
          const election = randomElection(seed, voteType);
          const voters = BigInt(election.voterCount);
          const at = (extra: bigint) => ({ num: BigInt(election.budget) + extra * voters, den: voters });
          // A run that follows an earlier run's prices proves its range with those hints (as the completion does).
          const earlier = following ? floatRun(election, satisfaction, at(BigInt(increments))) : undefined;
          const run = floatRun(election, satisfaction, at(BigInt(increments + (following ? 1 : 0))), earlier);
          fc.pre(run !== undefined && run.stableUntil > run.start);
          const { start, stableUntil } = run!;
          const end = Number.isFinite(stableUntil) ? stableUntil : 4 * start + 100;
          const budget = budgetBetween(start, end, start + where * (end - start), election.voterCount);
          fc.pre(budget !== undefined);
          expect(
            exactRunAt(election, satisfaction, budget!),
            `seed ${seed}, budget ${budget!.num}/${budget!.den}`,
          ).toEqual(run!.selected);
        },
      ),
      { numRuns: 3000, seed: 20261203 },
    );
  });
});
