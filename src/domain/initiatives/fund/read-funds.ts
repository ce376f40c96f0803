import { and, asc, desc, eq, sql } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../../db/index.ts";
import { accountTotals, listEntries } from "../../ledger/index.ts";
import { InitiativesError } from "../errors.ts";
import type { Assessment } from "./assess-application.ts";
import { findFundYear } from "./fund-account.ts";
import type { Fund, FundApplication } from "./rules.ts";

/**
 * A fund's money in one year, in cents: what the ledger derives, sums only. Money recovered after a missed report
 * is a credit of kind `recovery`: it is taken off `paid` and off `granted`, and it is available again, so
 * `budget − granted = available` holds while every grant's hold is open or released.
 */
export type FundFigures = { year: number; budget: number; granted: number; paid: number; available: number };

export async function fundFigures(tx: Tx, fund: Fund, year: number): Promise<FundFigures> {
  const account = await findFundYear(tx, fund, year);
  if (!account) return { year, budget: fund.yearlyBudgetCents, granted: 0, paid: 0, available: fund.yearlyBudgetCents };
  const totals = await accountTotals(tx, { tenantId: fund.tenantId, accountId: account.id });
  const { fundApplications: applications } = schema;
  const [granted] = await tx
    // A grant in recovery counts for what was paid and did not come back; a waived amount stays granted.
    .select({
      cents: sql<number>`coalesce(sum(case when ${applications.reclaimCents} is null then ${applications.grantedCents}
        else ${applications.reclaimCents} - ${applications.recoveredCents} end), 0)`.mapWith(Number),
    })
    .from(applications)
    .where(
      and(
        eq(applications.tenantId, fund.tenantId),
        eq(applications.fundId, fund.id),
        eq(applications.budgetYear, year),
        eq(applications.status, "granted"),
      ),
    );
  return {
    year,
    budget: totals.byKind.budget ?? 0,
    granted: granted?.cents ?? 0,
    paid: totals.debitsCents - (totals.byKind.recovery ?? 0),
    available: totals.availableCents,
  };
}

export async function listFunds(tx: Tx, o: { tenantId: string }): Promise<Fund[]> {
  const { initiativeFunds: funds } = schema;
  return tx.select().from(funds).where(eq(funds.tenantId, o.tenantId)).orderBy(asc(funds.name));
}

export type ApplicationSummary = Pick<
  FundApplication,
  "id" | "reference" | "title" | "status" | "requestedCents" | "grantedCents" | "dueOn" | "activityOn" | "reportStatus"
> & { assessments: number };

/** A fund's applications, newest first, each with how many assessors scored it. */
export async function listApplications(tx: Tx, o: { tenantId: string; fundId: string }): Promise<ApplicationSummary[]> {
  const { fundApplications: a, fundAssessments: s } = schema;
  return tx
    .select({
      id: a.id,
      reference: a.reference,
      title: a.title,
      status: a.status,
      requestedCents: a.requestedCents,
      grantedCents: a.grantedCents,
      dueOn: a.dueOn,
      activityOn: a.activityOn,
      reportStatus: a.reportStatus,
      assessments:
        sql<number>`(select count(*) from ${s} where ${s.applicationId} = ${a.id} and ${s.tenantId} = ${a.tenantId} and not ${s.conflict})`.mapWith(
          Number,
        ),
    })
    .from(a)
    .where(and(eq(a.tenantId, o.tenantId), eq(a.fundId, o.fundId)))
    .orderBy(desc(a.submittedAt));
}

/** The applications of one person in a municipality, for their own overview. */
export async function listMyApplications(tx: Tx, o: { tenantId: string; applicantId: string }) {
  const { fundApplications: a, initiativeFunds: f } = schema;
  return tx
    .select({ id: a.id, reference: a.reference, title: a.title, status: a.status, fund: f.name })
    .from(a)
    .innerJoin(f, and(eq(f.tenantId, a.tenantId), eq(f.id, a.fundId)))
    .where(and(eq(a.tenantId, o.tenantId), eq(a.applicantId, o.applicantId)))
    .orderBy(desc(a.submittedAt));
}

