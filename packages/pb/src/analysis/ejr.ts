import type { Election } from "../election/election.ts";
import { projectIndex } from "../election/election.ts";

/**
 * The outcome of checking EJR up to one project (Peters, Pierczyński and Skowron 2021, the property that makes
 * the Method of Equal Shares proportional) for approval ballots.
 */
export type EjrCheck =
  | { readonly result: "satisfied"; readonly groupsChecked: number }
  | {
      readonly result: "violated";
      readonly groupsChecked: number;
      /**
       * A cohesive group left short: `voters` voters all approve every project of `projects`, are enough to pay for
       * them with their share of the budget (`required` voters would be), and each of them gets less from the
       * outcome than from those projects, even after adding any one of them.
       */
      readonly violation: { readonly projects: readonly string[]; readonly voters: number; readonly required: number };
    }
  | { readonly result: "undecided"; readonly groupsChecked: number; readonly reason: "search-limit" };

export type EjrOptions = {
  /** Utility of an approved project: its cost (default) or 1. */
  readonly satisfaction?: "cost" | "cardinality";
  /** Sets of projects to examine at most before answering `undecided`. Default 200,000. */
  readonly limit?: number;
};

/**
 * Checks EJR up to one project. A group S of voters is T-cohesive for a set of projects T when every voter in S
 * approves every project in T and |S| ≥ cost(T) · n / budget: S's share of the budget pays for T. The outcome W
 * satisfies EJR up to one when every cohesive group has a voter i with u_i(W) ≥ u_i(T), or u_i(W ∪ {a}) > u_i(T)
 * for some project a in T.
 *
 * The sets T are searched depth first. Adding a project raises cost(T) and shrinks the voters approving all of T,
 * so a set whose approvers cannot pay for it has no cohesive superset and ends its branch; in real elections this
 * leaves few sets. The search stops at `limit` sets with `undecided`.
 */
export function checkEjrUpToOne(
  election: Election,
  selectedIds: readonly string[],
  options: EjrOptions = {},
): EjrCheck {
  if (election.voteType !== "approval" && election.voteType !== "choose-1") {
    throw new RangeError(`EJR up to one is checked for approval ballots, not ${election.voteType}`);
  }
  const cardinality = options.satisfaction === "cardinality";
  const limit = options.limit ?? 200_000;
  const index = projectIndex(election);
  const chosen = new Uint8Array(election.projects.length);
  for (const id of selectedIds) chosen[index.get(id)!] = 1;
  const cost = (p: number) => election.projects[p]!.cost;
  const utility = (p: number) => (cardinality ? 1 : cost(p));
  const n = BigInt(election.voterCount);
  const budget = BigInt(election.budget);
  const approves = election.projects.map(() => new Uint8Array(election.ballots.length));
  const gained = election.ballots.map((ballot, b) => {
    let sum = 0;
    for (const p of ballot.projects) {
      approves[p]![b] = 1;
      if (chosen[p]) sum += utility(p);
    }
    return sum;
  });
  /** Enough voters to pay for a set of projects costing `total` with their share of the budget. */
  const enough = (voters: number, total: number) => BigInt(voters) * budget >= BigInt(total) * n;
  const required = (total: number) => Math.ceil((total * election.voterCount) / election.budget);

  let checked = 0;
  let violation: Extract<EjrCheck, { result: "violated" }>["violation"] | undefined;
  const set: number[] = [];

  /** `ballots`: the distinct ballots approving every project in `set`; `voters`: how many voters cast them. */
  function search(from: number, ballots: number[], total: number, worth: number, dearestOut: number): boolean {
    for (let p = from; p < election.projects.length; p++) {
      if (checked >= limit) return false;
      const inside = ballots.filter((b) => approves[p]![b]);
      let voters = 0;
      for (const b of inside) voters += election.ballots[b]!.count;
      const nextTotal = total + cost(p);
      if (!enough(voters, nextTotal)) continue;
      checked++;
      set.push(p);
      const nextWorth = worth + utility(p);
      const nextDearest = chosen[p] ? dearestOut : Math.max(dearestOut, utility(p));
      if (nextDearest >= 0) {
        // Short even up to one project: u(W) < u(T) and u(W) + u(a) ≤ u(T) for every a in T outside W.
        let short = 0;
        for (const b of inside) {
          if (gained[b]! < nextWorth && gained[b]! + nextDearest <= nextWorth) short += election.ballots[b]!.count;
        }
        if (enough(short, nextTotal)) {
          violation = {
            projects: set.map((q) => election.projects[q]!.id),
            voters: short,
            required: required(nextTotal),
          };
          return true;
        }
      }
      if (search(p + 1, inside, nextTotal, nextWorth, nextDearest)) return true;
      set.pop();
    }
    return false;
  }

  const all = election.ballots.map((_, b) => b);
  if (search(0, all, 0, 0, -1)) return { result: "violated", groupsChecked: checked, violation: violation! };
  if (checked >= limit) return { result: "undecided", groupsChecked: checked, reason: "search-limit" };
  return { result: "satisfied", groupsChecked: checked };
}
