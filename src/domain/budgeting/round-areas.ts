import { BudgetingError } from "./errors.ts";

/** One area of a round with its budget in whole euros. */
export type RoundAreaInput = { name: string; budgetEuros: number };

export function checkAreas(areas: readonly RoundAreaInput[]): RoundAreaInput[] {
  if (areas.length === 0) throw new BudgetingError("budgeting.no-areas");
  const names = new Set(areas.map((a) => a.name));
  if (names.size !== areas.length) throw new BudgetingError("budgeting.invalid-rules", { reason: "area-twice" });
  if (areas.some((a) => !Number.isInteger(a.budgetEuros) || a.budgetEuros <= 0)) {
    throw new BudgetingError("budgeting.invalid-rules", { reason: "budget" });
  }
  return [...areas];
}
