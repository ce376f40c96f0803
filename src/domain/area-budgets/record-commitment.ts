import type { Tx } from "../../db/index.ts";
import { type Posted, postEntry } from "../ledger/index.ts";
import { lockBudget, refuseIfClosed } from "./budget-account.ts";
import type { BudgetRef } from "./kinds.ts";

export type RecordCommitmentOptions = BudgetRef & {
  amountCents: number;
  /** The date of the council's decision. */
  decidedOn: string;
  /** Where the decision is recorded: the minutes or the besluitenlijst (e.g. "Notulen 12 maart 2026, punt 5"). */
  minutesReference: string;
  description: string;
  idempotencyKey?: string | null;
  actorPersonId: string | null;
  now: Date;
};

/** The council decided to spend: the money is reserved, and refused when the area does not have it available. */
export async function recordCommitment(tx: Tx, o: RecordCommitmentOptions): Promise<Posted> {
  const account = await lockBudget(tx, o);
  await refuseIfClosed(tx, o);
  return postEntry(tx, {
    tenantId: o.tenantId,
    accountId: account.id,
    kind: "commitment",
    movement: { type: "commit" },
    amountCents: o.amountCents,
    on: o.decidedOn,
    reference: o.minutesReference,
    description: o.description,
    idempotencyKey: o.idempotencyKey,
    actorPersonId: o.actorPersonId,
    now: o.now,
  });
}
