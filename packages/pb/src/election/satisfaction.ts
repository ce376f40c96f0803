import type { Ballot, Election } from "./election.ts";

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
  /** Per project, each supporting ballot's count (beside `supporters`: read in order, not looked up per ballot). */
  readonly counts: readonly Float64Array[];
  readonly satisfaction: readonly Float64Array[];
  /** Sum over ballots of count × satisfaction. */
  readonly totals: readonly number[];
  /** Number of voters with a positive satisfaction. */
  readonly voters: readonly number[];
  /** The satisfaction every supporter of the project has, when they all have the same (else 0). */
  readonly flat: Float64Array;
  /** The largest satisfaction of any supporter of the project. */
  readonly largest: Float64Array;
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
  const projectCount = election.projects.length;
  const { ballots } = election;
  const value = satisfactionOf(election, satisfaction);
  // Cost and cardinality satisfaction depend on the project only: one value per project, no call per ballot entry.
  const perProject =
    satisfaction === "cost" || satisfaction === "cardinality"
      ? Float64Array.from(election.projects, (_, project) => value(project, 0, undefined, 0))
      : undefined;
  const sizes = new Int32Array(projectCount);
  const totals = new Float64Array(projectCount);
  const voters = new Float64Array(projectCount);
  // Each ballot's satisfactions, in entry order, so that the calls (points, Borda) are made once per entry.
  const entrySats = perProject ? undefined : ballotSatisfactions(ballots, value);
  for (let b = 0, e = 0; b < ballots.length; b++) {
    const { projects, count } = ballots[b]!;
    for (let position = 0; position < projects.length; position++, e++) {
      const project = projects[position]!;
      const sat = perProject ? perProject[project]! : entrySats![e]!;
      if (sat <= 0) continue;
      sizes[project]!++;
      totals[project]! += count * sat;
      voters[project]! += count;
    }
  }
  // One buffer each, cut into per-project views: a few hundred small typed arrays cost more to allocate than filling.
  const offsets = new Int32Array(projectCount + 1);
  for (let project = 0; project < projectCount; project++) offsets[project + 1] = offsets[project]! + sizes[project]!;
  const allSupporters = new Int32Array(offsets[projectCount]!);
  const allCounts = new Float64Array(allSupporters.length);
  const allSats = new Float64Array(allSupporters.length);
  const next = offsets.slice(0, projectCount);
  // Only the ballot index is scattered (and the satisfaction when it varies): every scattered write is a likely cache
  // miss, while the counts, and a satisfaction that is the project's own, are then filled in order.
  const ballotCounts = new Float64Array(ballots.length);
  for (let b = 0, e = 0; b < ballots.length; b++) {
    const { projects, count } = ballots[b]!;
    ballotCounts[b] = count;
    for (let position = 0; position < projects.length; position++, e++) {
      const project = projects[position]!;
      if (perProject) {
        if (perProject[project]! > 0) allSupporters[next[project]!++] = b;
        continue;
      }
      const sat = entrySats![e]!;
      if (sat <= 0) continue;
      const k = next[project]!++;
      allSupporters[k] = b;
      allSats[k] = sat;
    }
  }
  for (let k = 0; k < allSupporters.length; k++) allCounts[k] = ballotCounts[allSupporters[k]!]!;
  if (perProject) {
    for (let project = 0; project < projectCount; project++) {
      allSats.fill(perProject[project]!, offsets[project]!, offsets[project + 1]!);
    }
  }
  const supporters: Int32Array[] = [];
  const counts: Float64Array[] = [];
  const sats: Float64Array[] = [];
  for (let project = 0; project < projectCount; project++) {
    supporters.push(allSupporters.subarray(offsets[project]!, offsets[project + 1]!));
    counts.push(allCounts.subarray(offsets[project]!, offsets[project + 1]!));
    sats.push(allSats.subarray(offsets[project]!, offsets[project + 1]!));
  }
  const largest = perProject ?? Float64Array.from(sats, (own) => own.reduce((max, sat) => Math.max(max, sat), 0));
  const flat =
    perProject ?? Float64Array.from(sats, (own, p) => (own.every((sat) => sat === largest[p]) ? largest[p]! : 0));
  return { supporters, counts, satisfaction: sats, totals: [...totals], voters: [...voters], flat, largest };
}

/** Every ballot entry's satisfaction, ballot after ballot, in one buffer. */
function ballotSatisfactions(
  ballots: readonly Ballot[],
  value: (project: number, position: number, points?: readonly number[], length?: number) => number,
): Float64Array {
  let entries = 0;
  for (const ballot of ballots) entries += ballot.projects.length;
  const sats = new Float64Array(entries);
  for (let b = 0, e = 0; b < ballots.length; b++) {
    const { projects, points } = ballots[b]!;
    for (let position = 0; position < projects.length; position++, e++) {
      sats[e] = value(projects[position]!, position, points, projects.length);
    }
  }
  return sats;
}
