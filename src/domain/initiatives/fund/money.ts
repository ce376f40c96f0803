import type { Tx } from "../../../db/index.ts";
import { postEntry } from "../../ledger/index.ts";
import { dutchDateOf, recordAudit } from "../../shared/index.ts";
import { InitiativesError } from "../errors.ts";
import type { FundDocument } from "./apply-to-fund.ts";
import { lockFundYear } from "./fund-account.ts";
import { attachFiles, lockApplication, updateApplication } from "./lock-application.ts";
import { advanceCents, type FundApplication } from "./rules.ts";

export type Tranche = "advance" | "final";

export type PayTrancheOptions = {
  tenantId: string;
  applicationId: string;
  tranche: Tranche;
  actorPersonId: string;
  now: Date;
};

/**
 * Pays a tranche of a grant against its commitment: the advance (the fund's share, e.g. 80 %) after the grant, the
 * rest once the report is in, which accepts the report. Each tranche once: its idempotency key names it.
 */
export async function payTranche(tx: Tx, o: PayTrancheOptions): Promise<FundApplication> {
  const { application, fund } = await lockApplication(tx, o);
  if (
    application.status !== "granted" ||
    !application.grantedCents ||
    !application.commitmentId ||
    !application.budgetYear ||
    !application.advancePercent
  )
    throw new InitiativesError("initiatives.fund-not-granted");
  if (application.reportStatus === "recovery") throw new InitiativesError("initiatives.fund-report-closed");
  if (o.tranche === "final" && application.reportStatus !== "received")
    throw new InitiativesError("initiatives.fund-report-not-received");
  // The share fixed at the decision: a later change of the fund's rules does not move this grant's tranches.
  const advance = advanceCents({ advancePercent: application.advancePercent }, application.grantedCents);
  const amountCents = o.tranche === "advance" ? advance : application.grantedCents - advance;
  const account = await lockFundYear(tx, fund, application.budgetYear, o.now);
  if (amountCents > 0) {
    const { created } = await postEntry(tx, {
      tenantId: o.tenantId,
      accountId: account.id,
      kind: "tranche",
      movement: { type: "debit", commitmentId: application.commitmentId },
      amountCents,
      on: dutchDateOf(o.now),
      description: `${application.title} (${o.tranche === "advance" ? "voorschot" : "vaststelling"})`,
      reference: application.reference,
      idempotencyKey: `fund-tranche:${application.id}:${o.tranche}`,
      actorPersonId: o.actorPersonId,
      now: o.now,
    });
    if (!created) throw new InitiativesError("initiatives.fund-tranche-paid");
  }
  const updated =
    o.tranche === "final" ? await updateApplication(tx, application, { reportStatus: "accepted" }) : application;
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "initiatives.fund-tranche-paid",
    subject: application.id,
    details: { tranche: o.tranche, amountCents },
  });
  return updated;
}

export type SubmitReportOptions = {
  tenantId: string;
  applicationId: string;
  applicantId: string;
  text: string;
  /** Receipts and photos, already stored. */
  files: readonly FundDocument[];
  now: Date;
};

/** The applicant's report after the activity, with receipts and photos; in time or late, until recovery starts. */
export async function submitReport(tx: Tx, o: SubmitReportOptions): Promise<FundApplication> {
  const { application } = await lockApplication(tx, o);
  if (application.applicantId !== o.applicantId) throw new InitiativesError("initiatives.fund-not-yours");
  if (application.status !== "granted") throw new InitiativesError("initiatives.fund-not-granted");
  if (application.reportStatus !== "due") throw new InitiativesError("initiatives.fund-report-closed");
  await attachFiles(tx, application, o.files, o.now);
  const updated = await updateApplication(tx, application, {
    reportStatus: "received",
    reportText: o.text,
    reportedAt: o.now,
  });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.applicantId,
    action: "initiatives.fund-reported",
    subject: application.id,
  });
  return updated;
}
