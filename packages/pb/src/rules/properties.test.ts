import { describe, expect, it } from "vitest";
import { randomElection } from "../../test-support/random-election.ts";
import { isExhaustive, isFeasible } from "../analysis/exhaustiveness.ts";
import type { Election } from "../election/election.ts";
import type { Allocation } from "./allocation.ts";
import { type Completion, equalShares } from "./equal-shares/equal-shares.ts";
import { greedy, greedyNoSkip } from "./greedy.ts";
import { phragmen } from "./phragmen.ts";
import { mostSupportersThenLowestCost } from "./tie-break.ts";

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
const COMPLETIONS: Completion[] = ["none", "add1", "add1-full", "add1-greedy"];

function allRules(election: Election): [string, Allocation][] {
  const outcomes: [string, Allocation][] = [
    ["greedy", greedy(election)],
    ["greedy cardinality", greedy(election, { satisfaction: "cardinality" })],
    ["greedy most supporters", greedy(election, { tieBreak: mostSupportersThenLowestCost })],
    ["greedy-no-skip", greedyNoSkip(election)],
    ["phragmen", phragmen(election)],
  ];
  for (const completion of COMPLETIONS) {
    for (const satisfaction of ["cost", "cardinality"] as const) {
      outcomes.push([
        `equal shares ${satisfaction} ${completion}`,
        equalShares(election, { satisfaction, completion }),
      ]);
    }
  }
  return outcomes;
}

describe("properties on random elections", () => {
  it("no rule ever spends more than the budget", () => {
    for (const seed of SEEDS) {
      const election = randomElection(seed);
      for (const [rule, outcome] of allRules(election)) {
        expect(isFeasible(election, outcome.selected), `${rule}, seed ${seed}`).toBe(true);
        expect(outcome.cost).toBeLessThanOrEqual(election.budget);
      }
    }
  });

  it("greedy and equal shares completed by add1-greedy are exhaustive", () => {
    for (const seed of SEEDS) {
      for (const voteType of ["approval", "cumulative", "ordinal"] as const) {
        const election = randomElection(seed, voteType);
        expect(isExhaustive(election, greedy(election).selected), `greedy, seed ${seed}`).toBe(true);
        const completed = equalShares(election, { completion: "add1-greedy" });
        expect(isExhaustive(election, completed.selected), `add1-greedy, seed ${seed}`).toBe(true);
      }
    }
  });

  it("decimal points give the outcome of the same points scaled to integers", () => {
    for (const seed of SEEDS) {
      const election = randomElection(seed, "cumulative");
      const scaled = (factor: number): Election => ({
        ...election,
        ballots: election.ballots.map((b) => ({ ...b, points: b.points!.map((p) => (p * factor) / 10) })),
      });
      for (const rule of [
        (e: Election) => greedy(e, { satisfaction: "points" }),
        (e: Election) => equalShares(e, { satisfaction: "points" }),
      ]) {
        expect(rule(scaled(5)).selected, `seed ${seed}`).toEqual(rule(scaled(10)).selected);
      }
    }
  });

  it("adding a supporter to a project greedy funds never makes it lose", () => {
    for (const seed of SEEDS) {
      const election = randomElection(seed);
      for (const winner of greedy(election).selected) {
        const project = election.projects.findIndex((p) => p.id === winner);
        const supported: Election = {
          ...election,
          ballots: [...election.ballots, { projects: [project], count: 1 }],
          voterCount: election.voterCount + 1,
        };
        expect(greedy(supported).selected, `seed ${seed}, project ${winner}`).toContain(winner);
      }
    }
  });
});
