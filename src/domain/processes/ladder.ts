import { definePhases } from "../shared/index.ts";
import { type LadderLevel, ladderLevels, type MomentMethod, processStages } from "./lists.ts";

export {
  type Decider,
  deciders,
  type FeedbackOutcome,
  feedbackOutcomes,
  type LadderLevel,
  ladderLevels,
  type MomentMethod,
  momentMethods,
  type ProcessStage,
  processStages,
} from "./lists.ts";

/** Higher is more influence: informeren 0 … meebeslissen 4. */
export const levelRank = (level: LadderLevel) => ladderLevels.indexOf(level);

/** The methods that are another instrument: a burgerbegroting round, a council's advice, an initiatives-fund round. */
export const instrumentMethods = [
  "pb-round",
  "council-advice",
  "fund-round",
] as const satisfies readonly MomentMethod[];

/**
 * A published process moves through its stages on the shared dated-phase machine: the queue enters each stage at
 * its start date, and `closed` the day after the last stage ends. Stages a process does not use get the start of
 * the next one it does, so the queue passes through them at once.
 */
export const processPhases = definePhases({
  kind: "process",
  phases: [...processStages, "closed"] as const,
});
export type ProcessTrackPhase = (typeof processPhases.phases)[number];
