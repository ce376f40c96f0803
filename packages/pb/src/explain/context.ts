import type { Election } from "../election/election.ts";
import { type Amount, toAmount } from "./amount.ts";

/** What a trace says about a project, so that it can be read (and stored) without the election. */
export type TracedProject = {
  /** The `name` (or `title`) column of the file; empty when the file has none. */
  readonly name: string;
  readonly cost: Amount;
  /** Voters whose ballot mentions the project. */
  readonly supporters: number;
};

/** The part every trace shares: the money, the voters and the projects, by id. */
export type TraceContext = {
  /** META `currency` ("EUR", "PLN"), empty when the file has none. */
  readonly currency: string;
  readonly budget: Amount;
  readonly voters: number;
  readonly projects: Readonly<Record<string, TracedProject>>;
};

export function supportersPerProject(election: Election): Float64Array {
  const supporters = new Float64Array(election.projects.length);
  for (const ballot of election.ballots) for (const p of ballot.projects) supporters[p]! += ballot.count;
  return supporters;
}

export function traceContext(election: Election): TraceContext {
  const supporters = supportersPerProject(election);
  const projects: Record<string, TracedProject> = {};
  election.projects.forEach((project, p) => {
    projects[project.id] = {
      name: project.fields.name ?? project.fields.title ?? "",
      cost: toAmount(election, project.cost),
      supporters: supporters[p]!,
    };
  });
  return {
    currency: election.meta.currency?.trim() ?? "",
    budget: toAmount(election, election.budget),
    voters: election.voterCount,
    projects,
  };
}
