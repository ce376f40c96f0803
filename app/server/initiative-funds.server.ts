import { data } from "react-router";
import { type Tx, withTenant } from "../../src/db/index.ts";
import {
  type Fund,
  type FundDocument,
  findFundBySlug,
  fundFairness,
  type InitiativeFundErrorCode,
} from "../../src/domain/initiatives/index.ts";
import { dutchDateOf } from "../../src/domain/shared/index.ts";
import { cachedTenantBySlug } from "../../src/domain/tenancy/index.ts";
import { receiptTypes, storeUpload, type UploadErrorCode } from "../../src/platform/uploads/index.ts";
import { services } from "./context.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";
import { notFound } from "./http.server.ts";
import { readMultipartForm, type SubmittedFile } from "./uploads.server.ts";

/** Every refusal of a fund's form, with its status and plain-language message. */
export const fundErrors = {
  "initiatives.fund-not-found": { status: 404, message: "funds.error.fundNotFound" },
  "initiatives.fund-slug-taken": { status: 409, message: "funds.error.slugTaken", field: "slug" },
  "initiatives.fund-rules-invalid": { status: 400, message: "funds.error.rules" },
  "initiatives.fund-area-not-found": { status: 400, message: "funds.error.area", field: "area" },
  "initiatives.fund-above-maximum": { status: 422, message: "funds.error.aboveMaximum", field: "requested" },
  "initiatives.fund-lead-time": { status: 422, message: "funds.error.leadTime", field: "activityOn" },
  "initiatives.fund-co-financing": { status: 422, message: "funds.error.coFinancing", field: "ownMoney" },
  "initiatives.fund-application-not-found": { status: 404, message: "funds.error.applicationNotFound" },
  "initiatives.fund-not-incomplete": { status: 409, message: "funds.error.notIncomplete" },
  "initiatives.fund-documents-missing": { status: 422, message: "funds.error.documentsMissing" },
  "initiatives.fund-not-in-assessment": { status: 409, message: "funds.error.notInAssessment" },
  "initiatives.fund-scores-invalid": { status: 400, message: "funds.error.scores" },
  "initiatives.fund-assessor-conflicted": { status: 409, message: "funds.error.conflicted" },
  "initiatives.fund-grant-above-request": { status: 422, message: "funds.error.grantAboveRequest", field: "amount" },
  "initiatives.fund-budget-exhausted": { status: 409, message: "funds.error.budgetExhausted", field: "amount" },
  "initiatives.term-already-extended": { status: 409, message: "funds.error.alreadyExtended" },
  "initiatives.reason-required": { status: 400, message: "form.required", field: "reason" },
  "initiatives.fund-no-extension": { status: 409, message: "funds.error.noExtension" },
  "initiatives.fund-not-granted": { status: 409, message: "funds.error.notGranted" },
  "initiatives.fund-tranche-paid": { status: 409, message: "funds.error.tranchePaid" },
  "initiatives.fund-report-not-received": { status: 409, message: "funds.error.reportNotReceived" },
  "initiatives.fund-report-closed": { status: 409, message: "funds.error.reportClosed" },
  "initiatives.fund-not-yours": { status: 403, message: "funds.error.notYours" },
  "initiatives.fund-not-in-recovery": { status: 409, message: "funds.error.notInRecovery" },
  "initiatives.fund-recovery-above-outstanding": {
    status: 422,
    message: "funds.error.recoveryAboveOutstanding",
    field: "amount",
  },
  "initiatives.fund-recovery-reasons-required": { status: 400, message: "form.required", field: "reasons" },
  "uploads.empty": { status: 400, message: "funds.error.upload.empty" },
  "uploads.too-large": { status: 413, message: "funds.error.upload.tooLarge" },
  "uploads.type-not-allowed": { status: 415, message: "funds.error.upload.type" },
  "uploads.alt-text-required": { status: 400, message: "funds.error.upload.type" },
} as const satisfies Record<InitiativeFundErrorCode | UploadErrorCode, DomainErrorAnswer>;

