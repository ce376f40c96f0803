/** The five ballot formats of the Pabulib standard. */
export type VoteType = "approval" | "choose-1" | "ordinal" | "cumulative" | "scoring";

export const VOTE_TYPES: readonly VoteType[] = ["approval", "choose-1", "ordinal", "cumulative", "scoring"];

export type Project = {
  readonly id: string;
  /** Integer, in units of 1/`moneyScale` of the currency, so that sums and comparisons are exact. */
  readonly cost: number;
  /** Every other column of the PROJECTS section (name, category, votes, …), as written in the file. */
  readonly fields: Readonly<Record<string, string>>;
};

/**
 * One distinct ballot with the number of voters who cast it. Identical ballots are merged when an election is
 * built, so rules work on distinct ballots only.
 */
export type Ballot = {
  /** Indices into `Election.projects`: ranked order for ordinal ballots, ascending otherwise. */
  readonly projects: readonly number[];
  /** Points given to `projects[i]` (cumulative and scoring ballots only). */
  readonly points?: readonly number[];
  readonly count: number;
};

/** A single voter row, kept only when asked for (to write the file back with its voter ids and columns). */
export type Voter = {
  readonly id: string;
  readonly ballot: number;
  readonly fields: Readonly<Record<string, string>>;
};

export type Election = {
  /** META section, in file order. */
  readonly meta: Readonly<Record<string, string>>;
  readonly voteType: VoteType;
  /** Integer, in the same units as project costs. */
  readonly budget: number;
  /**
   * Costs and budget are integers in units of 1/moneyScale: 1 unless the file has decimal amounts (then 10^decimals),
   * below 1 only when lenient reading had to count in tens or more to stay exact.
   */
  readonly moneyScale: number;
  readonly projects: readonly Project[];
  readonly ballots: readonly Ballot[];
  /** Number of voters, that is, the sum of the ballot counts. */
  readonly voterCount: number;
  readonly projectColumns: readonly string[];
  readonly voteColumns: readonly string[];
  readonly voters?: readonly Voter[];
};

export function totalCost(election: Election, selected: Iterable<number>): number {
  let sum = 0;
  for (const p of selected) sum += election.projects[p]!.cost;
  return sum;
}

/** Amount in currency units (for display and JSON output). */
export function toCurrency(election: Election, amount: number): number {
  const scale = election.moneyScale;
  return scale >= 1 ? amount / scale : amount * Math.round(1 / scale);
}

export function projectIndex(election: Election): ReadonlyMap<string, number> {
  return new Map(election.projects.map((p, i) => [p.id, i]));
}
