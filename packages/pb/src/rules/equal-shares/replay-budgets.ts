import * as Q from "../../election/rational.ts";
import type { Ledger, LedgerSetup, StartingBudget } from "./ledger.ts";

/**
 * The voters' exact budgets during the replay of a run for its explanation, kept cheap. A voter who has not spent
 * everything paid the full share of every winner it supports, so its budget is start − Σ satisfaction × price over
 * those rounds, and a spent voter's is 0. The budgets are therefore held as the rounds each voter paid in full, and
 * the prices over one common denominator (`denominator`, with `start` and each round's price as integers over it).
 * A sum of budgets is then an integer combination of at most one term per round, and no fraction is reduced until it
 * is shown; the exact ledger, which adds reduced fractions voter by voter, spent most of its time in gcd.
 *
 * Comparisons first look at doubles (budgets and prices rounded, with an error far below `TOLERANCE`) and fall back
 * to exact integers only when the doubles are too close to tell, so every decision is exact.
 *
 * Money is asked for "before" a round: the budgets before that round's charge, so that a loser can be priced as it
 * stood before the round that shut it out. Only the latest round can be undone that way.
 */
export type ReplayBudgets = ReturnType<typeof replayBudgets>;

/** Relative margin within which doubles do not decide (their rounding error stays below 10^-12 of the money). */
const TOLERANCE = 1e-9;

/** A voter that has not spent everything. */
const NEVER = 0x7fffffff;

