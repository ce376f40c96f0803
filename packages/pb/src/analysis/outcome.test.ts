import { describe, expect, it } from "vitest";
import type { Election } from "../election/election.ts";
import { equalShares } from "../rules/equal-shares/equal-shares.ts";
import { greedy } from "../rules/greedy.ts";
import { checkEjrUpToOne } from "./ejr.ts";
import { analyseOutcome, compareRules } from "./outcome.ts";

/** Two voters want a, b and c; a third wants only d. Greedy spends everything on the majority. */
const election: Election = {
  meta: { currency: "EUR" },
  voteType: "approval",
  budget: 3,
  moneyScale: 1,
  projects: ["a", "b", "c", "d"].map((id) => ({ id, cost: 1, fields: { name: id.toUpperCase() } })),
  ballots: [
    { projects: [0, 1, 2], count: 2 },
    { projects: [3], count: 1 },
  ],
  voterCount: 3,
  projectColumns: ["project_id", "cost", "name"],
  voteColumns: ["voter_id", "vote"],
};

describe("EJR up to one project", () => {
  it("finds the cohesive group an outcome leaves short, and passes equal shares", () => {
    expect(greedy(election).selected).toEqual(["a", "b", "c"]);
    expect(checkEjrUpToOne(election, ["a", "b", "c"])).toMatchObject({
      result: "violated",
      violation: { projects: ["d"], voters: 1, required: 1 },
    });
    const fair = equalShares(election).selected;
    expect(fair).toEqual(["a", "b", "d"]);
    expect(checkEjrUpToOne(election, fair)).toMatchObject({ result: "satisfied" });
    expect(checkEjrUpToOne(election, fair, { satisfaction: "cardinality" })).toMatchObject({ result: "satisfied" });
  });

  it("forgives one project: a group given less than it is owed, but not by a whole project, is not short", () => {
    // Three voters want a (1) and e (3); one voter wants d (1); budget 4. The three are owed e (3/4 of the budget);
    // given only a, they get 1 < 3, but 1 + 3 > 3: EJR is missed, EJR up to one project holds.
    const owed: Election = {
      ...election,
      budget: 4,
      projects: [
        { id: "a", cost: 1, fields: {} },
        { id: "d", cost: 1, fields: {} },
        { id: "e", cost: 3, fields: {} },
      ],
      ballots: [
        { projects: [0, 2], count: 3 },
        { projects: [1], count: 1 },
      ],
      voterCount: 4,
    };
    expect(checkEjrUpToOne(owed, ["a", "d"])).toMatchObject({ result: "satisfied" });
    expect(checkEjrUpToOne(owed, ["d"])).toMatchObject({
      result: "violated",
      violation: { projects: ["a"], voters: 3, required: 1 },
    });
  });

  it("answers undecided rather than search without end, and refuses ballots that are not approval", () => {
    expect(checkEjrUpToOne(election, ["a", "b", "d"], { limit: 1 })).toMatchObject({ result: "undecided" });
    expect(() => checkEjrUpToOne({ ...election, voteType: "ordinal" }, [])).toThrow(/approval/);
  });
});

describe("analyseOutcome and compareRules", () => {
  it("gives the share of voters served, and each project's supporters and cost share", () => {
    const analysis = analyseOutcome(election, ["a", "b", "c"]);
    expect(analysis).toMatchObject({ cost: "3", budgetShare: 1, votersWithSelected: 2 });
    expect(analysis.votersWithSelectedShare).toBeCloseTo(2 / 3);
    expect(analysis.projects[3]).toMatchObject({ project: "d", name: "D", cost: "1", supporters: 1, selected: false });
    expect(analysis.projects[3]!.costShare).toBeCloseTo(1 / 3);
    expect(analysis.projects[0]!.supporterShare).toBeCloseTo(2 / 3);
  });

  it("puts the same election under two rules side by side", () => {
    const [mes, most] = compareRules(election, [{ rule: "equal-shares" }, { rule: "greedy" }]);
    expect(mes).toMatchObject({
      label: "equal shares (cost)",
      analysis: { selected: ["a", "b", "d"], votersWithSelected: 3, ejrUpToOne: { result: "satisfied" } },
    });
    expect(most).toMatchObject({
      label: "greedy (cost)",
      analysis: { selected: ["a", "b", "c"], votersWithSelected: 2, ejrUpToOne: { result: "violated" } },
    });
  });
});
