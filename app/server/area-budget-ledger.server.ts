import { data, redirect } from "react-router";
import { type Tx, withTenant } from "../../src/db/index.ts";
import {
  getAreaBudget,
  recordCommitment,
  recordExpenditure,
  releaseCommitment,
  reverseBudgetEntry,
} from "../../src/domain/area-budgets/index.ts";
import { newToken } from "../../src/domain/shared/index.ts";
import { receiptTypes, storeUpload } from "../../src/platform/uploads/index.ts";
import { commitmentForm, expenditureForm, releaseForm, reverseForm } from "../forms/area-budgets.ts";
import { areaBudgetErrors, todayOn } from "./area-budgets.server.ts";
import { services } from "./context.ts";
import { forForm, invalidForm, parseIntentForm, replyWithDomainError } from "./forms.server.ts";
import { notFound } from "./http.server.ts";
import { fileIn, readMultipartForm } from "./uploads.server.ts";

type Context = Parameters<typeof services>[0];

/**
 * One area's ledger for a year as a page shows it: the figures, every entry with what can still be done with it,
 * and a fresh key for the forms. The staff's budget page and the council's workspace both show it.
 */
export async function ledgerView(tx: Tx, o: { tenantId: string; areaId: string; year: number }) {
  const budget = await getAreaBudget(tx, o);
  return {
    figures: budget.figures,
    closed: budget.yearEnd !== null,
    entries: budget.entries.map((e) => ({
      id: e.id,
      on: e.on,
      kind: e.kind,
      effect: e.effect,
      amountCents: e.amountCents,
      description: e.description,
      reference: e.reference,
      category: e.category,
      attachmentId: e.attachmentId,
      isReversal: e.reversesId !== null,
      isRelease: e.effect === "hold" && e.holdId !== e.id && e.reversesId === null,
      isCommitment: e.effect === "hold" && e.holdId === e.id,
      caused: e.causedById !== null,
      reversed: e.reversed,
      openCents: e.openCents,
    })),
    formKey: newToken().token,
  };
}

export type LedgerView = Awaited<ReturnType<typeof ledgerView>>;
export type LedgerEntry = LedgerView["entries"][number];

const ledgerForms = {
  commit: commitmentForm,
  spend: expenditureForm,
  release: releaseForm,
  reverse: reverseForm,
} as const;
export type LedgerIntent = keyof typeof ledgerForms;

/**
 * The action behind the ledger's forms, after the page has said who may act: a commitment, a spend with its receipt,
 * a release of what a commitment still holds, and (only with `canManage`) a reversal. `isOpen` checks, in the same
 * transaction, that the area is one this page may book on; `done` is where to go after, with the intent as notice.
 */
export async function actOnLedger(
  request: Request,
  context: Context,
  o: {
    tenantId: string;
    actorPersonId: string;
    areaId: string;
    year: number;
    canManage: boolean;
    isOpen: (tx: Tx) => Promise<boolean>;
    done: (intent: LedgerIntent) => string;
  },
) {
  const formData = await readMultipartForm(request);
  const { intent, submission } = parseIntentForm(formData, ledgerForms);
  if (intent === "reverse" && !o.canManage) throw data(null, { status: 403 });
  const formId =
    intent === "reverse" || intent === "release"
      ? `${intent}-${formData.get(intent === "reverse" ? "entry" : "commitment")}`
      : intent;
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  const receipt = intent === "spend" ? await fileIn(formData, "receipt") : undefined;
  if (intent === "spend" && !receipt)
    return forForm(
      formId,
      invalidForm(submission.reply({ fieldErrors: { receipt: ["areaBudgets.error.receiptRequired"] } })),
    );
  const value = submission.value;
  const now = new Date();
  const ref = { tenantId: o.tenantId, areaId: o.areaId, year: o.year, actorPersonId: o.actorPersonId, now };
  try {
    const found = await withTenant(
      services(context).db,
      { tenantId: o.tenantId, personId: o.actorPersonId },
      async (tx) => {
        if (!(await o.isOpen(tx))) return false;
        if (value.intent === "commit") {
          await recordCommitment(tx, {
            ...ref,
            amountCents: value.amount,
            decidedOn: value.decidedOn,
            minutesReference: value.minutesReference,
            description: value.description,
            idempotencyKey: value.key,
          });
        } else if (value.intent === "spend" && receipt) {
          const stored = await storeUpload(tx, {
            tenantId: o.tenantId,
            bytes: receipt.bytes,
            fileName: receipt.name,
            accept: receiptTypes,
            visibility: "internal",
            actorPersonId: o.actorPersonId,
            now,
          });
          await recordExpenditure(tx, {
            ...ref,
            amountCents: value.amount,
            paidOn: value.paidOn,
            description: value.description,
            category: value.category,
            commitmentId: value.commitment ?? null,
            reference: value.reference ?? null,
            receiptId: stored.id,
            idempotencyKey: value.key,
          });
        } else if (value.intent === "release") {
          await releaseCommitment(tx, {
            ...ref,
            commitmentId: value.commitment,
            reason: value.reason,
            on: todayOn(now),
          });
        } else if (value.intent === "reverse") {
          await reverseBudgetEntry(tx, { ...ref, entryId: value.entry, reason: value.reason, on: todayOn(now) });
        }
        return true;
      },
    );
    if (!found) notFound();
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, areaBudgetErrors));
  }
  return redirect(o.done(intent));
}
