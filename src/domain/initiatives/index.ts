/**
 * Initiatives (issue 12): residents' initiatives, the initiatives fund and the right to challenge. Other contexts
 * and the web layer use only what is exported here.
 */

export { type AssignContactPersonOptions, assignContactPerson } from "./assign-contact-person.ts";
export {
  allowedChallengeSteps,
  type ChallengeStatus,
  type ChallengeStep,
  challengeStepNames,
  challengeSteps,
  isDecided,
} from "./challenge-steps.ts";
export { type DeskSettings, getDeskSettings, type SetDeskSettingsOptions, setDeskSettings } from "./desk-settings.ts";
export {
  type InitiativeDeskErrorCode,
  type InitiativeFundErrorCode,
  InitiativesError,
  type InitiativesErrorCode,
} from "./errors.ts";
export { type ExtendChallengeTermOptions, extendChallengeTerm } from "./extend-challenge-term.ts";
export { completeApplication, extendDecisionTerm, markIncomplete } from "./fund/application-steps.ts";
export { type ApplyToFundOptions, applyToFund, type FundDocument } from "./fund/apply-to-fund.ts";
export { type AssessApplicationOptions, type Assessment, assessApplication } from "./fund/assess-application.ts";
export { type CreateFundOptions, createFund } from "./fund/create-fund.ts";
export {
  type DecideApplicationOptions,
  decideApplication,
  FUND_REPORT_OVERDUE_JOB,
  FUND_REPORT_REMINDER_JOB,
  type FundDecision,
  REPORT_REMINDER_DAYS,
} from "./fund/decide-application.ts";
export {
  type Fairness,
  type FairnessRow,
  fundFairness,
  median,
  SMALL_COUNT_THRESHOLD,
  suppressSmallCounts,
} from "./fund/fairness.ts";
export { findFundBySlug, getFund } from "./fund/fund-account.ts";
export {
  type PayTrancheOptions,
  payTranche,
  type SubmitReportOptions,
  submitReport,
  type Tranche,
} from "./fund/money.ts";
export { applicationUrl } from "./fund/notify-applicant.ts";
export {
  type ApplicationDetail,
  type ApplicationFile,
  type ApplicationSummary,
  type FundFigures,
  fundFigures,
  getApplication,
  isFundApplicationFile,
  listApplications,
  listFunds,
  listMyApplications,
  type Payment,
  type RecoveryLine,
} from "./fund/read-funds.ts";
export {
  outstandingCents,
  type RecordRecoveryOptions,
  type RecoveryBooking,
  recordRecovery,
} from "./fund/record-recovery.ts";
export { fundJobHandlers, remindReport, startRecovery } from "./fund/report-jobs.ts";
export {
  advanceCents,
  decisionDueOn,
  earliestActivityOn,
  type Fund,
  type FundApplication,
  type FundRules,
  INITIATIVE_FUND,
  missingDocuments,
  ownShareCents,
  reportDueOn,
  requiredOwnShareCents,
} from "./fund/rules.ts";
export {
  type FundUpdate,
  fundBudgetFromYear,
  type UpdateFundOptions,
  updateFund,
} from "./fund/update-fund.ts";
export { type InitiativeUrls, initiativeIdOfLink, LINK_DAYS } from "./initiative-links.ts";
export {
  type InitiativeStatus,
  initiativeStatusesBefore,
  isInitiativeOpen,
  nextInitiativeStatuses,
} from "./initiative-states.ts";
export { initiativeStatuses, initiativeSupportKinds } from "./kinds.ts";
export { type MoveInitiativeOptions, moveInitiative } from "./move-initiative.ts";
export { type PostInitiativeMessageOptions, postInitiativeMessage } from "./post-initiative-message.ts";
export {
  type Challenge,
  type ChallengeRegisterItem,
  getChallenge,
  listChallengeRegister,
  listChallenges,
} from "./read-challenges.ts";
export {
  assignmentLate,
  getInitiative,
  type InitiativeDetail,
  type InitiativeListItem,
  type InitiativeMessage,
  listInitiatives,
  listShowcase,
  type ShowcaseItem,
} from "./read-initiatives.ts";
export { type SendLinksAgainOptions, sendLinksAgain } from "./send-links-again.ts";
export { type SubmitChallengeOptions, submitChallenge } from "./submit-challenge.ts";
export { type InitiativeSupportKind, type SubmitInitiativeOptions, submitInitiative } from "./submit-initiative.ts";
export { type TakeChallengeStepOptions, takeChallengeStep } from "./take-challenge-step.ts";
