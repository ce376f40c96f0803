import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";

export type LedgerAccount = typeof schema.ledgerAccounts.$inferSelect;

export type OpenAccountOptions = { tenantId: string; kind: string; ownerId: string; year: number };

/** The account of an owner for a year, made on first use; two callers at once get the same row. */
export async function openAccount(tx: Tx, o: OpenAccountOptions): Promise<LedgerAccount> {
  const { ledgerAccounts: accounts } = schema;
  const [created] = await tx.insert(accounts).values(o).onConflictDoNothing().returning();
  if (created) return created;
  const [existing] = await tx.select().from(accounts).where(ownerYear(o));
  if (!existing) throw new Error("openAccount: the insert was skipped but no account matches");
  return existing;
}

const ownerYear = (o: OpenAccountOptions) => {
  const { ledgerAccounts: accounts } = schema;
  return and(
    eq(accounts.tenantId, o.tenantId),
    eq(accounts.kind, o.kind),
    eq(accounts.ownerId, o.ownerId),
    eq(accounts.year, o.year),
  );
};

/** Finds an account without making one. */
export async function findAccount(tx: Tx, o: OpenAccountOptions): Promise<LedgerAccount | undefined> {
  const { ledgerAccounts: accounts } = schema;
  const [found] = await tx.select().from(accounts).where(ownerYear(o));
  return found;
}
