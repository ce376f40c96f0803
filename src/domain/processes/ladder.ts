import { schema } from "../../db/index.ts";
import { definePhases } from "../shared/index.ts";

export const ladderLevels = schema.ladderLevels;
export type LadderLevel = (typeof ladderLevels)[number];
export const processStages = schema.processStages;
export type ProcessStage = (typeof processStages)[number];
export type Decider = (typeof schema.deciders)[number];
export type MomentMethod = (typeof schema.momentMethods)[number];
export type FeedbackOutcome = (typeof schema.feedbackOutcomes)[number];

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

export const deciders = schema.deciders;
export const momentMethods = schema.momentMethods;
export const feedbackOutcomes = schema.feedbackOutcomes;
