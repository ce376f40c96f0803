import { and, eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type LedgerTotals = {
  /** Everything credited (allocations, carry-overs, recoveries), net of reversals. */
  creditsCents: number;
  /** Everything spent, net of reversals. */
  debitsCents: number;
  /** What open commitments still reserve. */
  heldCents: number;
  balanceCents: number;
  availableCents: number;
  /** The same sums per entry kind, e.g. `allocation`, `carry-over`, `commitment`, `expenditure`. */
  byKind: Readonly<Record<string, number>>;
};

const { ledgerEntries: entries } = schema;

/** Derived from the entries every time: no total is stored, so none can drift from the entries it sums. */
export async function accountTotals(tx: Executor, o: { tenantId: string; accountId: string }): Promise<LedgerTotals> {
  const rows = await tx
    .select({
      effect: entries.effect,
      kind: entries.kind,
      cents: sql<number>`coalesce(sum(${entries.amountCents}), 0)`.mapWith(Number),
    })
    .from(entries)
    .where(and(eq(entries.tenantId, o.tenantId), eq(entries.accountId, o.accountId)))
    .groupBy(entries.effect, entries.kind);
  return totalsOf(rows);
}

export function totalsOf(
  rows: ReadonlyArray<{ effect: "credit" | "debit" | "hold"; kind: string; cents: number }>,
): LedgerTotals {
  const byEffect = { credit: 0, debit: 0, hold: 0 };
  const byKind: Record<string, number> = {};
  for (const row of rows) {
    byEffect[row.effect] += row.cents;
    byKind[row.kind] = (byKind[row.kind] ?? 0) + row.cents;
  }
  const balanceCents = byEffect.credit - byEffect.debit;
  return {
    creditsCents: byEffect.credit,
    debitsCents: byEffect.debit,
    heldCents: byEffect.hold,
    balanceCents,
    availableCents: balanceCents - byEffect.hold,
    byKind,
  };
}

/** What one commitment still reserves: its amount less its releases (each spend against it releases a part). */
export async function openOnHold(tx: Executor, o: { tenantId: string; holdId: string }): Promise<number> {
  const [row] = await tx
    .select({ cents: sql<number>`coalesce(sum(${entries.amountCents}), 0)`.mapWith(Number) })
    .from(entries)
    .where(and(eq(entries.tenantId, o.tenantId), eq(entries.holdId, o.holdId), eq(entries.effect, "hold")));
  return row?.cents ?? 0;
}

/** The totals of every account of one kind and year in a tenant, by owner: one query for a whole overview. */
export async function totalsByOwner(
  tx: Executor,
  o: { tenantId: string; kind: string; year: number },
): Promise<Map<string, LedgerTotals>> {
  const { ledgerAccounts: accounts } = schema;
  const rows = await tx
    .select({
      ownerId: accounts.ownerId,
      effect: entries.effect,
      kind: entries.kind,
      cents: sql<number>`coalesce(sum(${entries.amountCents}), 0)`.mapWith(Number),
    })
    .from(accounts)
    .innerJoin(entries, eq(entries.accountId, accounts.id))
    .where(and(eq(accounts.tenantId, o.tenantId), eq(accounts.kind, o.kind), eq(accounts.year, o.year)))
    .groupBy(accounts.ownerId, entries.effect, entries.kind);
  const grouped = Map.groupBy(rows, (row) => row.ownerId);
  return new Map([...grouped].map(([owner, ownRows]) => [owner, totalsOf(ownRows)]));
}

/** What was spent per category (net of reversals), for public accountability: sums only, never the lines. */
export async function debitsByCategory(
  tx: Executor,
  o: { tenantId: string; accountId: string },
): Promise<Array<{ category: string | null; cents: number }>> {
  return tx
    .select({
      category: entries.category,
      cents: sql<number>`coalesce(sum(${entries.amountCents}), 0)`.mapWith(Number),
    })
    .from(entries)
    .where(and(eq(entries.tenantId, o.tenantId), eq(entries.accountId, o.accountId), eq(entries.effect, "debit")))
    .groupBy(entries.category)
    .orderBy(entries.category);
}
