import { CloseCall, type Ledger, type LedgerSetup, type StartingBudget } from "./ledger.ts";

/**
 * A price per unit of satisfaction with a bound on its rounding error. When every supporter either pays the full
 * share (with a margin no rounding can erase) or has certainly spent everything, the price is exactly
 * cost / Σ count × satisfaction of the payers: that integer fraction is kept (`cost`, `paying`), so equal prices (common:
 * same number of paying supporters) are recognised as ties without leaving floats. `drift` bounds how fast the
 * price can fall as the voters' starting budget grows (see `stableUntil`).
 */
export type FloatPrice = {
  readonly value: number;
  readonly error: number;
  readonly drift: number;
  /** The exact price is `cost / paying` (integers) when `paying` > 0; unknown when it is 0. */
  readonly cost: number;
  readonly paying: number;
};

/**
 * Rounding error bound, relative to the money involved: sums over at most ~10^5 ballots and a few hundred rounds of
 * subtractions stay far below 10^-10 of the supporters' initial money in double precision.
 */
const RELATIVE_ERROR = 1e-10;

/** The share of a proven stable distance that `stableUntil` claims. */
const BOUND_SAFETY = 1 - 1e-6;

/** Buffers a run's ledger reuses from the previous run on the same election (runs never overlap). */
type Scratch = {
  budgets: Float64Array;
  /** Per ballot, how fast its budget can grow at most per unit of starting budget (see `floatLedger`). */
  rates: Float64Array;
  exhausted: Uint8Array;
  near: Int32Array;
  lastPrice: Float64Array;
  /** Per project, its last price less that price's error bound: a price it certainly costs at least. */
  floors: Float64Array;
};
const scratches = new WeakMap<LedgerSetup, Scratch>();

function scratchFor(setup: LedgerSetup, start: number): Scratch {
  let scratch = scratches.get(setup);
  if (!scratch) {
    const ballots = setup.counts.length;
    const most = setup.supporters.reduce((max, s) => Math.max(max, s.length), 0);
    scratch = {
      budgets: new Float64Array(ballots),
      rates: new Float64Array(ballots),
      exhausted: new Uint8Array(ballots),
      near: new Int32Array(most),
      lastPrice: new Float64Array(setup.costs.length),
      floors: new Float64Array(setup.costs.length),
    };
    scratches.set(setup, scratch);
  }
  scratch.budgets.fill(start);
  scratch.rates.fill(1);
  scratch.exhausted.fill(0);
  scratch.lastPrice.fill(0);
  scratch.floors.fill(0);
  return scratch;
}

/**
 * A price the project certainly costs at least in the same round of a run whose voters each start with `raise` more,
 * as long as that run bought the same winners before: a price falls by at most its `drift` per unit of starting
 * budget (see `floatLedger`). Not exact (`paying` 0), so it only serves to skip pricing, never to decide.
 */
export function lowered(price: FloatPrice, raise: number): FloatPrice {
  return {
    value: price.value - price.drift * raise,
    error: price.error,
    drift: price.drift,
    cost: price.cost,
    paying: 0,
  };
}

/**
 * Budgets in doubles; any decision too close to call in floating point throws `CloseCall`.
 *
 * The ledger also proves up to which starting budget t per voter its outcome stays the same (`stableUntil`), so the
 * add1 completions can skip increments. With the winners kept, a larger t leaves every voter at least as much money
 * and every price at most as high, so whoever could pay a share still can. Each voter's budget grows at most its
 * `rate` times as fast as t: 1 at first, and a purchase adds satisfaction × the price's `drift` to the rate of each
 * of its supporters, because the price falls by at most Σ count × rate over the supporters short of their share /
 * satisfaction of those paying it (only the short voters' extra money lowers it; as t grows the short ones can only
 * become fewer and the payers more). So every decision holds while its margin exceeds
 * how far t moved times how fast that margin can shrink: a loser's price falling, an unaffordable project's
 * supporters gaining money. Elections with few voters short of money (choose-1 ballots above all) skip far.
 */
