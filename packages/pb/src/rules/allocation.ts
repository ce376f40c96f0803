import type { Election } from "../election/election.ts";
import { totalCost } from "../election/election.ts";

/** What every rule returns: the selected projects in selection order, and optionally why (`trace: true`). */
export type Allocation<Trace = unknown> = {
  /** Project ids, in the order the rule selected them. */
  readonly selected: readonly string[];
  /** Total cost of the selection, in units of 1/moneyScale (integer). */
  readonly cost: number;
  /** Exact amounts in the election's currency, to be read without the election; `explain` turns it into sentences. */
  readonly trace?: Trace;
};

export function allocation<Trace>(election: Election, selected: readonly number[], trace?: Trace): Allocation<Trace> {
  return {
    selected: selected.map((p) => election.projects[p]!.id),
    cost: totalCost(election, selected),
    ...(trace ? { trace } : {}),
  };
}
