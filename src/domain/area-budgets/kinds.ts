/** The ledger account kind of an area's budget for a year; its owner is the area. */
export const AREA_BUDGET = "area-budget";

/** The entry kinds of an area budget. */
export const areaBudgetKinds = ["allocation", "carry-over", "commitment", "expenditure"] as const;
export type AreaBudgetKind = (typeof areaBudgetKinds)[number];

/** What an area spends money on, for the public totals. */
export const spendCategories = [
  "activities",
  "meeting-place",
  "greenery",
  "materials",
  "communication",
  "other",
] as const;
export type SpendCategory = (typeof spendCategories)[number];

export type BudgetRef = { tenantId: string; areaId: string; year: number };
