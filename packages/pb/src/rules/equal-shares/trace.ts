import type { Election } from "../../election/election.ts";
import * as Q from "../../election/rational.ts";
import { type Amount, exactString, toAmount } from "../../explain/amount.ts";
import type { LedgerSetup, StartingBudget } from "./ledger.ts";
import { replayBudgets } from "./replay-budgets.ts";

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
 * Replays a run of equal shares exactly along the winners a run found, recording who paid what, and for each loser the
 * last round in which its supporters could still afford it, and its price then. Cheaper than an exact run: only the
 * winners, and each loser once, are priced, over budgets held as the rounds each voter paid in full
 * (`replayBudgets`), with doubles deciding wherever they are clear.
 */
export function replayRounds(
  election: Election,
  setup: LedgerSetup,
  budget: StartingBudget,
  winners: readonly number[],
  losers: readonly number[],
  satisfaction: "cost" | "cardinality" | "points",
): { rounds: EqualSharesRound[]; losers: EqualSharesLoser[] } {
  const budgets = replayBudgets(setup, budget);
  const { counts, costs, supporters } = setup;
  const price = (rho: Q.Rational) => (satisfaction === "cost" ? exactString(rho) : toAmount(election, rho));
  const ids = (b: number) => election.ballots[b]!.projects.map((p) => election.projects[p]!.id);

  // The losers their supporters can still afford, with the supporters' money in doubles, lowered at every charge;
  // and per voter, the losers it supports (offsets into `backing`), to know whose money a charge lowers.
  const open = new Uint8Array(costs.length);
  const money = new Float64Array(costs.length);
  for (const p of losers) {
    money[p] = budgets.supportersValue(p, 0);
    if (budgets.affords(p, 0, money[p]!)) open[p] = 1;
  }
  const first = new Int32Array(counts.length + 1);
  for (const p of losers) if (open[p]) for (const b of supporters[p]!) first[b + 1]!++;
  for (let b = 0; b < counts.length; b++) first[b + 1]! += first[b]!;
  const backing = new Int32Array(first[counts.length]!);
  const filled = first.slice(0, counts.length);
  for (const p of losers) if (open[p]) for (const b of supporters[p]!) backing[filled[b]!++] = p;

  const lostTo = new Map<number, NonNullable<EqualSharesLoser["lostTo"]>>();
  const rounds: EqualSharesRound[] = [];
  winners.forEach((winner, round) => {
    const rho = budgets.price(winner, round)!;
    const sats = setup.satisfaction[winner]!;
    // Many voters pay the same (the full share, or a budget left by the same rounds): each amount is shown once.
    const shares = new Map<number, Shown>();
    const wholeBudgets = new Map<bigint, Shown>();
    const payments: (EqualSharesPayment & { value: number })[] = [];
    let payers = 0;
    budgets.charge(winner, round, rho, (k, all) => {
      const shown =
        all === undefined
          ? remembered(shares, sats[k]!, () => showing(election, Q.mul(rho, Q.fromInteger(sats[k]!))))
          : remembered(wholeBudgets, all, () => showing(election, budgets.amount(all)));
      if (shown.paid.num === 0n) return;
      const b = supporters[winner]![k]!;
      const points = election.ballots[b]!.points;
      const total = shown.total(counts[b]!);
      payers += counts[b]!;
      payments.push({
        ballot: ids(b),
        ...(points ? { points } : {}),
        voters: counts[b]!,
        each: shown.each,
        total: total.amount,
        value: total.value,
      });
    });
    payments.sort((a, b) => b.value - a.value);
    rounds.push({
      project: election.projects[winner]!.id,
      price: price(rho),
      payers,
      payments: payments.map(({ value: _, ...payment }) => payment),
    });

    // The losers this charge left short: priced with the budgets they had before it.
    const touched: number[] = [];
    for (const b of supporters[winner]!) {
      const spent = counts[b]! * (budgets.value(b, round) - budgets.value(b, round + 1));
      if (spent === 0) continue;
      for (let i = first[b]!; i < first[b + 1]!; i++) {
        const p = backing[i]!;
        if (!open[p]) continue;
        if (open[p] === 1) touched.push(p);
        open[p] = 2;
        money[p]! -= spent;
      }
    }
    for (const p of touched) {
      open[p] = 1;
      if (budgets.affords(p, round + 1, money[p]!, DRIFT)) continue;
      open[p] = 0;
      const own = budgets.price(p, round);
      lostTo.set(p, {
        round: round + 1,
        project: election.projects[winner]!.id,
        price: price(rho),
        ...(own ? { ownPrice: price(own) } : {}),
      });
    }
  });

  const traced = losers.map((p): EqualSharesLoser => {
    // Never left open after the last round (its supporters could afford it, so the run would have bought it); kept as
    // a guard: such a loser lost to the last winner.
    const final = rounds.at(-1);
    const last =
      lostTo.get(p) ??
      (open[p] && final ? { round: rounds.length, project: final.project, price: final.price } : undefined);
    return {
      project: election.projects[p]!.id,
      reason: "over-budget",
      moneyLeft: toAmount(election, budgets.moneyLeft(p, winners.length)),
      ...(last ? { lostTo: last } : {}),
    };
  });
  return { rounds, losers: traced };
}

/**
 * Bound on the error of the losers' money in doubles, lowered charge by charge, relative to the money their
 * supporters started with: each subtraction rounds by 2^-53 of it, and there are fewer than 10^7 of them.
 */
const DRIFT = 1e-7;

/** An amount paid each, as shown, and the totals for groups of voters who paid it. */
type Shown = {
  readonly paid: Q.Rational;
  readonly each: Amount;
  readonly total: (voters: number) => { readonly amount: Amount; readonly value: number };
};

function showing(election: Election, paid: Q.Rational): Shown {
  const totals = new Map<number, { amount: Amount; value: number }>();
  return {
    paid,
    each: toAmount(election, paid),
    total: (voters) =>
      remembered(totals, voters, () => {
        const exact = Q.mul(paid, Q.fromInteger(voters));
        return { amount: toAmount(election, exact), value: Q.toNumber(exact) };
      }),
  };
}

function remembered<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
