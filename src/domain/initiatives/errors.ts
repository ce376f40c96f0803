import { DomainError } from "../shared/index.ts";

/** Every refusal of the initiatives context; the web layer maps each to a status and a message (typed, none missed). */
export type InitiativesErrorCode =
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
  | "initiatives.fund-already-extended"
  | "initiatives.fund-no-extension"
  | "initiatives.fund-not-granted"
  | "initiatives.fund-tranche-paid"
  | "initiatives.fund-report-not-received"
  | "initiatives.fund-report-closed"
  | "initiatives.fund-not-yours";

export class InitiativesError extends DomainError<InitiativesErrorCode> {}
