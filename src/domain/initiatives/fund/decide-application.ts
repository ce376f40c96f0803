import type { Tx } from "../../../db/index.ts";
import { enqueue } from "../../../platform/queue/index.ts";
import { postEntry } from "../../ledger/index.ts";
import { addDays, dutchDateOf, dutchTime, isDomainError, recordAudit } from "../../shared/index.ts";
import { InitiativesError } from "../errors.ts";
import { lockFundYear } from "./fund-account.ts";
import { lockApplication, updateApplication } from "./lock-application.ts";
import { notifyApplicant } from "./notify-applicant.ts";
import { type FundApplication, reportDueOn } from "./rules.ts";

export const FUND_REPORT_REMINDER_JOB = "initiatives.fund-report-reminder";
export const FUND_REPORT_OVERDUE_JOB = "initiatives.fund-report-overdue";
/** Days before the report's due date that the applicant is reminded. */
export const REPORT_REMINDER_DAYS = 14;

export type FundDecision =
  | { outcome: "granted"; amountCents: number; conditions: string }
  | { outcome: "refused"; reasons: string };

export type DecideApplicationOptions = {
  tenantId: string;
  tenantSlug: string;
  applicationId: string;
  decision: FundDecision;
  actorPersonId: string;
  url: string;
  now: Date;
};

/**
 * Grants or refuses a complete application. A grant reserves its amount in the fund's account for the year under
 * the account's row lock (after the application's), so of two grants that each fit but not together the second is
 * refused and the fund's available budget never goes below zero. The report's reminder and its deadline are queued.
 */
export async function decideApplication(tx: Tx, o: DecideApplicationOptions): Promise<FundApplication> {
  const { application, fund } = await lockApplication(tx, o);
  if (application.status !== "in-assessment") throw new InitiativesError("initiatives.fund-not-in-assessment");
  const today = dutchDateOf(o.now);
  const decided = { decidedAt: o.now, decidedOn: today, decidedById: o.actorPersonId };
  let updated: FundApplication;
  if (o.decision.outcome === "refused") {
    updated = await updateApplication(tx, application, { ...decided, status: "refused", reasons: o.decision.reasons });
  } else {
    const { amountCents, conditions } = o.decision;
    if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > application.requestedCents)
      throw new InitiativesError("initiatives.fund-grant-above-request", {
        requestedCents: application.requestedCents,
      });
    const year = Number(today.slice(0, 4));
    const account = await lockFundYear(tx, fund, year, o.now);
    const commitment = await postEntry(tx, {
      tenantId: o.tenantId,
      accountId: account.id,
      kind: "grant",
      movement: { type: "commit" },
      amountCents,
      on: today,
      description: application.title,
      reference: application.reference,
      actorPersonId: o.actorPersonId,
      now: o.now,
    }).catch((error: unknown) => {
      if (isDomainError(error) && error.code === "ledger.insufficient-funds")
        throw new InitiativesError("initiatives.fund-budget-exhausted", error.params);
      throw error;
    });
    const due = reportDueOn(fund, application.activityOn);
    updated = await updateApplication(tx, application, {
      ...decided,
      status: "granted",
      grantedCents: amountCents,
      advancePercent: fund.advancePercent,
      conditions: conditions.trim() || null,
      commitmentId: commitment.entry.id,
      budgetYear: year,
      reportStatus: "due",
      reportDueOn: due,
    });
    const payload = { tenantId: o.tenantId, tenantSlug: o.tenantSlug, applicationId: application.id };
    const remindAt = dutchTime(addDays(due, -REPORT_REMINDER_DAYS), "09:00");
    await enqueue(tx, FUND_REPORT_REMINDER_JOB, payload, {
      runAt: new Date(Math.max(remindAt.getTime(), o.now.getTime())),
    });
    await enqueue(tx, FUND_REPORT_OVERDUE_JOB, payload, { runAt: dutchTime(addDays(due, 1)) });
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: `initiatives.fund-${o.decision.outcome}`,
    subject: application.id,
    details: { grantedCents: updated.grantedCents },
  });
  await notifyApplicant(tx, { fund, application: updated, step: o.decision.outcome, url: o.url, now: o.now });
  return updated;
}
