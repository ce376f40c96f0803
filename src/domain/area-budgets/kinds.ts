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

const yearFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", year: "numeric" });

/** The budget year an instant falls in: the Dutch calendar year (1 January starts at 23:00 UTC). */
export const budgetYearOf = (now: Date): number => Number(yearFormat.format(now));

/** Years staff and the public can ask for. */
export const isBudgetYear = (year: number): boolean => Number.isInteger(year) && year >= 2000 && year <= 2100;
