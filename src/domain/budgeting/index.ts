/**
 * Burgerbegroting: participatory budgeting rounds, plans, secret ballots and their count with packages/pb (issue 11).
 * Other contexts and the web layer use only what is exported here.
 */

export {
  type CastBallotOptions,
  type ChangeBallotOptions,
  castBallot,
  changeBallot,
  dutchDay,
  findBallotByReceipt,
  findVotingCode,
  type Voter,
} from "./cast-ballot.ts";
export { type BallotChoice, checkBallot } from "./check-ballot.ts";
export {
  type CodeBatch,
  type CreateCodeBatchOptions,
  createCodeBatch,
  LETTERS_PER_FILE,
  listCodeBatches,
  revealCodeBatch,
} from "./code-batches.ts";
export {
  type AreaOutcome,
  buildElection,
  countArea,
  countRound,
  countRoundJobHandlers,
  getPlanOutcome,
  getResult,
  isResultPublished,
  type OutcomePlan,
  type ResultPage,
  type ResultPlanRow,
  type RoundOutcome,
  ruleSpecOf,
  type StoredResult,
} from "./count-round.ts";
export { type CreateRoundOptions, createRound } from "./create-round.ts";
export { deleteExpiredVotingPasses } from "./delete-expired-voting-passes.ts";
export { BudgetingError, type BudgetingErrorCode } from "./errors.ts";
export { exportPabulib } from "./export-pabulib.ts";
export { fillResultPages } from "./fill-result-pages.ts";
export { findFollowedRound } from "./find-followed-round.ts";
export { followRound } from "./follow-round.ts";
export { getResultPage } from "./get-result-page.ts";
export { getRound, listRounds, type Round, type RoundArea, type RoundSummary } from "./get-round.ts";
export { ballotRulesOf, type ImportPabulibRoundOptions, importPabulibRound } from "./import-pabulib-round.ts";
export { listPlans, type Plan } from "./list-plans.ts";
export {
  createPaperBatch,
  enterPaperBatch,
  listPaperBatches,
  type PaperBatch,
  parsePaperLines,
} from "./paper-ballots.ts";
export {
  followPlan,
  listRealisation,
  type PlanRealisation,
  type PlanUpdate,
  type PostPlanUpdateOptions,
  postPlanUpdate,
} from "./plan-updates.ts";
export {
  type ModeratePlanOptions,
  moderatePlan,
  type ReviewFeasibilityOptions,
  reviewFeasibility,
} from "./review-plan.ts";
export type { RoundAreaInput } from "./round-areas.ts";
export { roundNewsJobHandlers } from "./round-news.ts";
export {
  COUNT_ROUND_JOB,
  ROUND_NEWS_JOB,
  ROUND_PHASES,
  type RoundNews,
  type RoundPhase,
  roundPhases,
} from "./round-phases.ts";
export {
  BALLOT_FORMS,
  type BallotForm,
  type BallotRules,
  DEFAULT_ELIGIBILITY,
  type Eligibility,
  IDENTIFICATION_METHODS,
  type IdentificationMethod,
  REALISATION_STATUSES,
  type RealisationStatus,
  type RoundRules,
  satisfactionOf,
  type TieBreak,
  WINNER_RULES,
  WINNER_RULES_FOR_IMPORT,
  type WinnerRule,
} from "./rules.ts";
export { type SubmitPlanOptions, submitPlan } from "./submit-plan.ts";
export { changeIdentification, type UpdateRoundOptions, updateRound } from "./update-round.ts";
export {
  CODE_ALPHABET,
  CODE_LENGTH,
  deriveVotingCode,
  formatCode,
  hashCode,
  looksLikeCode,
  normaliseCode,
} from "./voting-codes.ts";
export {
  EMAIL_PASS_MINUTES,
  issueOidcPass,
  OIDC_PASS_MINUTES,
  openVotingPass,
  type RequestVotingLinkOptions,
  requestVotingLink,
  voterKeyOf,
} from "./voting-passes.ts";
