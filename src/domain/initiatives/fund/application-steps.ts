import type { Tx } from "../../../db/index.ts";
import { dutchDateOf, recordAudit } from "../../shared/index.ts";
import { InitiativesError } from "../errors.ts";
import { extendOnce } from "../term-extension.ts";
import type { FundDocument } from "./apply-to-fund.ts";
import { attachFiles, documentPurposes, lockApplication, updateApplication } from "./lock-application.ts";
import { notifyApplicant } from "./notify-applicant.ts";
import { decisionDueOn, extensionTerm, type FundApplication, missingDocuments } from "./rules.ts";

type StepOptions = { tenantId: string; applicationId: string; actorPersonId: string; url: string; now: Date };

/**
 * Staff find a part missing: the application is incomplete again and its term is gone; it starts afresh from the
 * day the applicant completes it (Awb 4:15: the term is suspended until the application is complete).
 */
export async function markIncomplete(tx: Tx, o: StepOptions & { missing: string }): Promise<FundApplication> {
  const { application, fund } = await lockApplication(tx, o);
  if (application.status !== "in-assessment") throw new InitiativesError("initiatives.fund-not-in-assessment");
  const updated = await updateApplication(tx, application, {
    status: "incomplete",
    missing: o.missing,
    completeOn: null,
    dueOn: null,
    extendedAt: null,
    extensionReason: null,
  });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "initiatives.fund-marked-incomplete",
    subject: application.id,
  });
  await notifyApplicant(tx, { fund, application: updated, step: "incomplete", url: o.url, now: o.now });
  return updated;
}

/**
 * The applicant adds what was missing (documents, an explanation). Complete once every required document is
 * there: the term starts on that day.
 */
export async function completeApplication(
  tx: Tx,
  o: StepOptions & { documents: readonly FundDocument[]; explanation: string },
): Promise<FundApplication> {
  const { application, fund } = await lockApplication(tx, o);
  if (application.applicantId !== o.actorPersonId) throw new InitiativesError("initiatives.fund-not-yours");
  if (application.status !== "incomplete") throw new InitiativesError("initiatives.fund-not-incomplete");
  const missing = missingDocuments(fund, [
    ...(await documentPurposes(tx, application)),
    ...o.documents.map((d) => d.purpose),
  ]);
  if (missing.length > 0)
    throw new InitiativesError("initiatives.fund-documents-missing", { missing: missing.join(", ") });
  await attachFiles(tx, application, o.documents, o.now);
  const today = dutchDateOf(o.now);
  const explanation = o.explanation.trim();
  const updated = await updateApplication(tx, application, {
    status: "in-assessment",
    missing: null,
    completeOn: today,
    dueOn: decisionDueOn(fund, today),
    description: explanation ? `${application.description}\n\n${explanation}` : application.description,
  });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "initiatives.fund-completed",
    subject: application.id,
  });
  await notifyApplicant(tx, {
    fund,
    application: updated,
    step: "complete",
    dueOn: updated.dueOn,
    url: o.url,
    now: o.now,
  });
  return updated;
}

/** Staff take the fund's one extension of the decision term, with the reason the applicant is mailed. */
export async function extendDecisionTerm(tx: Tx, o: StepOptions & { reason: string }): Promise<FundApplication> {
  const { application, fund } = await lockApplication(tx, o);
  if (application.status !== "in-assessment" || !application.dueOn)
    throw new InitiativesError("initiatives.fund-not-in-assessment");
  if (fund.extensionLength === 0) throw new InitiativesError("initiatives.fund-no-extension");
  const updated = await updateApplication(
    tx,
    application,
    extendOnce({ dueOn: application.dueOn, extendedAt: application.extendedAt }, extensionTerm(fund), o),
  );
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "initiatives.fund-term-extended",
    subject: application.id,
    details: { from: application.dueOn, dueOn: updated.dueOn, reason: updated.extensionReason },
  });
  await notifyApplicant(tx, {
    fund,
    application: updated,
    step: "extended",
    dueOn: updated.dueOn,
    reason: updated.extensionReason,
    url: o.url,
    now: o.now,
  });
  return updated;
}