export function replayBudgets(setup: LedgerSetup, budget: StartingBudget) {
  const { counts, costs, supporters, satisfaction, satisfactionTotals, voters } = setup;
  const ballotCount = counts.length;
  const start = Q.rational(budget.num, budget.den);
  const startValue = Q.toNumber(start);
  // Every integer numerator below is over `denominator`, a common multiple of the starting budget's and every
  // price's denominator so far.
  let denominator = start.den;
  let startUnits = start.num;
  const priceUnits: bigint[] = [];
  const prices: Q.Rational[] = [];
  const priceValues: number[] = [];

  const spentIn = new Int32Array(ballotCount).fill(NEVER);
  // Per voter, the rounds it paid in full, newest first, as a linked list in growing arrays.
  const head = new Int32Array(ballotCount).fill(-1);
  let link = new Int32Array(1024);
  let linkRound = new Int32Array(1024);
  let linkSatisfaction = new Float64Array(1024);
  let links = 0;
  // Doubles: every voter's budget now, and before the latest charge of it.
  const money = new Float64Array(ballotCount).fill(startValue);
  const moneyBefore = new Float64Array(ballotCount);
  const chargedIn = new Int32Array(ballotCount).fill(-1);

  const value = (b: number, before: number) => (chargedIn[b]! >= before ? moneyBefore[b]! : money[b]!);

  /** The voter's exact budget before round `before`, as an integer over `denominator`. */
  function units(b: number, before: number): bigint {
    if (spentIn[b]! < before) return 0n;
    let left = startUnits;
    for (let l = head[b]!; l !== -1; l = link[l]!) {
      if (linkRound[l]! < before) left -= BigInt(linkSatisfaction[l]!) * priceUnits[linkRound[l]!]!;
    }
    return left;
  }

  /** The sign of budget − price × satisfaction, before round `before`. */
  function compareShare(b: number, before: number, price: Q.Rational, priceValue: number, sat: number): number {
    const left = value(b, before);
    const share = priceValue * sat;
    const margin = TOLERANCE * (startValue + share);
    if (left < share - margin) return -1;
    if (left > share + margin) return 1;
    const a = units(b, before) * price.den;
    const c = price.num * BigInt(sat) * denominator;
    return a < c ? -1 : a > c ? 1 : 0;
  }

  /**
   * An exact sum of count × budget over voters, as the integer over `denominator`: per round, the satisfaction those
   * voters paid in full at its price. The coefficients are integers below the project's satisfaction total, which the
   * support table already holds exactly in a double.
   */
  function tally() {
    let voters = 0;
    const perRound = new Float64Array(prices.length + 1);
    return {
      add(b: number, before: number): void {
        if (spentIn[b]! < before) return;
        const count = counts[b]!;
        voters += count;
        for (let l = head[b]!; l !== -1; l = link[l]!) {
          if (linkRound[l]! < before) perRound[linkRound[l]!]! += count * linkSatisfaction[l]!;
        }
      },
      units(): bigint {
        let sum = BigInt(voters) * startUnits;
        for (let r = 0; r < priceUnits.length; r++) if (perRound[r] !== 0) sum -= BigInt(perRound[r]!) * priceUnits[r]!;
        return sum;
      },
    };
  }

  /** Σ count × budget over the project's supporters, before round `before`, as a double (error ≪ TOLERANCE). */
  function supportersValue(project: number, before: number): number {
    let sum = 0;
    for (const b of supporters[project]!) sum += counts[b]! * value(b, before);
    return sum;
  }

  /** The supporters' exact money before round `before`, as an integer over `denominator`. */
  function moneyUnits(project: number, before: number): bigint {
    const sum = tally();
    for (const b of supporters[project]!) sum.add(b, before);
    return sum.units();
  }

  /**
   * Whether the project's supporters hold at least its cost before round `before`, exactly. `approximate` is their
   * money in doubles, known to within `slack` times the money they started with.
   */
  function affords(project: number, before: number, approximate: number, slack = TOLERANCE): boolean {
    const cost = costs[project]!;
    const margin = slack * (voters[project]! * startValue + cost);
    if (approximate < cost - margin) return false;
    if (approximate > cost + margin) return true;
    if (slack !== TOLERANCE) return affords(project, before, supportersValue(project, before));
    return moneyUnits(project, before) >= BigInt(cost) * denominator;
  }

  /** As the exact ledger's price, with the budgets before round `before`. */
  function price(project: number, before: number): Q.Rational | undefined {
    const ballots = supporters[project]!;
    const sats = satisfaction[project]!;
    if (!affords(project, before, supportersValue(project, before))) return undefined;
    const cost = BigInt(costs[project]!);
    let rich = Array.from(ballots, (_, k) => k);
    const poor = tally();
    let richSat = BigInt(satisfactionTotals[project]!);
    let rho = Q.rational(cost, richSat);
    for (;;) {
      const rhoValue = Q.toNumber(rho);
      const kept: number[] = [];
      for (const k of rich) {
        const b = ballots[k]!;
        if (compareShare(b, before, rho, rhoValue, sats[k]!) < 0) {
          poor.add(b, before);
          richSat -= BigInt(counts[b]! * sats[k]!);
        } else kept.push(k);
      }
      if (kept.length === rich.length) return rho;
      rich = kept;
      rho = Q.rational(cost * denominator - poor.units(), denominator * richSat);
    }
  }

  /** Makes `price` the price of the next round, over the common denominator. */
  function addRound(price: Q.Rational): void {
    const scale = price.den / Q.gcd(denominator, price.den);
    if (scale !== 1n) {
      denominator *= scale;
      startUnits *= scale;
      for (let r = 0; r < priceUnits.length; r++) priceUnits[r]! *= scale;
    }
    priceUnits.push((price.num * denominator) / price.den);
    prices.push(price);
    priceValues.push(Q.toNumber(price));
  }

  function remember(b: number, round: number, sat: number): void {
    if (links === link.length) {
      link = grow(link);
      linkRound = grow(linkRound);
      linkSatisfaction = grow(linkSatisfaction);
    }
    link[links] = head[b]!;
    linkRound[links] = round;
    linkSatisfaction[links] = sat;
    head[b] = links++;
  }

  /**
   * Charges round `round`'s winner at `price`: each supporter pays min(budget, price × satisfaction). Calls `paid`
   * with each supporter's position and the exact amount paid: `undefined` for the full share (price × satisfaction),
   * else the whole budget it had, as an integer over `denominator` (0n when it had nothing left).
   */
  function charge(project: number, round: number, price: Q.Rational, paid?: (k: number, all?: bigint) => void): void {
    addRound(price);
    const priceValue = priceValues[round]!;
    const sats = satisfaction[project]!;
    const ballots = supporters[project]!;
    for (let k = 0; k < ballots.length; k++) {
      const b = ballots[k]!;
      const sat = sats[k]!;
      moneyBefore[b] = money[b]!;
      chargedIn[b] = round;
      if (spentIn[b]! < round) paid?.(k, 0n);
      else if (compareShare(b, round, price, priceValue, sat) > 0) {
        money[b] = Math.max(0, money[b]! - priceValue * sat);
        if (sat !== 0) remember(b, round, sat);
        paid?.(k);
      } else {
        if (paid) paid(k, units(b, round));
        money[b] = 0;
        spentIn[b] = round;
      }
    }
  }

  return {
    price,
    charge,
    affords,
    /** The supporters' exact money before round `before`. */
    moneyLeft: (project: number, before: number) => Q.rational(moneyUnits(project, before), denominator),
    /** An exact amount held as an integer over the common denominator, reduced. */
    amount: (units: bigint) => Q.rational(units, denominator),
    /** A voter's budget before round `before`, in doubles (for sorting and filters only). */
    value,
    /** Σ count × budget of the project's supporters before round `before`, in doubles. */
    supportersValue,
  };
}

function grow<T extends Int32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * A whole run in exact arithmetic (the float ledger's fall-back when a decision is too close for doubles), on the
 * replay's budgets: the same decisions as `exactLedger`, the reference computation, at about the cost of doubles.
 */
export function exactRunLedger(setup: LedgerSetup, budget: StartingBudget): Ledger<Q.Rational> {
  const budgets = replayBudgets(setup, budget);
  let round = 0;
  return {
    price: (project) => budgets.price(project, round),
    charge: (project, price) => budgets.charge(project, round++, price),
    compare: Q.compare,
    clearlyAbove: (a, b) => Q.compare(a, b) > 0,
    toNumber: Q.toNumber,
    stableUntil: () => Number.NEGATIVE_INFINITY,
  };
}