export function floatLedger(setup: LedgerSetup, budget: StartingBudget): Ledger<FloatPrice> {
  const { costs, supporters, supporterCounts, satisfaction, satisfactionTotals, voters } = setup;
  const { flatSatisfaction, largestSatisfaction } = setup;
  const start = Number(budget.num) / Number(budget.den);
  // `exhausted` is set when a voter certainly spent everything: their budget is then exactly 0, not merely rounded.
  const { budgets, rates, exhausted, near, lastPrice, floors } = scratchFor(setup, start);
  const margin = RELATIVE_ERROR * start;
  let stableUntil = Number.POSITIVE_INFINITY;
  let charged = false;
  /** At least the largest of the voters' rates. */
  let maxRate = 1;

  /** Records that a decision with this margin, shrinking at most at `rate` per unit of t, holds while… */
  function holdsWhile(gap: number, rate: number): void {
    // The gap is already net of the rounding bounds; what is left to fear is the rounding of this division and of
    // the rates (a few ulps), which a millionth of the distance covers many times over.
    if (rate > 0) stableUntil = Math.min(stableUntil, start + (BOUND_SAFETY * Math.max(0, gap)) / rate);
  }

  /** Whether the supporters' money covers the cost, beyond rounding doubt (else a close call). */
  function affordable(project: number, total: number, slack: number): boolean {
    const cost = costs[project]!;
    if (Math.abs(total - cost) <= slack) throw new CloseCall();
    if (total >= cost) return true;
    const gap = cost - total - slack;
    // The largest rate bounds the sum cheaply; the pass is made only when that bound would shorten the range.
    const rough = maxRate * voters[project]!;
    holdsWhile(gap, start + (BOUND_SAFETY * Math.max(0, gap)) / rough < stableUntil ? moneyRate(project) : rough);
    return false;
  }

  /** How fast the project's supporters' money can grow at most: the sum of their rates. */
  function moneyRate(project: number): number {
    const ballots = supporters[project]!;
    const counts = supporterCounts[project]!;
    let rate = 0;
    for (let k = 0; k < ballots.length; k++) rate += counts[k]! * rates[ballots[k]!]!;
    return rate;
  }

  /**
   * The least price per unit of satisfaction that funds the project. Before anything is bought every supporter holds
   * the starting budget, and the price is the cost over the supporters' satisfaction unless some supporter is short
   * of that share: no pass over the supporters. Later, prices only rise, so twice the project's last price (or its
   * price if everybody paid) bounds who can turn out short: one pass sums the supporters' money and sets aside those
   * whose budget is below that bound, and the further passes go over them alone. Should the price pass the bound,
   * the pass is made again with twice that price.
   */
  function price(project: number, atLeast?: FloatPrice): FloatPrice | undefined {
    const cost = costs[project]!;
    const satTotal = satisfactionTotals[project]!;
    const slack = RELATIVE_ERROR * (cost + voters[project]! * start);
    const first = cost / satTotal;
    if (!charged) {
      if (!affordable(project, voters[project]! * start, slack)) return undefined;
      const spare = start - first * largestSatisfaction[project]!;
      if (spare >= 0) return priced(first, slack, satTotal, 0, spare > margin, cost);
    }
    const floor = atLeast ? Math.max(floors[project]!, atLeast.value - atLeast.error) : floors[project]!;
    let limit = 2 * Math.max(first, lastPrice[project]!);
    for (;;) {
      const found = priceBelow(project, floor, limit, slack);
      if (typeof found !== "number") {
        if (found) {
          lastPrice[project] = found.value;
          floors[project] = found.value - found.error;
        }
        return found;
      }
      limit = 2 * found;
    }
  }

  /**
   * The price if it is at most `limit`; else a price above `limit` it is at least. `floor` is a price the project
   * certainly costs at least (prices only rise within a run): supporters below it, and those who certainly spent
   * everything, are short whatever the price, so the first pass already counts them as paying everything and only
   * the supporters between floor and limit are set aside for the further passes.
   */
  function priceBelow(project: number, floor: number, limit: number, slack: number): FloatPrice | undefined | number {
    const cost = costs[project]!;
    const ballots = supporters[project]!;
    const counts = supporterCounts[project]!;
    const sats = satisfaction[project]!;
    const flat = flatSatisfaction[project]!;
    const n = ballots.length;
    let total = 0;
    let m = 0;
    let richSat = satisfactionTotals[project]!;
    let poorMoney = 0;
    // Σ count × rate over the short supporters: how fast their money, and so the price, can move.
    let poorRate = 0;
    let poor = 0;
    let certain = true;
    if (flat > 0) {
      const short = floor * flat - margin;
      const threshold = limit * flat + margin;
      // Without branches: whether a supporter is short, set aside or rich is data, so a branch on it mispredicts often.
      let poorCount = 0;
      let unsure = 0;
      for (let k = 0; k < n; k++) {
        const b = ballots[k]!;
        const own = budgets[b]!;
        const count = counts[k]!;
        const money = count * own;
        total += money;
        const spent = exhausted[b]!;
        const isPoor = (own < short ? 1 : 0) | spent;
        poorMoney += isPoor * money;
        poorRate += isPoor * count * rates[b]!;
        poorCount += isPoor * count;
        poor += isPoor;
        unsure |= isPoor & (spent ^ 1);
        near[m] = k;
        m += (isPoor ^ 1) & (own <= threshold ? 1 : 0);
      }
      richSat -= poorCount * flat;
      if (unsure) certain = false;
    } else {
      for (let k = 0; k < n; k++) {
        const b = ballots[k]!;
        const own = budgets[b]!;
        const money = counts[k]! * own;
        total += money;
        const sat = sats[k]!;
        if (own < floor * sat - margin || (own === 0 && exhausted[b])) {
          poorMoney += money;
          poorRate += counts[k]! * rates[b]!;
          richSat -= counts[k]! * sat;
          poor++;
          if (!exhausted[b]) certain = false;
        } else if (own <= limit * sat + margin) near[m++] = k;
      }
    }
    if (!affordable(project, total, slack)) return undefined;
    if (poor === n || richSat <= 0) throw new CloseCall();
    let rho = (cost - poorMoney) / richSat;
    if (rho > limit) return rho;
    for (;;) {
      // Without branches, as the first pass. Those set aside have not certainly spent everything (the first pass
      // counted those as short), so finding one short makes the price inexact.
      let kept = 0;
      for (let j = 0; j < m; j++) {
        const k = near[j]!;
        const b = ballots[k]!;
        const own = budgets[b]!;
        const count = counts[k]!;
        const sat = flat > 0 ? flat : sats[k]!;
        const isPoor = own - rho * sat < 0 ? 1 : 0;
        poorMoney += isPoor * count * own;
        poorRate += isPoor * count * rates[b]!;
        richSat -= isPoor * count * sat;
        poor += isPoor;
        near[kept] = k;
        kept += isPoor ^ 1;
      }
      if (kept === m) break;
      certain = false;
      m = kept;
      if (poor === n || richSat <= 0) throw new CloseCall();
      rho = (cost - poorMoney) / richSat;
      if (rho > limit) return rho;
    }
    // Those not set aside have more than `limit` per unit of satisfaction: they pay with a margin.
    for (let j = 0; j < m && certain; j++) {
      const k = near[j]!;
      if (budgets[ballots[k]!]! - rho * (flat > 0 ? flat : sats[k]!) <= margin) certain = false;
    }
    return priced(rho, slack, richSat, poorRate, certain, cost);
  }

  /**
   * The price with its error bound and drift; the exact fraction cost / paying satisfaction is kept when every
   * supporter pays a full share with a margin or has certainly spent everything.
   */
  function priced(
    value: number,
    slack: number,
    richSat: number,
    poorRate: number,
    certain: boolean,
    cost: number,
  ): FloatPrice {
    const paying = certain && Number.isSafeInteger(richSat) ? richSat : 0;
    return { value, error: slack / richSat, drift: poorRate / richSat, cost, paying };
  }

  function charge(project: number, rho: FloatPrice): void {
    charged = true;
    const ballots = supporters[project]!;
    const sats = satisfaction[project]!;
    // rho.drift bounds how fast the price can fall: a supporter's payment (full share or all it has) falls at most
    // satisfaction × drift as fast, so what it keeps grows at most that much faster than before.
    const drift = rho.drift;
    for (let k = 0; k < ballots.length; k++) {
      const b = ballots[k]!;
      const sat = sats[k]!;
      const own = budgets[b]!;
      const share = rho.value * sat;
      // Without branches (who runs short is data): a spent voter keeps exactly 0.
      const spent = exhausted[b]! | (share - own > margin ? 1 : 0);
      exhausted[b] = spent;
      budgets[b] = (spent ^ 1) * Math.max(0, own - share);
      rates[b]! += sat * drift;
    }
    maxRate += largestSatisfaction[project]! * drift;
  }

  return {
    price,
    charge,
    compare(a, b) {
      const gap = Math.abs(a.value - b.value) - a.error - b.error;
      if (gap > 0) {
        // The cheaper price can only fall further; the decision turns when the dearer one falls by the gap.
        holdsWhile(gap, a.value > b.value ? a.drift : b.drift);
        return a.value < b.value ? -1 : 1;
      }
      if (a.paying === 0 || b.paying === 0) throw new CloseCall();
      // Prices this close, settled exactly, stay settled only while neither can move.
      holdsWhile(0, a.drift + b.drift);
      const left = BigInt(a.cost) * BigInt(b.paying);
      const right = BigInt(b.cost) * BigInt(a.paying);
      return left < right ? -1 : left > right ? 1 : 0;
    },
    clearlyAbove(a, b) {
      const gap = a.value - b.value - a.error - b.error;
      if (gap > 0) holdsWhile(gap, a.drift);
      return gap > 0;
    },
    toNumber: (p) => p.value,
    stableUntil: () => stableUntil,
  };
}
