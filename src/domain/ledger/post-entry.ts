import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { accountTotals, openOnHold } from "./account-totals.ts";
import { LedgerError } from "./errors.ts";
import { lockAccount } from "./lock-account.ts";

export type LedgerEntry = typeof schema.ledgerEntries.$inferSelect;

/**
 * What a posting does: `credit` adds money (an allocation, a recovery), `debit` spends it, `commit` reserves part
 * of it for a decision (a council's commitment, a fund's grant), `release` frees what a commitment still reserves.
 */
export type Movement =
  | { type: "credit" }
  | { type: "debit"; commitmentId?: string | null }
  | { type: "commit" }
  | { type: "release"; commitmentId: string };

export type PostEntryOptions = {
  tenantId: string;
  accountId: string;
  /** The instrument's name for it: `allocation`, `carry-over`, `commitment`, `expenditure`, `grant`, `tranche`… */
  kind: string;
  movement: Movement;
  /** Positive whole cents; the movement says which way it goes. */
  amountCents: number;
  on: string;
  description?: string;
  category?: string | null;
  reference?: string | null;
  attachmentId?: string | null;
  /** The form's hidden key: the same submission twice posts one entry. */
  idempotencyKey?: string | null;
  actorPersonId: string | null;
  now: Date;
};

export type Posted = { entry: LedgerEntry; created: boolean };

/**
 * Posts one entry under the account's row lock. A posting that lowers "available" is refused when it would take
 * it below zero (`ledger.insufficient-funds`), so of two spends that each fit but not together, the second loses.
 * A spend against a commitment releases what it uses of it, up to what the commitment still reserves.
 */
export async function postEntry(tx: Tx, o: PostEntryOptions): Promise<Posted> {
  if (!Number.isSafeInteger(o.amountCents) || o.amountCents <= 0) throw new LedgerError("ledger.amount-invalid");
  const account = await lockAccount(tx, o);
  if (o.idempotencyKey) {
    const repeat = await findByKey(tx, o.tenantId, o.idempotencyKey);
    if (repeat) return { entry: repeat, created: false };
  }
  const totals = await accountTotals(tx, { tenantId: o.tenantId, accountId: account.id });
  const { movement } = o;
  const commitmentId = movement.type === "debit" || movement.type === "release" ? movement.commitmentId : null;
  const commitment = commitmentId ? await findCommitment(tx, o.tenantId, account.id, commitmentId) : undefined;
  const stillHeld = commitment ? await openOnHold(tx, { tenantId: o.tenantId, holdId: commitment.id }) : 0;
  if (movement.type === "release" && o.amountCents > stillHeld)
    throw new LedgerError("ledger.release-exceeds-commitment", { heldCents: stillHeld });
  const released = movement.type === "debit" ? Math.min(o.amountCents, stillHeld) : 0;
  const change = {
    credit: o.amountCents,
    debit: -o.amountCents + released,
    commit: -o.amountCents,
    release: o.amountCents,
  }[movement.type];
  if (change < 0 && totals.availableCents + change < 0)
    throw new LedgerError("ledger.insufficient-funds", { availableCents: totals.availableCents });

  const id = randomUUID();
  const common = {
    tenantId: o.tenantId,
    accountId: account.id,
    on: o.on,
    description: o.description ?? "",
    category: o.category ?? null,
    reference: o.reference ?? null,
    createdById: o.actorPersonId,
    createdAt: o.now,
  };
  const [entry] = await tx
    .insert(schema.ledgerEntries)
    .values({
      ...common,
      id,
      kind: movement.type === "release" ? (commitment?.kind ?? o.kind) : o.kind,
      effect: movement.type === "credit" ? "credit" : movement.type === "debit" ? "debit" : "hold",
      amountCents: movement.type === "release" ? -o.amountCents : o.amountCents,
      attachmentId: o.attachmentId ?? null,
      holdId: movement.type === "commit" ? id : (commitment?.id ?? null),
      idempotencyKey: o.idempotencyKey ?? null,
    })
    .returning();
  if (released > 0 && commitment) {
    await tx.insert(schema.ledgerEntries).values({
      ...common,
      kind: commitment.kind,
      effect: "hold",
      amountCents: -released,
      holdId: commitment.id,
      causedById: id,
    });
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "ledger.entry-posted",
    subject: id,
    details: { accountId: account.id, kind: entry!.kind, movement: movement.type, amountCents: o.amountCents },
  });
  return { entry: entry!, created: true };
}

async function findByKey(tx: Tx, tenantId: string, key: string): Promise<LedgerEntry | undefined> {
  const { ledgerEntries: entries } = schema;
  const [found] = await tx
    .select()
    .from(entries)
    .where(and(eq(entries.tenantId, tenantId), eq(entries.idempotencyKey, key)));
  return found;
}

/** A commitment of this account: a hold that names itself. */
export async function findCommitment(tx: Tx, tenantId: string, accountId: string, id: string): Promise<LedgerEntry> {
  const { ledgerEntries: entries } = schema;
  const [found] = await tx
    .select()
    .from(entries)
    .where(
      and(eq(entries.tenantId, tenantId), eq(entries.accountId, accountId), eq(entries.id, id), eq(entries.holdId, id)),
    );
  if (!found || found.reversesId) throw new LedgerError("ledger.commitment-not-found");
  return found;
}
