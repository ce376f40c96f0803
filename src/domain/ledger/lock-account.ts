import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { LedgerError } from "./errors.ts";
import type { LedgerAccount } from "./open-account.ts";

/**
 * Every change to an account's entries starts here: the account row is locked, so postings to one account are
 * decided one after the other, each seeing the sums the previous one left.
 */
export async function lockAccount(tx: Tx, o: { tenantId: string; accountId: string }): Promise<LedgerAccount> {
  const { ledgerAccounts: accounts } = schema;
  const [account] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.tenantId, o.tenantId), eq(accounts.id, o.accountId)))
    .for("update");
  if (!account) throw new LedgerError("ledger.account-not-found");
  return account;
}
