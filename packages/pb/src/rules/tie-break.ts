import type { Election } from "../election/election.ts";

/**
 * A tie-breaking rule is a value: given the election, it yields a total order on project indices; among tied
 * projects the rule picks the first. Never the accident of iteration order.
 */
export type TieBreak = {
  readonly name: string;
  readonly order: (election: Election) => (a: number, b: number) => number;
};

function compareIds(election: Election, a: number, b: number): number {
  const x = election.projects[a]!.id;
  const y = election.projects[b]!.id;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The reference's default: lexicographic order of the project id as a string. */
export const lexicographic: TieBreak = {
  name: "lexicographic",
  order: (election) => (a, b) => compareIds(election, a, b),
};

/** Most supporters (voters mentioning the project) first, then lowest cost, then lexicographic. */
export const mostSupportersThenLowestCost: TieBreak = {
  name: "most-supporters-then-lowest-cost",
  order: (election) => {
    const supporters = new Float64Array(election.projects.length);
    for (const ballot of election.ballots) for (const p of ballot.projects) supporters[p]! += ballot.count;
    return (a, b) =>
      supporters[b]! - supporters[a]! ||
      election.projects[a]!.cost - election.projects[b]!.cost ||
      compareIds(election, a, b);
  },
};
