import type { Tx } from "../../db/index.ts";
import { openOnHold, type Posted, postEntry } from "../ledger/index.ts";
import { findYearEnd, lockBudget } from "./budget-account.ts";
import { AreaBudgetError } from "./errors.ts";
import type { BudgetRef, SpendCategory } from "./kinds.ts";

export type RecordExpenditureOptions = BudgetRef & {
  amountCents: number;
  paidOn: string;
  description: string;
  category: SpendCategory;
  /** The receipt, stored with the upload module first. */
  receiptId: string;
  /** The council's commitment this pays for, if any. */
  commitmentId?: string | null;
  /** An invoice number or other reference. */
  reference?: string | null;
  idempotencyKey?: string | null;
  actorPersonId: string | null;
  now: Date;
};

/**
 * A payment with its receipt. Refused when it would make "available" negative (part of it may be covered by the
 * commitment it pays for). After the year has ended, only spending within what a commitment still reserves.
 */
export async function recordExpenditure(tx: Tx, o: RecordExpenditureOptions): Promise<Posted> {
  const account = await lockBudget(tx, o);
  if (await findYearEnd(tx, o)) {
    const held = o.commitmentId ? await openOnHold(tx, { tenantId: o.tenantId, holdId: o.commitmentId }) : 0;
    if (o.amountCents > held) throw new AreaBudgetError("area-budgets.year-closed", { year: o.year });
  }
  return postEntry(tx, {
    tenantId: o.tenantId,
    accountId: account.id,
    kind: "expenditure",
    movement: { type: "debit", commitmentId: o.commitmentId ?? null },
    amountCents: o.amountCents,
    on: o.paidOn,
    description: o.description,
    category: o.category,
    reference: o.reference ?? null,
    attachmentId: o.receiptId,
    idempotencyKey: o.idempotencyKey,
    actorPersonId: o.actorPersonId,
    now: o.now,
  });
}
