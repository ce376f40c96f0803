import type { Election } from "../election/election.ts";
import { totalCost } from "../election/election.ts";

/** What every rule returns: the selected projects in selection order, and optionally why, round by round. */
export type Allocation<Round = unknown> = {
  /** Project ids, in the order the rule selected them. */
  readonly selected: readonly string[];
  /** Total cost of the selection, in units of 1/moneyScale (integer). */
  readonly cost: number;
  readonly trace?: readonly Round[];
};

export function allocation<Round>(
  election: Election,
  selected: readonly number[],
  trace?: readonly Round[],
): Allocation<Round> {
  return {
    selected: selected.map((p) => election.projects[p]!.id),
    cost: totalCost(election, selected),
    ...(trace ? { trace } : {}),
  };
}
