import type { Election } from "../election/election.ts";
import { projectIndex } from "../election/election.ts";

function costOfIds(election: Election, ids: readonly string[]): number {
  const index = projectIndex(election);
  return ids.reduce((sum, id) => sum + election.projects[index.get(id)!]!.cost, 0);
}

/** The selection costs no more than the budget. */
export function isFeasible(election: Election, selected: readonly string[]): boolean {
  return costOfIds(election, selected) <= election.budget;
}

/** No project left out would still fit in the budget. */
export function isExhaustive(election: Election, selected: readonly string[]): boolean {
  const left = election.budget - costOfIds(election, selected);
  const chosen = new Set(selected);
  return election.projects.every((p) => chosen.has(p.id) || p.cost > left);
}
