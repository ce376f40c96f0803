import { describe, expect, it } from "vitest";
import { exactLedger } from "../../../test-support/exact-ledger.ts";
import { randomElection } from "../../../test-support/random-election.ts";
import { isFeasible } from "../../analysis/exhaustiveness.ts";
import type { Election } from "../../election/election.ts";
import * as Q from "../../election/rational.ts";
import { supportTable } from "../../election/satisfaction.ts";
import { exactString, toAmount } from "../../explain/amount.ts";
import { lexicographic } from "../tie-break.ts";
import { type EqualSharesTrace, equalShares, ledgerSetup } from "./equal-shares.ts";
import { runRounds } from "./rounds.ts";

type Satisfaction = "cost" | "cardinality" | "points";

/** Equal shares in exact rationals only, with the per-voter budget raised `increments` times by 1. */
function exactRun(election: Election, satisfaction: Satisfaction, increments = 0): string[] {
  const table = supportTable(election, satisfaction);
  const setup = ledgerSetup(election, table);
  const voters = BigInt(election.voterCount);
  const ledger = exactLedger(setup, { num: BigInt(election.budget) + BigInt(increments) * voters, den: voters });
  const supported = election.projects.map((_, p) => p).filter((p) => table.totals[p]! > 0);
  const free = supported.filter((p) => election.projects[p]!.cost === 0);
  const candidates = supported.filter((p) => election.projects[p]!.cost > 0);
  const selected = [...free, ...runRounds(ledger, candidates, lexicographic.order(election))];
  return selected.map((p) => election.projects[p]!.id);
}

/** pabutools' completion, literally: every increment in turn, all in exact arithmetic. */
function exactCompletion(election: Election, satisfaction: Satisfaction, stopWhenExhaustive: boolean): string[] {
  const available = new Set(exactRun(election, satisfaction, 1_000_000));
  let previous: string[] = [];
  for (let increments = 0; ; increments++) {
    const selected = exactRun(election, satisfaction, increments);
    if (!isFeasible(election, selected)) return previous;
    const exhaustive = election.projects.every(
      (p) => selected.includes(p.id) || !available.has(p.id) || p.cost > election.budget - totalOf(selected),
    );
    if ((stopWhenExhaustive && exhaustive) || selected.length === available.size) return selected;
    previous = selected;
  }

  function totalOf(ids: readonly string[]): number {
    return election.projects.filter((p) => ids.includes(p.id)).reduce((sum, p) => sum + p.cost, 0);
  }
}

/**
 * A trace's rounds and losers as the all-rational ledger gives them, voter by voter, along the trace's winners: each
 * winner priced and charged; each loser its supporters could afford priced before every round, and shut out by the
 * first round after which they no longer can.
 */
function replayedByOracle(election: Election, satisfaction: Satisfaction, trace: EqualSharesTrace) {
  const setup = ledgerSetup(election, supportTable(election, satisfaction));
  const { counts, costs, supporters } = setup;
  const voters = BigInt(election.voterCount);
  const ledger = exactLedger(setup, { num: BigInt(election.budget) + BigInt(trace.increments) * voters, den: voters });
  const id = (p: number) => election.projects[p]!.id;
  const winners = trace.rounds.map((round) => election.projects.findIndex((p) => p.id === round.project));
  const shown = (rho: Q.Rational) => (satisfaction === "cost" ? exactString(rho) : toAmount(election, rho));
  const moneyOf = (p: number) =>
    supporters[p]!.reduce((sum, b) => Q.add(sum, Q.mul(Q.fromInteger(counts[b]!), ledger.budgetOf(b))), Q.ZERO);
  const affords = (p: number) => Q.compare(moneyOf(p), Q.fromInteger(costs[p]!)) >= 0;
  const losers = election.projects
    .map((_, p) => p)
    .filter((p) => setup.satisfactionTotals[p]! > 0 && costs[p]! > 0 && !winners.includes(p));
  let open = losers.filter(affords);
  const lostTo = new Map<number, object>();
  const rounds = winners.map((winner, round) => {
    const rho = ledger.price(winner)!;
    const ownPrices = new Map(open.map((p) => [p, ledger.price(p)]));
    const before = Array.from(supporters[winner]!, (b) => ledger.budgetOf(b));
    ledger.charge(winner, rho);
    const payments = Array.from(supporters[winner]!).flatMap((b, k) => {
      const paid = Q.sub(before[k]!, ledger.budgetOf(b));
      if (paid.num === 0n) return [];
      const total = Q.mul(paid, Q.fromInteger(counts[b]!));
      const points = election.ballots[b]!.points;
      return [
        {
          ballot: election.ballots[b]!.projects.map(id),
          ...(points ? { points } : {}),
          voters: counts[b]!,
          each: toAmount(election, paid),
          total: toAmount(election, total),
          value: Q.toNumber(total),
        },
      ];
    });
    for (const p of open.filter((p) => !affords(p))) {
      const own = ownPrices.get(p);
      lostTo.set(p, {
        round: round + 1,
        project: id(winner),
        price: shown(rho),
        ...(own ? { ownPrice: shown(own) } : {}),
      });
    }
    open = open.filter((p) => !lostTo.has(p));
    return {
      project: id(winner),
      price: shown(rho),
      payers: payments.reduce((sum, payment) => sum + payment.voters, 0),
      payments: payments.sort((a, b) => b.value - a.value).map(({ value: _, ...payment }) => payment),
    };
  });
  return {
    rounds,
    losers: losers.map((p) => ({
      project: id(p),
      reason: "over-budget",
      moneyLeft: toAmount(election, moneyOf(p)),
      ...(lostTo.has(p) ? { lostTo: lostTo.get(p) } : {}),
    })),
  };
}

