import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../../db/index.ts";
import { postEntry } from "../../ledger/index.ts";
import { dutchDateOf, insertOnce, recordAudit } from "../../shared/index.ts";
import { InitiativesError } from "../errors.ts";
import { lockFundYear } from "./fund-account.ts";
import { lockApplication, updateApplication } from "./lock-application.ts";
import type { FundApplication } from "./rules.ts";

export type RecoveryBooking =
  | { kind: "recovered"; amountCents: number }
  | { kind: "waived"; amountCents: number; reasons: string };

export type RecordRecoveryOptions = {
  tenantId: string;
  applicationId: string;
  booking: RecoveryBooking;
  /** The form's hidden key: the same submission twice books once. */
  idempotencyKey: string;
  actorPersonId: string;
  now: Date;
};

/** What is still to be reclaimed on a grant in recovery, in cents. */
export const outstandingCents = (a: Pick<FundApplication, "reclaimCents" | "recoveredCents" | "waivedCents">) =>
  (a.reclaimCents ?? 0) - a.recoveredCents - a.waivedCents;

/**
 * Staff book what became of a reclaim: money that came back goes to the fund's account of the grant's year as a
 * `recovery` credit (so `available` rises and `paid` is net of it), or an amount is waived with reasons (it stays
 * spent). Under the application's row lock, then the account's: two bookings at once are decided one after the
 * other, and together they never exceed what was reclaimed (the table's check says so too).
 */
export async function recordRecovery(tx: Tx, o: RecordRecoveryOptions): Promise<FundApplication> {
  const { application, fund } = await lockApplication(tx, o);
  const { fundRecoveries: recoveries } = schema;
  const [repeat] = await tx
    .select({ id: recoveries.id })
    .from(recoveries)
    .where(and(eq(recoveries.tenantId, o.tenantId), eq(recoveries.idempotencyKey, o.idempotencyKey)));
  if (repeat) return application;
  if (application.reportStatus !== "recovery" || application.reclaimCents === null || !application.budgetYear)
    throw new InitiativesError("initiatives.fund-not-in-recovery");
  const { booking } = o;
  const outstanding = outstandingCents(application);
  if (!Number.isSafeInteger(booking.amountCents) || booking.amountCents <= 0 || booking.amountCents > outstanding)
    throw new InitiativesError("initiatives.fund-recovery-above-outstanding", { outstandingCents: outstanding });
  const reasons = booking.kind === "waived" ? booking.reasons.trim() : null;
  if (booking.kind === "waived" && !reasons) throw new InitiativesError("initiatives.fund-recovery-reasons-required");
  let ledgerEntryId: string | null = null;
  if (booking.kind === "recovered") {
    const account = await lockFundYear(tx, fund, application.budgetYear, o.now);
    const { entry } = await postEntry(tx, {
      tenantId: o.tenantId,
      accountId: account.id,
      kind: "recovery",
      movement: { type: "credit" },
      amountCents: booking.amountCents,
      on: dutchDateOf(o.now),
      description: `${application.title}: terugbetaald`,
      reference: application.reference,
      idempotencyKey: `fund-recovery:${o.idempotencyKey}`,
      actorPersonId: o.actorPersonId,
      now: o.now,
    });
    ledgerEntryId = entry.id;
  }
  await insertOnce(
    () =>
      tx
        .insert(recoveries)
        .values({
          tenantId: o.tenantId,
          applicationId: application.id,
          kind: booking.kind,
          amountCents: booking.amountCents,
          reasons,
          ledgerEntryId,
          idempotencyKey: o.idempotencyKey,
          createdById: o.actorPersonId,
          createdAt: o.now,
        })
        .onConflictDoNothing()
        .returning(),
    () =>
      tx
        .select()
        .from(recoveries)
        .where(and(eq(recoveries.tenantId, o.tenantId), eq(recoveries.idempotencyKey, o.idempotencyKey))),
  );
  const updated = await updateApplication(
    tx,
    application,
    booking.kind === "recovered"
      ? { recoveredCents: application.recoveredCents + booking.amountCents }
      : { waivedCents: application.waivedCents + booking.amountCents },
  );
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: `initiatives.fund-recovery-${booking.kind}`,
    subject: application.id,
    details: { amountCents: booking.amountCents, outstandingCents: outstandingCents(updated), reasons },
  });
  return updated;
}
