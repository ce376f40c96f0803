import type { Tx } from "../../db/index.ts";
import { type Posted, postEntry } from "../ledger/index.ts";
import { lockBudget, refuseIfClosed } from "./budget-account.ts";
import type { BudgetRef } from "./kinds.ts";

export type AllocateBudgetOptions = BudgetRef & {
  amountCents: number;
  /** The day the municipality decided it. */
  decidedOn: string;
  /** Where the decision is: a council resolution, a mandate decision's number. */
  reference: string;
  description?: string;
  idempotencyKey?: string | null;
  actorPersonId: string | null;
  now: Date;
};

/** The municipality's decision on an area's budget for a year (more than one adds up: a supplement). */
export async function allocateBudget(tx: Tx, o: AllocateBudgetOptions): Promise<Posted> {
  const account = await lockBudget(tx, o);
  await refuseIfClosed(tx, o);
  return postEntry(tx, {
    tenantId: o.tenantId,
    accountId: account.id,
    kind: "allocation",
    movement: { type: "credit" },
    amountCents: o.amountCents,
    on: o.decidedOn,
    reference: o.reference,
    description: o.description,
    idempotencyKey: o.idempotencyKey,
    actorPersonId: o.actorPersonId,
    now: o.now,
  });
}