const election: Election = {
  meta: {},
  voteType: "approval",
  budget: 100,
  moneyScale: 1,
  projects: [
    { id: "a", cost: 60, fields: {} },
    { id: "b", cost: 40, fields: {} },
    { id: "c", cost: 30, fields: {} },
  ],
  ballots: [
    { projects: [0, 1], count: 3 },
    { projects: [2], count: 1 },
  ],
  voterCount: 4,
  projectColumns: ["project_id", "cost"],
  voteColumns: ["voter_id", "vote"],
};

describe("equalShares", () => {
  it("matches the all-rational computation on elections full of ties", () => {
    for (let seed = 1; seed <= 400; seed++) {
      for (const [voteType, satisfaction] of [
        ["approval", "cost"],
        ["approval", "cardinality"],
        ["cumulative", "points"],
      ] as const) {
        const random = randomElection(seed, voteType);
        expect(equalShares(random, { satisfaction }).selected, `seed ${seed} ${satisfaction}`).toEqual(
          exactRun(random, satisfaction),
        );
      }
    }
  });

  it("completes like the reference steps through every increment, though it skips the ones it proved unchanged", () => {
    for (let seed = 1; seed <= 150; seed++) {
      for (const [voteType, satisfaction] of [
        ["approval", "cost"],
        ["approval", "cardinality"],
        ["cumulative", "points"],
      ] as const) {
        const random = randomElection(seed, voteType);
        for (const completion of ["add1", "add1-full"] as const) {
          const outcome = equalShares(random, { satisfaction, completion }).selected;
          const expected = exactCompletion(random, satisfaction, completion === "add1");
          expect([...outcome].sort(), `seed ${seed} ${satisfaction} ${completion}`).toEqual([...expected].sort());
        }
      }
    }
  });

  it("traces each round exactly: who paid what per group of identical ballots, and why the others lost", () => {
    const { selected, trace } = equalShares(election, { trace: true });
    expect(selected).toEqual(["a"]);
    expect(trace).toMatchObject({
      rule: "equal-shares",
      budget: "100",
      voters: 4,
      perVoterBudget: "25",
      increments: 0,
      rounds: [
        {
          project: "a",
          price: "1/3",
          payers: 3,
          payments: [{ ballot: ["a", "b"], voters: 3, each: "20", total: "60" }],
        },
      ],
      losers: [
        // b cost its supporters as much per unit of satisfaction as a, and lost the tie; then they had 3 × 5 left.
        {
          project: "b",
          reason: "over-budget",
          moneyLeft: "15",
          lostTo: { round: 1, project: "a", price: "1/3", ownPrice: "1/3" },
        },
        // c's only supporter never had its 30.
        { project: "c", reason: "over-budget", moneyLeft: "25" },
      ],
    });
    expect(trace!.losers[1]).not.toHaveProperty("lostTo");
  });

  it("replays the chosen run as the all-rational ledger does: who paid what, what was left, what each loser lost to", () => {
    for (let seed = 1; seed <= 200; seed++) {
      for (const voteType of ["approval", "cumulative"] as const) {
        const random = randomElection(seed, voteType);
        const measures = voteType === "cumulative" ? (["points"] as const) : (["cost", "cardinality"] as const);
        for (const satisfaction of measures) {
          const trace = equalShares(random, { satisfaction, completion: "add1", trace: true }).trace!;
          const expected = replayedByOracle(random, satisfaction, trace);
          expect(trace.rounds, `seed ${seed}, ${satisfaction}`).toEqual(expected.rounds);
          expect(
            trace.losers.filter((l) => l.reason === "over-budget"),
            `seed ${seed}`,
          ).toEqual(expected.losers);
        }
      }
    }
  });

  it("traces the completion: each run's per-voter budget and what it changed", () => {
    const { trace } = equalShares(election, { completion: "add1", trace: true });
    expect(trace!.perVoterBudget).toBe("30");
    expect(trace!.steps![0]).toMatchObject({ increments: 0, perVoterBudget: "25", added: ["a"], verdict: "raise" });
    expect(trace!.steps!.at(-1)).toMatchObject({
      increments: 5,
      perVoterBudget: "30",
      selected: ["a", "c"],
      added: ["c"],
      removed: [],
      cost: "90",
      verdict: "exhaustive",
    });
    expect(trace!.rounds.map((r) => [r.project, r.price])).toEqual([
      ["a", "1/3"],
      ["c", "1"],
    ]);
  });

  it("keeps amounts exact: thirds stay fractions, decimals of the file stay decimals", () => {
    const thirds: Election = { ...election, budget: 90, ballots: [{ projects: [0, 1], count: 3 }], voterCount: 3 };
    const { trace } = equalShares(
      { ...thirds, projects: [{ id: "a", cost: 50, fields: {} }, ...election.projects.slice(1)] },
      { trace: true },
    );
    expect(trace!.rounds[0]!.payments[0]!.each).toBe("50/3");
    const cents = equalShares({ ...election, moneyScale: 100 }, { trace: true }).trace!;
    expect(cents.rounds[0]!.payments[0]).toMatchObject({ each: "0.2", total: "0.6" });
  });

  it("raises every voter's budget by one currency unit until the outcome is exhaustive (add1)", () => {
    const { selected, increments } = equalShares(election, { completion: "add1" });
    // At 25 + 5 per voter, c's only supporter can pay its 30 and the outcome {a, c} leaves 10: too little for b.
    expect(selected).toEqual(["a", "c"]);
    expect(increments).toBe(5);
  });
});
