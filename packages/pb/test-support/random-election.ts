import type { Ballot, Election, VoteType } from "../src/election/election.ts";

/** Small deterministic PRNG (mulberry32), so every property test run sees the same elections. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A small election with few distinct costs and few voters, so that ties (equal prices, equal scores) are frequent and
 * the exact tie handling is exercised.
 */
export function randomElection(seed: number, voteType: VoteType = "approval"): Election {
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const projectCount = int(2, 8);
  const projects = Array.from({ length: projectCount }, (_, i) => ({
    id: String(i + 1),
    cost: int(1, 4) * 10,
    fields: {},
  }));
  const ballots: Ballot[] = Array.from({ length: int(1, 12) }, () => {
    const chosen = projects.map((_, p) => p).filter(() => next() < 0.4);
    if (voteType === "ordinal") chosen.sort(() => next() - 0.5);
    const points = voteType === "cumulative" ? chosen.map(() => int(0, 3)) : undefined;
    return { projects: chosen, ...(points ? { points } : {}), count: int(1, 3) };
  });
  const total = projects.reduce((sum, p) => sum + p.cost, 0);
  return {
    meta: {},
    voteType,
    budget: int(10, total),
    moneyScale: 1,
    projects,
    ballots,
    voterCount: ballots.reduce((sum, b) => sum + b.count, 0),
    projectColumns: ["project_id", "cost"],
    voteColumns: ["voter_id", "vote"],
  };
}
