export { type AllocateBudgetOptions, allocateBudget } from "./allocate-budget.ts";
export type { YearEnd } from "./budget-account.ts";
export { type CarryOverRule, carryOverAmount, getCarryOverRule, setCarryOverRule } from "./carry-over-rule.ts";
export { type EndYearOptions, endYear } from "./end-year.ts";
export { AreaBudgetError, type AreaBudgetErrorCode } from "./errors.ts";
export { type BudgetFigures, figuresOf } from "./figures.ts";
export {
  AREA_BUDGET,
  type AreaBudgetKind,
  areaBudgetKinds,
  type BudgetRef,
  budgetYearOf,
  isBudgetYear,
  type SpendCategory,
  spendCategories,
} from "./kinds.ts";
export {
  type Accountability,
  type AreaBudget,
  type AreaBudgetSummary,
  type ExportLine,
  getAccountability,
  getAreaBudget,
  listAreaBudgets,
  listYearEntries,
} from "./read-budgets.ts";
export { type RecordCommitmentOptions, recordCommitment } from "./record-commitment.ts";
export { type RecordExpenditureOptions, recordExpenditure } from "./record-expenditure.ts";
export { type ReleaseCommitmentOptions, releaseCommitment } from "./release-commitment.ts";
export { type ReverseBudgetEntryOptions, reverseBudgetEntry } from "./reverse-budget-entry.ts";
