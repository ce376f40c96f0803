import type { Election } from "./election.ts";

/**
 * How much a voter enjoys a project, as in pabutools: `cost` (the project's cost if the ballot mentions it),
 * `cardinality` (1 if mentioned), `points` (the points given, cumulative and scoring ballots) and `borda`
 * (ordinal ballots: ballot length minus position minus 1, so a voter's last choice scores 0).
 * Non-approval ballots count as approval of every project they mention for `cost` and `cardinality`.
 */
export type Satisfaction = "cost" | "cardinality" | "points" | "borda";

/** Per project, the distinct ballots with a positive satisfaction and that satisfaction. */
export type SupportTable = {
  readonly supporters: readonly Int32Array[];
  readonly satisfaction: readonly Float64Array[];
  /** Sum over ballots of count × satisfaction. */
  readonly totals: readonly number[];
  /** Number of voters with a positive satisfaction. */
  readonly voters: readonly number[];
};

export class SatisfactionError extends Error {
  constructor(satisfaction: Satisfaction, voteType: string) {
    super(
      `${satisfaction} satisfaction needs ${satisfaction === "borda" ? "ordinal" : "cumulative or scoring"} ballots, not ${voteType}`,
    );
    this.name = "SatisfactionError";
  }
}

/**
 * Points with decimals ("0.5") are scaled to integers, so that exact arithmetic can use them; scaling every voter's
 * satisfaction by the same factor changes no outcome.
 */
function pointsScale(election: Election): number {
  let decimals = 0;
  for (const ballot of election.ballots) {
    for (const points of ballot.points ?? []) {
      if (!Number.isInteger(points)) decimals = Math.max(decimals, String(points).split(".")[1]?.length ?? 0);
    }
  }
  return 10 ** decimals;
}

function satisfactionOf(election: Election, satisfaction: Satisfaction) {
  switch (satisfaction) {
    case "cost":
      return (project: number) => election.projects[project]!.cost;
    case "cardinality":
      return () => 1;
    case "points":
      if (election.voteType !== "cumulative" && election.voteType !== "scoring") {
        throw new SatisfactionError(satisfaction, election.voteType);
      }
      {
        const scale = pointsScale(election);
        return (_project: number, position: number, points?: readonly number[]) =>
          Math.round(points![position]! * scale);
      }
    case "borda":
      if (election.voteType !== "ordinal") throw new SatisfactionError(satisfaction, election.voteType);
      return (_project: number, position: number, _points?: readonly number[], length = 0) => length - position - 1;
  }
}

/** Calls `visit` for every (distinct ballot, project) pair with a positive satisfaction. */
function forEachSupport(
  election: Election,
  satisfaction: Satisfaction,
  visit: (ballot: number, project: number, sat: number) => void,
): void {
  const value = satisfactionOf(election, satisfaction);
  const { ballots } = election;
  for (let b = 0; b < ballots.length; b++) {
    const { projects, points } = ballots[b]!;
    for (let position = 0; position < projects.length; position++) {
      const sat = value(projects[position]!, position, points, projects.length);
      if (sat > 0) visit(b, projects[position]!, sat);
    }
  }
}

/** Per project, Σ count × satisfaction over the ballots: all a greedy rule needs. */
export function totalSatisfaction(election: Election, satisfaction: Satisfaction): number[] {
  const totals = new Array<number>(election.projects.length).fill(0);
  forEachSupport(election, satisfaction, (ballot, project, sat) => {
    totals[project]! += election.ballots[ballot]!.count * sat;
  });
  return totals;
}

export function supportTable(election: Election, satisfaction: Satisfaction): SupportTable {
  const sizes = new Int32Array(election.projects.length);
  forEachSupport(election, satisfaction, (_ballot, project) => sizes[project]!++);
  const supporters = Array.from(sizes, (size) => new Int32Array(size));
  const sats = Array.from(sizes, (size) => new Float64Array(size));
  const totals = new Array<number>(election.projects.length).fill(0);
  const voters = new Array<number>(election.projects.length).fill(0);
  const filled = new Int32Array(election.projects.length);
  forEachSupport(election, satisfaction, (ballot, project, sat) => {
    const k = filled[project]!++;
    supporters[project]![k] = ballot;
    sats[project]![k] = sat;
    totals[project]! += election.ballots[ballot]!.count * sat;
    voters[project]! += election.ballots[ballot]!.count;
  });
  return { supporters, satisfaction: sats, totals, voters };
}
