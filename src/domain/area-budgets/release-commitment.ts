import type { Tx } from "../../db/index.ts";
import { LedgerError, openOnHold, type Posted, postEntry } from "../ledger/index.ts";
import { lockBudget } from "./budget-account.ts";
import type { BudgetRef } from "./kinds.ts";

export type ReleaseCommitmentOptions = BudgetRef & {
  commitmentId: string;
  on: string;
  reason: string;
  actorPersonId: string | null;
  now: Date;
};

/** Closes a commitment that will not be spent (in full): what it still reserves becomes available again. */
export async function releaseCommitment(tx: Tx, o: ReleaseCommitmentOptions): Promise<Posted> {
  const account = await lockBudget(tx, o);
  const held = await openOnHold(tx, { tenantId: o.tenantId, holdId: o.commitmentId });
  if (held <= 0) throw new LedgerError("ledger.release-exceeds-commitment", { heldCents: 0 });
  return postEntry(tx, {
    tenantId: o.tenantId,
    accountId: account.id,
    kind: "commitment",
    movement: { type: "release", commitmentId: o.commitmentId },
    amountCents: held,
    on: o.on,
    description: o.reason,
    actorPersonId: o.actorPersonId,
    now: o.now,
  });
}
