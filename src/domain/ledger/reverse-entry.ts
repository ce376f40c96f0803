import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { accountTotals, openOnHold } from "./account-totals.ts";
import { LedgerError } from "./errors.ts";
import { lockAccount } from "./lock-account.ts";
import type { LedgerEntry } from "./post-entry.ts";

export type ReverseEntryOptions = {
  tenantId: string;
  entryId: string;
  /** Why: kept on the reversing entry and in the audit log. */
  reason: string;
  on: string;
  actorPersonId: string | null;
  now: Date;
};

/**
 * The only correction the ledger knows: a new entry with the opposite amount that names the original. Reversing a
 * spend also reverses the release it made of its commitment; a commitment can be reversed only while nothing of it
 * is used or released. Like any posting, a reversal that lowers "available" may not take it below zero.
 */
export async function reverseEntry(tx: Tx, o: ReverseEntryOptions): Promise<LedgerEntry> {
  const { ledgerEntries: entries } = schema;
  const [original] = await tx
    .select()
    .from(entries)
    .where(and(eq(entries.tenantId, o.tenantId), eq(entries.id, o.entryId)));
  if (!original) throw new LedgerError("ledger.entry-not-found");
  await lockAccount(tx, { tenantId: o.tenantId, accountId: original.accountId });
  if (original.reversesId) throw new LedgerError("ledger.reversal-not-reversible");
  if (original.causedById) throw new LedgerError("ledger.reverse-the-spend");
  if (await reversalOf(tx, o.tenantId, original.id)) throw new LedgerError("ledger.entry-already-reversed");

  const isCommitment = original.effect === "hold" && original.holdId === original.id;
  if (isCommitment && (await openOnHold(tx, { tenantId: o.tenantId, holdId: original.id })) !== original.amountCents)
    throw new LedgerError("ledger.commitment-in-use");
  const [release] =
    original.effect === "debit"
      ? await tx
          .select()
          .from(entries)
          .where(and(eq(entries.tenantId, o.tenantId), eq(entries.causedById, original.id)))
      : [];
  const undo = [original, ...(release ? [release] : [])];

  // Taking back a credit or re-opening a commitment lowers "available"; it must stay at zero or above.
  const change = undo.reduce((sum, e) => sum + (e.effect === "credit" ? -e.amountCents : e.amountCents), 0);
  const totals = await accountTotals(tx, { tenantId: o.tenantId, accountId: original.accountId });
  if (change < 0 && totals.availableCents + change < 0)
    throw new LedgerError("ledger.insufficient-funds", { availableCents: totals.availableCents });

  const reversals = undo.map((e) => ({
    id: randomUUID(),
    tenantId: o.tenantId,
    accountId: e.accountId,
    kind: e.kind,
    effect: e.effect,
    amountCents: -e.amountCents,
    on: o.on,
    description: o.reason,
    category: e.category,
    reference: e.reference,
    holdId: e.holdId,
    reversesId: e.id,
    createdById: o.actorPersonId,
    createdAt: o.now,
  }));
  const [reversal] = await tx.insert(entries).values(reversals).returning();
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "ledger.entry-reversed",
    subject: original.id,
    details: {
      accountId: original.accountId,
      kind: original.kind,
      amountCents: original.amountCents,
      reason: o.reason,
    },
  });
  return reversal!;
}

async function reversalOf(tx: Tx, tenantId: string, entryId: string) {
  const { ledgerEntries: entries } = schema;
  const [found] = await tx
    .select({ id: entries.id })
    .from(entries)
    .where(and(eq(entries.tenantId, tenantId), eq(entries.reversesId, entryId)));
  return found;
}
