import { DomainError } from "../shared/errors.ts";

/** Every refusal of the budgeting context; the web layer maps each to a status and a message (typed, so none is missed). */
export type BudgetingErrorCode =
  | "budgeting.round-not-found"
  | "budgeting.slug-taken"
  | "budgeting.invalid-rules"
  | "budgeting.rule-not-for-form"
  | "budgeting.rules-fixed"
  | "budgeting.no-areas"
  | "budgeting.area-not-found"
  | "budgeting.plan-not-found"
  | "budgeting.not-accepting-plans"
  | "budgeting.review-closed"
  | "budgeting.plan-not-published"
  | "budgeting.no-feasible-plans"
  | "budgeting.voting-closed"
  | "budgeting.code-invalid"
  | "budgeting.already-voted"
  | "budgeting.receipt-invalid"
  | "budgeting.ballot-invalid"
  | "budgeting.rate-limited"
  | "budgeting.not-counted"
  | "budgeting.result-not-ready"
  | "budgeting.import-invalid"
  | "budgeting.paper-closed"
  | "budgeting.paper-label-invalid"
  | "budgeting.paper-label-taken"
  | "budgeting.paper-batch-not-found"
  | "budgeting.paper-batch-done"
  | "budgeting.paper-line-invalid"
  | "budgeting.paper-empty"
  | "budgeting.paper-third-person"
  | "budgeting.paper-pending"
  | "budgeting.plan-not-funded";

export class BudgetingError extends DomainError<BudgetingErrorCode> {}
