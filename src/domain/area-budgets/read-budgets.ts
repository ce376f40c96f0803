import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { accountTotals, debitsByCategory, type ListedEntry, listEntries, totalsByOwner } from "../ledger/index.ts";
import { findBudget, findYearEnd, type YearEnd } from "./budget-account.ts";
import { type BudgetFigures, figuresOf } from "./figures.ts";
import { AREA_BUDGET, type BudgetRef } from "./kinds.ts";

export type AreaBudget = { figures: BudgetFigures; entries: ListedEntry[]; yearEnd: YearEnd | null };

/** One area's budget for a year with every entry, for staff and the council. */
export async function getAreaBudget(tx: Tx, o: BudgetRef): Promise<AreaBudget> {
  const account = await findBudget(tx, o);
  const yearEnd = (await findYearEnd(tx, o)) ?? null;
  if (!account) return { figures: figuresOf(undefined), entries: [], yearEnd };
  const scope = { tenantId: o.tenantId, accountId: account.id };
  return { figures: figuresOf(await accountTotals(tx, scope)), entries: await listEntries(tx, scope), yearEnd };
}

export type AreaBudgetSummary = BudgetFigures & { closed: boolean };

/** The figures of every area with a budget in the year, by area id (areas without one are absent). */
export async function listAreaBudgets(
  tx: Executor,
  o: { tenantId: string; year: number },
): Promise<Map<string, AreaBudgetSummary>> {
  const totals = await totalsByOwner(tx, { tenantId: o.tenantId, kind: AREA_BUDGET, year: o.year });
  const { areaBudgetYearEnds: ends } = schema;
  const closed = new Set(
    (
      await tx
        .select({ areaId: ends.areaId })
        .from(ends)
        .where(and(eq(ends.tenantId, o.tenantId), eq(ends.year, o.year)))
    ).map((row) => row.areaId),
  );
  return new Map([...totals].map(([areaId, t]) => [areaId, { ...figuresOf(t), closed: closed.has(areaId) }]));
}

export type Accountability = {
  figures: BudgetFigures;
  /** Spent per category: sums only, so no name, description or receipt reaches the public page. */
  spentByCategory: Array<{ category: string; cents: number }>;
};

/** The public account of an area's budget for a year. */
export async function getAccountability(tx: Tx, o: BudgetRef): Promise<Accountability> {
  const account = await findBudget(tx, o);
  if (!account) return { figures: figuresOf(undefined), spentByCategory: [] };
  const scope = { tenantId: o.tenantId, accountId: account.id };
  const byCategory = await debitsByCategory(tx, scope);
  return {
    figures: figuresOf(await accountTotals(tx, scope)),
    spentByCategory: byCategory
      .filter((row) => row.cents !== 0)
      .map((row) => ({ category: row.category ?? "other", cents: row.cents })),
  };
}

export type ExportLine = {
  areaId: string;
  on: string;
  kind: string;
  effect: "credit" | "debit" | "hold";
  amountCents: number;
  category: string | null;
  description: string;
  reference: string | null;
  isReversal: boolean;
  hasReceipt: boolean;
  id: string;
};

/** Every entry of every area's budget in a year, for the finance department's export. */
export async function listYearEntries(tx: Executor, o: { tenantId: string; year: number }): Promise<ExportLine[]> {
  const { ledgerEntries: entries, ledgerAccounts: accounts } = schema;
  const rows = await tx
    .select({ entry: entries, areaId: accounts.ownerId })
    .from(entries)
    .innerJoin(accounts, eq(accounts.id, entries.accountId))
    .where(and(eq(accounts.tenantId, o.tenantId), eq(accounts.kind, AREA_BUDGET), eq(accounts.year, o.year)))
    .orderBy(asc(accounts.ownerId), asc(entries.on), asc(entries.createdAt), asc(entries.id));
  return rows.map(({ entry, areaId }) => ({
    areaId,
    id: entry.id,
    on: entry.on,
    kind: entry.kind,
    effect: entry.effect,
    amountCents: entry.amountCents,
    category: entry.category,
    description: entry.description,
    reference: entry.reference,
    isReversal: entry.reversesId !== null,
    hasReceipt: entry.attachmentId !== null,
  }));
}
