import { and, eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { findAccount, type LedgerAccount, lockAccount, openAccount } from "../ledger/index.ts";
import { AreaBudgetError } from "./errors.ts";
import { AREA_BUDGET, type BudgetRef } from "./kinds.ts";

const accountOf = (o: BudgetRef) => ({ tenantId: o.tenantId, kind: AREA_BUDGET, ownerId: o.areaId, year: o.year });

/** The area's account for the year, opened on first use and locked for the rest of the transaction. */
export async function lockBudget(tx: Tx, o: BudgetRef): Promise<LedgerAccount> {
  const account = await openAccount(tx, accountOf(o));
  return lockAccount(tx, { tenantId: o.tenantId, accountId: account.id });
}

export function findBudget(tx: Tx, o: BudgetRef): Promise<LedgerAccount | undefined> {
  return findAccount(tx, accountOf(o));
}

/**
 * Once a year has ended (its unused money carried into the next or lapsed), it takes no new commitments or free
 * spending: only spending on commitments it already made. Call with the year's account locked.
 */
export async function refuseIfClosed(tx: Tx, o: BudgetRef): Promise<void> {
  if (await findYearEnd(tx, o)) throw new AreaBudgetError("area-budgets.year-closed", { year: o.year });
}

export type YearEnd = typeof schema.areaBudgetYearEnds.$inferSelect;

export async function findYearEnd(tx: Executor, o: BudgetRef): Promise<YearEnd | undefined> {
  const { areaBudgetYearEnds: ends } = schema;
  const [found] = await tx
    .select()
    .from(ends)
    .where(and(eq(ends.tenantId, o.tenantId), eq(ends.areaId, o.areaId), eq(ends.year, o.year)));
  return found;
}
