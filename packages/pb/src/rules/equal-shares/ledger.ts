/**
 * The voters' budgets during one run of the Method of Equal Shares. Two implementations share the round logic:
 * a float ledger (fast, refuses to decide a close comparison) and an exact ledger over bigint rationals.
 */
export type Ledger<Price> = {
  /**
   * Lowest price per unit of satisfaction at which the supporters can fund the project; undefined if they cannot.
   * `atLeast`, when given, is a price the project is proven to cost at least (a ledger may use it to price faster).
   */
  price(project: number, atLeast?: Price): Price | undefined;
  /** Each supporter pays min(budget, price × satisfaction). */
  charge(project: number, price: Price): void;
  /** A decision: the float ledger throws `CloseCall` rather than answer when rounding could flip it. */
  compare(a: Price, b: Price): number;
  /** True only when a > b beyond any rounding doubt (used to skip work, never to decide). */
  clearlyAbove(a: Price, b: Price): boolean;
  toNumber(price: Price): number;
  /**
   * A starting budget per voter below which every decision taken so far provably comes out the same, so this run's
   * outcome is also the outcome of every starting budget from this run's up to it; -Infinity when unknown.
   */
  stableUntil(): number;
};

/** Thrown by the float ledger when a decision is too close to call in floating point. */
export class CloseCall extends Error {
  constructor() {
    super("comparison too close for floating point");
    this.name = "CloseCall";
  }
}

/** What both ledgers need: distinct ballots, and per project its supporters and their satisfaction. */
export type LedgerSetup = {
  readonly counts: Float64Array;
  readonly costs: readonly number[];
  readonly supporters: readonly Int32Array[];
  /** Per project, each supporter's count (`counts` of `supporters`, in their order). */
  readonly supporterCounts: readonly Float64Array[];
  readonly satisfaction: readonly Float64Array[];
  /** Per project, Σ count × satisfaction over its supporters. */
  readonly satisfactionTotals: readonly number[];
  /** Per project, the number of voters supporting it. */
  readonly voters: readonly number[];
  /** Per project, the satisfaction all its supporters share (approval ballots), or 0 when it varies. */
  readonly flatSatisfaction: Float64Array;
  /** Per project, its supporters' largest satisfaction. */
  readonly largestSatisfaction: Float64Array;
};

/** Every voter's starting budget, an exact fraction. */
export type StartingBudget = { readonly num: bigint; readonly den: bigint };