export type ApplicationFile = { id: string; purpose: string; uploadId: string; fileName: string };
export type Payment = { id: string; on: string; amountCents: number; description: string };

export type RecoveryLine = {
  id: string;
  kind: "recovered" | "waived";
  amountCents: number;
  reasons: string | null;
  at: Date;
};

export type ApplicationDetail = {
  fund: Fund;
  application: FundApplication;
  files: ApplicationFile[];
  assessments: Array<Assessment & { assessorName: string }>;
  payments: Payment[];
  paidCents: number;
  recoveries: RecoveryLine[];
};

/** One application with its files, its assessments (by name, for staff) and the tranches paid on it. */
export async function getApplication(
  tx: Tx,
  o: { tenantId: string; applicationId: string },
): Promise<ApplicationDetail> {
  const { fundApplications: a, fundApplicationFiles: files, fundAssessments: s, uploads, people } = schema;
  const [application] = await tx
    .select()
    .from(a)
    .where(and(eq(a.tenantId, o.tenantId), eq(a.id, o.applicationId)));
  if (!application) throw new InitiativesError("initiatives.fund-application-not-found");
  const [fund] = await tx
    .select()
    .from(schema.initiativeFunds)
    .where(and(eq(schema.initiativeFunds.tenantId, o.tenantId), eq(schema.initiativeFunds.id, application.fundId)));
  const fileRows = await tx
    .select({ id: files.id, purpose: files.purpose, uploadId: files.uploadId, fileName: uploads.fileName })
    .from(files)
    .innerJoin(uploads, eq(uploads.id, files.uploadId))
    .where(and(eq(files.tenantId, o.tenantId), eq(files.applicationId, application.id)))
    .orderBy(asc(files.createdAt));
  const assessments = await tx
    .select({ assessment: s, assessorName: people.displayName })
    .from(s)
    .innerJoin(people, eq(people.id, s.assessorId))
    .where(and(eq(s.tenantId, o.tenantId), eq(s.applicationId, application.id)))
    .orderBy(asc(s.assessedAt), asc(people.displayName), asc(s.id));
  let payments: Payment[] = [];
  if (application.commitmentId && application.budgetYear && fund) {
    const account = await findFundYear(tx, fund, application.budgetYear);
    if (account)
      payments = (await listEntries(tx, { tenantId: o.tenantId, accountId: account.id }))
        .filter((e) => e.effect === "debit" && e.holdId === application.commitmentId && !e.reversed && !e.reversesId)
        .map((e) => ({ id: e.id, on: e.on, amountCents: e.amountCents, description: e.description }));
  }
  const { fundRecoveries: r } = schema;
  const recoveries = await tx
    .select({ id: r.id, kind: r.kind, amountCents: r.amountCents, reasons: r.reasons, at: r.createdAt })
    .from(r)
    .where(and(eq(r.tenantId, o.tenantId), eq(r.applicationId, application.id)))
    .orderBy(asc(r.createdAt), asc(r.id));
  return {
    recoveries,
    fund: fund!,
    application,
    files: fileRows,
    assessments: assessments.map((r) => ({ ...r.assessment, assessorName: r.assessorName })),
    payments,
    paidCents: payments.reduce((sum, p) => sum + p.amountCents, 0),
  };
}

/**
 * Whether an upload is a document of some fund application or its report (a budget, a plan, a receipt). It is what
 * the fund committee may open: the files of the applications it assesses, not the municipality's other internal
 * files (a council's ledger receipts, advice before it is public).
 */
export async function isFundApplicationFile(tx: Executor, o: { tenantId: string; uploadId: string }): Promise<boolean> {
  const { fundApplicationFiles: files } = schema;
  const [found] = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.tenantId, o.tenantId), eq(files.uploadId, o.uploadId)))
    .limit(1);
  return found !== undefined;
}
