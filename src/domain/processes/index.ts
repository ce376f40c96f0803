export { type AddMomentOptions, addMoment } from "./add-moment.ts";
export { type AddPhaseOptions, addPhase } from "./add-phase.ts";
export { type CreateProcessOptions, createProcess } from "./create-process.ts";
export { slugify } from "./dates.ts";
export { ProcessesError, type ProcessesErrorCode } from "./errors.ts";
export {
  type EvaluationResults,
  evaluationResults,
  findRemark,
  type SubmitEvaluationOptions,
  submitEvaluation,
  takeRemarkForLesson,
} from "./evaluations.ts";
export {
  type FeedbackPoint,
  getProcess,
  type ProcessDetails,
  type ProcessMoment,
  type ProcessPhase,
} from "./get-process.ts";
export { type LinkedAdvice, type LinkedFund, type LinkedRound, processesLinkedTo } from "./instruments.ts";
export {
  type Decider,
  deciders,
  type FeedbackOutcome,
  feedbackOutcomes,
  instrumentMethods,
  type LadderLevel,
  ladderLevels,
  levelRank,
  type MomentMethod,
  momentMethods,
  type ProcessStage,
  type ProcessTrackPhase,
  processPhases,
  processStages,
} from "./ladder.ts";
export { listProcesses } from "./list-processes.ts";
export {
  CLOSING_NOTICE_MS,
  MOMENT_CLOSING_JOB,
  MOMENT_OPENED_JOB,
  processJobHandlers,
  processUrl,
  scheduleMomentMails,
} from "./moment-jobs.ts";
export {
  checkOrdinance,
  findOrdinanceFlags,
  listParticipationRules,
  type OrdinanceFlag,
  type ParticipationRule,
  type SetParticipationRuleOptions,
  setParticipationRule,
} from "./ordinance.ts";
export { type PublishFeedbackOptions, publishFeedback } from "./publish-feedback.ts";
export { type PublishProcessOptions, publishProcess, rescheduleTrack, trackSchedule } from "./publish-process.ts";
export { type RemovePhaseOptions, removePhase } from "./remove-phase.ts";
export { findTemplate, type ProcessTemplate, processTemplates } from "./templates.ts";
export { type PhasePosition, type ProcessPosition, phasePositions, positionOf } from "./timeline.ts";
export { type UpdateMomentOptions, updateMoment } from "./update-moment.ts";
export { type UpdatePhaseOptions, updatePhase } from "./update-phase.ts";
export { type UpdateProcessOptions, updateProcess } from "./update-process.ts";
