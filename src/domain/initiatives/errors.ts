import { DomainError } from "../shared/errors.ts";

/** Refusals the fund and the uitdaagrecht share: a decision term is extended once, and with a reason. */
type InitiativeTermErrorCode = "initiatives.term-already-extended" | "initiatives.reason-required";

/** The initiatives fund's refusals. */
export type InitiativeFundErrorCode =
  | InitiativeTermErrorCode
  | "initiatives.fund-not-found"
  | "initiatives.fund-slug-taken"
  | "initiatives.fund-rules-invalid"
  | "initiatives.fund-area-not-found"
  | "initiatives.fund-above-maximum"
  | "initiatives.fund-lead-time"
  | "initiatives.fund-co-financing"
  | "initiatives.fund-application-not-found"
  | "initiatives.fund-not-incomplete"
  | "initiatives.fund-documents-missing"
  | "initiatives.fund-not-in-assessment"
  | "initiatives.fund-scores-invalid"
  | "initiatives.fund-assessor-conflicted"
  | "initiatives.fund-grant-above-request"
  | "initiatives.fund-budget-exhausted"
  | "initiatives.fund-no-extension"
  | "initiatives.fund-not-granted"
  | "initiatives.fund-tranche-paid"
  | "initiatives.fund-report-not-received"
  | "initiatives.fund-report-closed"
  | "initiatives.fund-not-yours"
  | "initiatives.fund-not-in-recovery"
  | "initiatives.fund-recovery-above-outstanding"
  | "initiatives.fund-recovery-reasons-required";

/** The initiatives desk's and the uitdaagrecht's refusals. */
export type InitiativeDeskErrorCode =
  | InitiativeTermErrorCode
  | "initiatives.initiative-not-found"
  | "initiatives.area-not-found"
  | "initiatives.link-invalid"
  | "initiatives.not-staff"
  | "initiatives.assigned-meanwhile"
  | "initiatives.step-not-allowed"
  | "initiatives.no-contact-person"
  | "initiatives.message-required"
  | "initiatives.closed"
  | "initiatives.term-invalid"
  | "initiatives.challenge-not-found"
  | "initiatives.challenge-step-not-allowed"
  | "initiatives.challenge-decided";

/**
 * Every refusal of the initiatives context; the web layer maps each to a status and a message (typed, none missed:
 * the fund's pages and the desk's each map their part).
 */
export type InitiativesErrorCode = InitiativeFundErrorCode | InitiativeDeskErrorCode;

export class InitiativesError extends DomainError<InitiativesErrorCode> {}
