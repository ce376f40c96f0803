import type { Tx } from "../../../db/index.ts";
import { type JobHandlers, tenantJob } from "../../../platform/queue/index.ts";
import { openOnHold, postEntry } from "../../ledger/index.ts";
import { dutchDateOf, recordAudit } from "../../shared/index.ts";
import { FUND_REPORT_OVERDUE_JOB, FUND_REPORT_REMINDER_JOB } from "./decide-application.ts";
import { lockFundYear } from "./fund-account.ts";
import { lockApplication, updateApplication } from "./lock-application.ts";
import { applicationUrl, notifyApplicant } from "./notify-applicant.ts";

type ReportPayload = { tenantId: string; tenantSlug: string; applicationId: string };

/** Reminds the applicant of the report, once, while it is still due. */
export async function remindReport(tx: Tx, o: ReportPayload & { url: string; now: Date }): Promise<boolean> {
  const { application, fund } = await lockApplication(tx, o);
  if (application.reportStatus !== "due" || application.reminderSentAt) return false;
  await updateApplication(tx, application, { reminderSentAt: o.now });
  await notifyApplicant(tx, {
    fund,
    application,
    step: "report-reminder",
    dueOn: application.reportDueOn,
    url: o.url,
    now: o.now,
  });
  return true;
}

/**
 * The report's term has passed without a report: recovery starts. What the grant still reserved (the unpaid
 * tranches) goes back to the fund; what was paid is to be reclaimed (`reclaimCents`), and staff book what comes
 * back or is waived (`recordRecovery`).
 */
export async function startRecovery(tx: Tx, o: ReportPayload & { url: string; now: Date }): Promise<boolean> {
  const { application, fund } = await lockApplication(tx, o);
  if (application.reportStatus !== "due" || !application.reportDueOn || dutchDateOf(o.now) <= application.reportDueOn)
    return false;
  if (!application.commitmentId || !application.budgetYear || !application.grantedCents) return false;
  const account = await lockFundYear(tx, fund, application.budgetYear, o.now);
  const held = await openOnHold(tx, { tenantId: o.tenantId, holdId: application.commitmentId });
  if (held > 0)
    await postEntry(tx, {
      tenantId: o.tenantId,
      accountId: account.id,
      kind: "grant",
      movement: { type: "release", commitmentId: application.commitmentId },
      amountCents: held,
      on: dutchDateOf(o.now),
      description: `${application.title}: geen verslag`,
      reference: application.reference,
      actorPersonId: null,
      now: o.now,
    });
  await updateApplication(tx, application, {
    reportStatus: "recovery",
    reclaimCents: application.grantedCents - held,
  });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: null,
    action: "initiatives.fund-recovery",
    subject: application.id,
    details: { reclaimCents: application.grantedCents - held, releasedCents: held },
  });
  await notifyApplicant(tx, { fund, application, step: "recovery", url: o.url, now: o.now });
  return true;
}

/** The worker's handlers for the report's reminder and deadline (queued at the grant). */
export function fundJobHandlers(o: { publicUrl: string }): JobHandlers {
  const run = (step: typeof remindReport) =>
    tenantJob<ReportPayload>((tx, payload, now) =>
      step(tx, { ...payload, url: applicationUrl(o.publicUrl, payload.tenantSlug, payload.applicationId), now }),
    );
  return { [FUND_REPORT_REMINDER_JOB]: run(remindReport), [FUND_REPORT_OVERDUE_JOB]: run(startRecovery) };
}