/** A fund's multipart form; a body that is no form at all is a 400, never a 500. */
export async function readFundForm(request: Request): Promise<FormData> {
  try {
    return await readMultipartForm(request);
  } catch (error) {
    if (error instanceof TypeError) throw data(null, { status: 400 });
    throw error;
  }
}

/** The chosen files of the form's `field-0`, `field-1`, … (one per required document) or of a multiple `field`. */
export async function filesIn(form: FormData, field: string): Promise<Array<SubmittedFile & { field: string }>> {
  const files: Array<SubmittedFile & { field: string }> = [];
  for (const [name, value] of form) {
    if ((name !== field && !name.startsWith(`${field}-`)) || !(value instanceof File)) continue;
    if (value.size === 0 && value.name === "") continue;
    files.push({ field: name, bytes: new Uint8Array(await value.arrayBuffer()), name: value.name });
  }
  return files;
}

/** Stores files for an application (internal: only staff, assessors and the applicant's own pages link them). */
export async function storeFundFiles(
  tx: Tx,
  o: { tenantId: string; actorPersonId: string; now: Date },
  files: ReadonlyArray<SubmittedFile & { purpose: string }>,
): Promise<FundDocument[]> {
  const stored: FundDocument[] = [];
  for (const file of files) {
    const upload = await storeUpload(tx, {
      tenantId: o.tenantId,
      bytes: file.bytes,
      fileName: file.name,
      accept: receiptTypes,
      visibility: "internal",
      actorPersonId: o.actorPersonId,
      now: o.now,
    });
    stored.push({ purpose: file.purpose, uploadId: upload.id });
  }
  return stored;
}

/** The municipality of a public fund page, or a 404. */
export async function municipalityOf(context: Parameters<typeof services>[0], slug: string) {
  const tenant = await cachedTenantBySlug(services(context).db, slug);
  if (tenant?.kind !== "municipality") notFound();
  return tenant;
}

/** A fund's rules in a reader's words: the facts a resident needs before applying. */
export function rulesSummary(fund: Fund) {
  return {
    maxCents: fund.maxPerApplicationCents,
    coFinancingPercent: fund.coFinancingPercent,
    hourValueCents: fund.hourValueCents,
    leadTimeDays: fund.leadTimeDays,
    term: { length: fund.decisionTermLength, unit: fund.decisionTermUnit, extension: fund.extensionLength },
    intake: fund.intake,
    decisionDates: fund.decisionDates,
    criteria: fund.criteria,
    requiredDocuments: fund.requiredDocuments,
    advancePercent: fund.advancePercent,
    reportTermWeeks: fund.reportTermWeeks,
  };
}
export type RulesSummary = ReturnType<typeof rulesSummary>;

/** The year a fairness page asks for (`?jaar=2026`), this Dutch year when none; a 404 for anything else. */
export function fairnessYear(request: Request, now: Date): number {
  const asked = new URL(request.url).searchParams.get("jaar");
  if (asked === null || asked === "") return Number(dutchDateOf(now).slice(0, 4));
  if (!/^\d{4}$/.test(asked) || Number(asked) < 2000 || Number(asked) > 2100) notFound();
  return Number(asked);
}

/** A fund's fairness figures for a year, read in its municipality; a 404 for an unknown fund. */
export async function readFairness(
  context: Parameters<typeof services>[0],
  gemeente: string,
  slug: string,
  year: number,
) {
  const tenant = await municipalityOf(context, gemeente);
  const found = await withTenant(services(context).db, { tenantId: tenant.id }, async (tx) => {
    const fund = await findFundBySlug(tx, { tenantId: tenant.id, slug });
    return fund ? { fund, fairness: await fundFairness(tx, { fund, year }) } : undefined;
  });
  if (!found) notFound();
  return { tenant, ...found };
}
