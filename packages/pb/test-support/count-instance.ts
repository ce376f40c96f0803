import type { Ballot, Election } from "../src/election/election.ts";
import { knapsackChoice, zipfPick } from "./popularity.ts";
import { random } from "./random-election.ts";

/**
 * The size of the app's count bench (`npm run bench:budgeting`): `plans` plans of EUR 10,000–400,000 and `ballots`
 * knapsack ballots of 1–8 plans within a EUR 5,000,000 budget, popularity falling off like Zipf's law. Deterministic,
 * so that a pb-level bench row times the same work every time without a database.
 */
export function countInstance(plans = 1_000, ballots = 100_000, seed = 11): Election {
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const budget = 5_000_000;
  const costs = Array.from({ length: plans }, () => int(10, 400) * 1000);
  const popular = zipfPick(next, plans);
  const merged = new Map<string, { projects: number[]; count: number }>();
  for (let v = 0; v < ballots; v++) {
    const projects = knapsackChoice(budget, int(1, 8), popular, (plan) => costs[plan]!).sort((a, b) => a - b);
    const key = projects.join(",");
    const found = merged.get(key);
    if (found) found.count++;
    else merged.set(key, { projects, count: 1 });
  }
  return {
    meta: { currency: "EUR", vote_type: "approval" },
    voteType: "approval",
    budget,
    moneyScale: 1,
    projects: costs.map((cost, i) => ({ id: String(i + 1), cost, fields: { name: `Plan ${i + 1}` } })),
    ballots: [...merged.values()] as Ballot[],
    voterCount: ballots,
    projectColumns: ["project_id", "cost", "name"],
    voteColumns: ["voter_id", "vote"],
  };
}
