import type { LedgerErrorCode } from "../ledger/index.ts";
import { DomainError } from "../shared/errors.ts";

/** Every refusal of the area budgets, the ledger's included; the web layer maps each to a status and a message. */
export type AreaBudgetErrorCode =
  | LedgerErrorCode
  | "area-budgets.year-closed"
  | "area-budgets.already-carried-over"
  | "area-budgets.percentage-invalid"
  | "area-budgets.not-an-area-budget";

export class AreaBudgetError extends DomainError<Exclude<AreaBudgetErrorCode, LedgerErrorCode>> {}
