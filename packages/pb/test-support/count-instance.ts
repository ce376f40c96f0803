import type { Ballot, Election } from "../src/election/election.ts";
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
  let total = 0;
  const cumulative = costs.map((_, i) => (total += 1 / (i + 10)));
  const popular = () => {
    const x = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const merged = new Map<string, { projects: number[]; count: number }>();
  for (let v = 0; v < ballots; v++) {
    const most = int(1, 8);
    const chosen = new Set<number>();
    let spent = 0;
    for (let tries = 0; chosen.size < most && tries < most * 4; tries++) {
      const plan = popular();
      if (chosen.has(plan) || spent + costs[plan]! > budget) continue;
      chosen.add(plan);
      spent += costs[plan]!;
    }
    const projects = [...chosen].sort((a, b) => a - b);
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
