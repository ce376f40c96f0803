import { and, eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../../db/index.ts";
import { findAccount, type LedgerAccount, lockAccount, openAccount, postEntry } from "../../ledger/index.ts";
import { InitiativesError } from "../errors.ts";
import { type Fund, INITIATIVE_FUND } from "./rules.ts";

/**
 * The fund's account for a year, opened on first use with the year's budget credited once (its idempotency key
 * names fund and year), and locked for the rest of the transaction: grants in one fund are decided one by one.
 */
export async function lockFundYear(tx: Tx, fund: Fund, year: number, now: Date): Promise<LedgerAccount> {
  const account = await openAccount(tx, { tenantId: fund.tenantId, kind: INITIATIVE_FUND, ownerId: fund.id, year });
  await lockAccount(tx, { tenantId: fund.tenantId, accountId: account.id });
  if (fund.yearlyBudgetCents > 0)
    await postEntry(tx, {
      tenantId: fund.tenantId,
      accountId: account.id,
      kind: "budget",
      movement: { type: "credit" },
      amountCents: fund.yearlyBudgetCents,
      on: `${year}-01-01`,
      description: `${fund.name} ${year}`,
      idempotencyKey: `fund-budget:${fund.id}:${year}`,
      actorPersonId: null,
      now,
    });
  return account;
}

export function findFundYear(tx: Tx, fund: Fund, year: number): Promise<LedgerAccount | undefined> {
  return findAccount(tx, { tenantId: fund.tenantId, kind: INITIATIVE_FUND, ownerId: fund.id, year });
}

export async function getFund(tx: Executor, o: { tenantId: string; fundId: string }): Promise<Fund> {
  const { initiativeFunds: funds } = schema;
  const [fund] = await tx
    .select()
    .from(funds)
    .where(and(eq(funds.tenantId, o.tenantId), eq(funds.id, o.fundId)));
  if (!fund) throw new InitiativesError("initiatives.fund-not-found");
  return fund;
}

export async function findFundBySlug(tx: Executor, o: { tenantId: string; slug: string }): Promise<Fund | undefined> {
  const { initiativeFunds: funds } = schema;
  const [fund] = await tx
    .select()
    .from(funds)
    .where(and(eq(funds.tenantId, o.tenantId), eq(funds.slug, o.slug)));
  return fund;
}
