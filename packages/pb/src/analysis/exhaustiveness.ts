import type { Election } from "../election/election.ts";
import { projectIndex, totalCost } from "../election/election.ts";

/** No project of `available` (project indices) left out of `selected` would still fit in the budget. */
export function exhaustiveAmong(election: Election, selected: readonly number[], available: Iterable<number>): boolean {
  const left = election.budget - totalCost(election, selected);
  const chosen = new Set(selected);
  for (const p of available) if (!chosen.has(p) && election.projects[p]!.cost <= left) return false;
  return true;
}

function indices(election: Election, ids: readonly string[]): number[] {
  const index = projectIndex(election);
  return ids.map((id) => index.get(id)!);
}

/** The selection (project ids) costs no more than the budget. */
export function isFeasible(election: Election, selected: readonly string[]): boolean {
  return totalCost(election, indices(election, selected)) <= election.budget;
}

/** No project left out of the selection (project ids) would still fit in the budget. */
export function isExhaustive(election: Election, selected: readonly string[]): boolean {
  return exhaustiveAmong(election, indices(election, selected), election.projects.keys());
}
