import type { Election } from "../election/election.ts";
import * as Q from "../election/rational.ts";
import { supportTable } from "../election/satisfaction.ts";
import { type Allocation, allocation } from "./allocation.ts";
import { lexicographic, type TieBreak } from "./tie-break.ts";

export type PhragmenOptions = { readonly tieBreak?: TieBreak; readonly trace?: boolean };

export type PhragmenRound = {
  readonly project: string;
  /** The load every supporter carries after buying the project. */
  readonly load: number;
};

/** Doubles agree with the exact loads to far better than this; closer calls are settled exactly. */
const CLOSE = 1e-9;

/**
 * Sequential Phragmén: voters earn money continuously; the first project whose supporters can pay for it is bought
 * and their loads are equalised. Stops at the first winner that no longer fits the budget, as in the reference.
 * Every voter's load equals the load set in the last round that bought one of their projects, so the exact state is
 * one rational per round; floats pick the winner and exact sums settle any close call.
 */
export function phragmen(election: Election, options: PhragmenOptions = {}): Allocation<PhragmenRound> {
  const { supporters, voters: scores } = supportTable(election, "cardinality");
  const counts = election.ballots.map((b) => b.count);
  const tieOrder = (options.tieBreak ?? lexicographic).order(election);
  const remaining = new Set(
    election.projects.map((_, p) => p).filter((p) => election.projects[p]!.cost <= election.budget),
  );
  const lastRound = new Int32Array(election.ballots.length).fill(-1);
  const exactLoads: Q.Rational[] = [];
  const floatLoads: number[] = [];
  const selected: number[] = [];
  const trace: PhragmenRound[] = [];
  let spent = 0;

  const floatLoad = (p: number) => {
    if (scores[p] === 0) return Number.POSITIVE_INFINITY;
    let sum = 0;
    for (const b of supporters[p]!) if (lastRound[b]! >= 0) sum += counts[b]! * floatLoads[lastRound[b]!]!;
    return (sum + election.projects[p]!.cost) / scores[p]!;
  };
  const exactLoad = (p: number) => {
    const perRound = new Float64Array(exactLoads.length);
    for (const b of supporters[p]!) if (lastRound[b]! >= 0) perRound[lastRound[b]!]! += counts[b]!;
    let sum = Q.fromInteger(election.projects[p]!.cost);
    perRound.forEach((voters, round) => {
      if (voters > 0) sum = Q.add(sum, Q.mul(Q.fromInteger(voters), exactLoads[round]!));
    });
    return Q.div(sum, Q.fromInteger(scores[p]!));
  };

  while (remaining.size > 0) {
    const loads = [...remaining].map((p) => ({ p, load: floatLoad(p) }));
    const lowest = Math.min(...loads.map((l) => l.load));
    let tied = loads.filter((l) => l.load === lowest || Math.abs(l.load - lowest) <= CLOSE * lowest).map((l) => l.p);
    if (tied.length > 1 && Number.isFinite(lowest)) {
      const exact = tied.map((p) => ({ p, load: exactLoad(p) }));
      const least = exact.reduce((a, b) => (Q.compare(b.load, a.load) < 0 ? b : a)).load;
      tied = exact.filter((e) => Q.compare(e.load, least) === 0).map((e) => e.p);
    }
    if (tied.some((p) => spent + election.projects[p]!.cost > election.budget)) break;
    const winner = tied.reduce((a, b) => (tieOrder(b, a) < 0 ? b : a));
    const load = scores[winner] === 0 ? undefined : exactLoad(winner);
    if (load) {
      exactLoads.push(load);
      floatLoads.push(Q.toNumber(load));
      for (const b of supporters[winner]!) lastRound[b] = exactLoads.length - 1;
    }
    remaining.delete(winner);
    selected.push(winner);
    spent += election.projects[winner]!.cost;
    if (options.trace) trace.push({ project: election.projects[winner]!.id, load: load ? Q.toNumber(load) : 0 });
  }
  return allocation(election, selected, options.trace ? trace : undefined);
}
