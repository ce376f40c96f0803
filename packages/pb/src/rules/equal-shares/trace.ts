import type { Election } from "../../election/election.ts";
import * as Q from "../../election/rational.ts";
import { type Amount, exactString, toAmount } from "../../explain/amount.ts";
import { exactLedger } from "./exact-ledger.ts";
import type { LedgerSetup, StartingBudget } from "./ledger.ts";

/** One group of identical ballots that paid for a project. */
export type EqualSharesPayment = {
  /** The projects the ballot mentions (ids, in ballot order). */
  readonly ballot: readonly string[];
  /** The points given to them (cumulative and scoring ballots). */
  readonly points?: readonly number[];
  readonly voters: number;
  /** What each of these voters paid. */
  readonly each: Amount;
  readonly total: Amount;
};

export type EqualSharesRound = {
  readonly project: string;
  /**
   * The price per unit of satisfaction, exact: with cost satisfaction the part of the cost each supporter who could
   * afford it paid ("1/1204"); with cardinality satisfaction what each of them paid; with points, the price per point.
   */
  readonly price: string;
  /** Voters who paid something. */
  readonly payers: number;
  /** Per group of identical ballots that paid (no zero payments), the largest total first. */
  readonly payments: readonly EqualSharesPayment[];
};

export type EqualSharesLoser = {
  readonly project: string;
  /**
   * `over-budget`: at the end its supporters together had less money left than it costs; `no-satisfaction`: no voter
   * gains anything from it under the satisfaction measure (nobody voted for it, or it is free and satisfaction is
   * its cost).
   */
  readonly reason: "over-budget" | "no-satisfaction";
  /** Its supporters' money left at the end. */
  readonly moneyLeft?: Amount;
  /**
   * The last round in which its supporters could still pay for it: the project bought then, at which price, and
   * this project's own price then (prices per unit of satisfaction, as in the rounds). Absent when they never could.
   */
  readonly lostTo?: {
    readonly round: number;
    readonly project: string;
    readonly price: string;
    readonly ownPrice?: string;
  };
};

/** A completion run: what raising every voter's budget to `perVoterBudget` gave, and what the search did next. */
export type CompletionStep = {
  readonly increments: number;
  readonly perVoterBudget: Amount;
  readonly selected: readonly string[];
  /** Against the previous run. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly cost: Amount;
  /**
   * `raise`: the outcome was kept as the best so far and the budgets were raised again (skipping the increments proven
   * to change nothing); `exhaustive` (add1): nothing else fits, the search stops here; `all-funded`: every wanted
   * project is in; `overspent`: the outcome costs more than the budget, so the previous one is kept.
   */
  readonly verdict: "raise" | "exhaustive" | "all-funded" | "overspent";
};

/**
 * Replays a run of equal shares over exact rationals along the winners a run found, recording who paid what, and
 * for each loser the last round in which its supporters could still afford it (found in doubles, then priced
 * exactly). Cheaper than an exact run: only the winners, and each loser once, are priced.
 */
export function replayRounds(
  election: Election,
  setup: LedgerSetup,
  budget: StartingBudget,
  winners: readonly number[],
  losers: readonly number[],
  satisfaction: "cost" | "cardinality" | "points",
): { rounds: EqualSharesRound[]; losers: EqualSharesLoser[] } {
  const ledger = exactLedger(setup, budget);
  const { counts, costs, supporters } = setup;
  const money = new Float64Array(counts.length).fill(Number(budget.num) / Number(budget.den));
  const price = (rho: Q.Rational) => (satisfaction === "cost" ? exactString(rho) : toAmount(election, rho));
  const supportersMoney = (p: number) => {
    let sum = 0;
    for (const b of supporters[p]!) sum += counts[b]! * money[b]!;
    return sum;
  };
  const affordable = (p: number) => supportersMoney(p) >= costs[p]! * (1 - 1e-12);
  let open = losers.filter(affordable);
  const lostTo = new Map<number, NonNullable<EqualSharesLoser["lostTo"]>>();
  const ids = (b: number) => election.ballots[b]!.projects.map((p) => election.projects[p]!.id);
  const rounds: EqualSharesRound[] = [];

  winners.forEach((winner, round) => {
    const rho = ledger.price(winner)!;
    const before = Array.from(supporters[winner]!, (b) => ledger.budgetOf(b));
    const rhoNumber = Q.toNumber(rho);
    const sats = setup.satisfaction[winner]!;
    const saved = Array.from(supporters[winner]!, (b) => money[b]!);
    supporters[winner]!.forEach((b, k) => {
      money[b] = Math.max(0, money[b]! - rhoNumber * sats[k]!);
    });
    const closing = open.filter((p) => !affordable(p));
    if (closing.length > 0) {
      // Priced before this round's charge, with the exact budgets of the moment it was last affordable.
      supporters[winner]!.forEach((b, k) => {
        money[b] = saved[k]!;
      });
      for (const p of closing) {
        const own = ledger.price(p);
        lostTo.set(p, {
          round: round + 1,
          project: election.projects[winner]!.id,
          price: price(rho),
          ...(own ? { ownPrice: price(own) } : {}),
        });
      }
      open = open.filter((p) => !closing.includes(p));
    }
    ledger.charge(winner, rho);
    const payments: (EqualSharesPayment & { value: number })[] = [];
    let payers = 0;
    supporters[winner]!.forEach((b, k) => {
      const after = ledger.budgetOf(b);
      money[b] = Q.toNumber(after);
      const paid = Q.sub(before[k]!, after);
      if (paid.num === 0n) return;
      const total = Q.mul(paid, Q.fromInteger(counts[b]!));
      const points = election.ballots[b]!.points;
      payers += counts[b]!;
      payments.push({
        ballot: ids(b),
        ...(points ? { points } : {}),
        voters: counts[b]!,
        each: toAmount(election, paid),
        total: toAmount(election, total),
        value: Q.toNumber(total),
      });
    });
    payments.sort((a, b) => b.value - a.value);
    rounds.push({
      project: election.projects[winner]!.id,
      price: price(rho),
      payers,
      payments: payments.map(({ value: _, ...payment }) => payment),
    });
  });

  const traced = losers.map((p): EqualSharesLoser => {
    let left = Q.ZERO;
    for (const b of supporters[p]!) left = Q.add(left, Q.mul(Q.fromInteger(counts[b]!), ledger.budgetOf(b)));
    // A loser doubles still see as affordable after the last round (a rounding hair) lost to the last winner.
    const final = rounds.at(-1);
    const last =
      lostTo.get(p) ??
      (open.includes(p) && final ? { round: rounds.length, project: final.project, price: final.price } : undefined);
    return {
      project: election.projects[p]!.id,
      reason: "over-budget",
      moneyLeft: toAmount(election, left),
      ...(last ? { lostTo: last } : {}),
    };
  });
  return { rounds, losers: traced };
}
