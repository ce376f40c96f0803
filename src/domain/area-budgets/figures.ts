import type { LedgerTotals } from "../ledger/index.ts";

/** The figures of an area's budget for a year, in cents. balance = allocation + carry-over − spent. */
export type BudgetFigures = {
  allocationCents: number;
  carryOverCents: number;
  /** What open commitments still reserve. */
  committedCents: number;
  spentCents: number;
  balanceCents: number;
  /** balance − committed: what the council can still decide on. */
  availableCents: number;
};

export function figuresOf(totals: LedgerTotals | undefined): BudgetFigures {
  const kind = (name: string) => totals?.byKind[name] ?? 0;
  return {
    allocationCents: kind("allocation"),
    carryOverCents: kind("carry-over"),
    committedCents: kind("commitment"),
    spentCents: kind("expenditure"),
    balanceCents: totals?.balanceCents ?? 0,
    availableCents: totals?.availableCents ?? 0,
  };
}
