// Pure lists (no database driver), so forms in the browser may use them.
import {
  deciders,
  feedbackOutcomes,
  ladderLevels,
  momentMethods,
  processStages,
} from "../../db/schema/process-lists.ts";

export { deciders, feedbackOutcomes, ladderLevels, momentMethods, processStages };
export type LadderLevel = (typeof ladderLevels)[number];
export type ProcessStage = (typeof processStages)[number];
export type Decider = (typeof deciders)[number];
export type MomentMethod = (typeof momentMethods)[number];
export type FeedbackOutcome = (typeof feedbackOutcomes)[number];
