import type { Election } from "../election/election.ts";
import * as Q from "../election/rational.ts";
import { supportTable } from "../election/satisfaction.ts";
import { type Amount, toAmount } from "../explain/amount.ts";
import { type TraceContext, traceContext } from "../explain/context.ts";
import { type Allocation, allocation } from "./allocation.ts";
import { lexicographic, type TieBreak } from "./tie-break.ts";

export type PhragmenOptions = { readonly tieBreak?: TieBreak; readonly trace?: boolean };

export type PhragmenRound = {
  readonly project: string;
  /**
   * The load every supporter of the project carries after buying it: the money each of them has spent in all, in
   * the election's currency (exact). Absent for a project nobody supports, bought at the end because it fit.
   */
  readonly load?: Amount;
};

/** Why a project was not bought. */
export type PhragmenLoser = {
  readonly project: string;
  /**
   * `too-expensive`: it costs more than the whole budget; `did-not-fit`: it was next (lowest load) but no longer fit
   * in what was left, and the rule stops there; `not-reached`: the rule stopped before its turn.
   */
  readonly reason: "too-expensive" | "did-not-fit" | "not-reached";
  /** The load its supporters would carry if it were bought next, where the rule stopped (none without supporters). */
  readonly load?: Amount;
  /** Budget left where the rule stopped. */
  readonly remaining: Amount;
  /** The project whose turn came before it (the one that did not fit, or the last one bought), with its load. */
  readonly lostTo?: { readonly project: string; readonly load?: Amount };
};

export type PhragmenTrace = TraceContext & {
  readonly rule: "phragmen";
  readonly rounds: readonly PhragmenRound[];
  readonly losers: readonly PhragmenLoser[];
};

/** Doubles agree with the exact loads to far better than this; closer calls are settled exactly. */
const CLOSE = 1e-9;

/**
 * Sequential Phragmén: voters earn money continuously; the first project whose supporters can pay for it is bought
 * and their loads are equalised. Stops at the first winner that no longer fits the budget, as in the reference.
 * Every voter's load equals the load set in the last round that bought one of their projects, so the exact state is
 * one rational per round; floats pick the winner and exact sums settle any close call.
 */
export function phragmen(election: Election, options: PhragmenOptions = {}): Allocation<PhragmenTrace> {
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

  let stopper: number | undefined;
  while (remaining.size > 0) {
    const loads = [...remaining].map((p) => ({ p, load: floatLoad(p) }));
    const lowest = Math.min(...loads.map((l) => l.load));
    let tied = loads.filter((l) => l.load === lowest || Math.abs(l.load - lowest) <= CLOSE * lowest).map((l) => l.p);
    if (tied.length > 1 && Number.isFinite(lowest)) {
      const exact = tied.map((p) => ({ p, load: exactLoad(p) }));
      const least = exact.reduce((a, b) => (Q.compare(b.load, a.load) < 0 ? b : a)).load;
      tied = exact.filter((e) => Q.compare(e.load, least) === 0).map((e) => e.p);
    }
    const tooDear = tied.filter((p) => spent + election.projects[p]!.cost > election.budget);
    if (tooDear.length > 0) {
      stopper = tooDear.reduce((a, b) => (tieOrder(b, a) < 0 ? b : a));
      break;
    }
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
    if (options.trace) {
      trace.push({ project: election.projects[winner]!.id, ...(load ? { load: toAmount(election, load) } : {}) });
    }
  }
  if (!options.trace) return allocation(election, selected);
  const left = toAmount(election, election.budget - spent);
  const loadOf = (p: number) => (scores[p] === 0 ? {} : { load: toAmount(election, exactLoad(p)) });
  const last = trace.at(-1);
  const stoppedBy = stopper === undefined ? undefined : { project: election.projects[stopper]!.id, ...loadOf(stopper) };
  const chosen = new Set(selected);
  const losers: PhragmenLoser[] = [];
  election.projects.forEach((project, p) => {
    if (chosen.has(p)) return;
    if (project.cost > election.budget) {
      losers.push({ project: project.id, reason: "too-expensive", remaining: left });
      return;
    }
    const lostTo = p === stopper ? last : stoppedBy;
    losers.push({
      project: project.id,
      reason: p === stopper ? "did-not-fit" : "not-reached",
      ...loadOf(p),
      remaining: left,
      ...(lostTo ? { lostTo } : {}),
    });
  });
  return allocation(election, selected, { rule: "phragmen", ...traceContext(election), rounds: trace, losers });
}
