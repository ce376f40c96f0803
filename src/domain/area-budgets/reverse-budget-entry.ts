import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { type LedgerEntry, reverseEntry } from "../ledger/index.ts";
import { AreaBudgetError } from "./errors.ts";
import { AREA_BUDGET, type BudgetRef } from "./kinds.ts";

export type ReverseBudgetEntryOptions = BudgetRef & {
  entryId: string;
  reason: string;
  on: string;
  actorPersonId: string | null;
  now: Date;
};

/** A correction by staff: a reversing entry, only for an entry of this area's budget in this year. */
export async function reverseBudgetEntry(tx: Tx, o: ReverseBudgetEntryOptions): Promise<LedgerEntry> {
  const { ledgerEntries: entries, ledgerAccounts: accounts } = schema;
  const [found] = await tx
    .select({ id: entries.id })
    .from(entries)
    .innerJoin(accounts, eq(accounts.id, entries.accountId))
    .where(
      and(
        eq(entries.tenantId, o.tenantId),
        eq(entries.id, o.entryId),
        eq(accounts.kind, AREA_BUDGET),
        eq(accounts.ownerId, o.areaId),
        eq(accounts.year, o.year),
      ),
    );
  if (!found) throw new AreaBudgetError("area-budgets.not-an-area-budget");
  return reverseEntry(tx, {
    tenantId: o.tenantId,
    entryId: o.entryId,
    reason: o.reason,
    on: o.on,
    actorPersonId: o.actorPersonId,
    now: o.now,
  });
}
