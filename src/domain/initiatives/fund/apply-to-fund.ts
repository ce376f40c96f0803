import { and, count, eq } from "drizzle-orm";
import { schema, type Tx } from "../../../db/index.ts";
import { findArea } from "../../areas/index.ts";
import { dutchDateOf, recordAudit } from "../../shared/index.ts";
import { InitiativesError } from "../errors.ts";
import { getFund } from "./fund-account.ts";
import { attachFiles } from "./lock-application.ts";
import { notifyApplicant } from "./notify-applicant.ts";
import {
  decisionDueOn,
  earliestActivityOn,
  type FundApplication,
  missingDocuments,
  ownShareCents,
  requiredOwnShareCents,
} from "./rules.ts";

export type FundDocument = { purpose: string; uploadId: string };

export type ApplyToFundOptions = {
  tenantId: string;
  fundId: string;
  applicantId: string;
  title: string;
  description: string;
  areaId: string | null;
  activityOn: string;
  totalCostCents: number;
  requestedCents: number;
  ownMoneyCents: number;
  ownHours: number;
  /** Already stored uploads, each fulfilling one of the fund's required documents. */
  documents: readonly FundDocument[];
  idempotencyKey: string;
  /** The application's page, for the confirmation mail; made from the id. */
  url: (applicationId: string) => string;
  now: Date;
};

/**
 * A resident applies. The rules that depend on the fund decide here (maximum, lead time, co-financing); an
 * application without every required document is "incomplete" and has no term yet; a complete one gets its
 * decision date at once. The fund row is locked for the reference number; a repeated form returns the first.
 */
export async function applyToFund(tx: Tx, o: ApplyToFundOptions): Promise<FundApplication> {
  const { fundApplications: applications, initiativeFunds: funds } = schema;
  const fund = await getFund(tx, o);
  await tx
    .select({ id: funds.id })
    .from(funds)
    .where(and(eq(funds.tenantId, o.tenantId), eq(funds.id, fund.id)))
    .for("update");
  const [repeat] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.tenantId, o.tenantId), eq(applications.idempotencyKey, o.idempotencyKey)));
  if (repeat) return repeat;

  const today = dutchDateOf(o.now);
  if (o.requestedCents > fund.maxPerApplicationCents)
    throw new InitiativesError("initiatives.fund-above-maximum", { maxCents: fund.maxPerApplicationCents });
  const earliest = earliestActivityOn(fund, today);
  if (o.activityOn < earliest) throw new InitiativesError("initiatives.fund-lead-time", { earliest });
  const ownRequired = requiredOwnShareCents(fund, o.totalCostCents);
  if (ownShareCents(fund, o) < ownRequired)
    throw new InitiativesError("initiatives.fund-co-financing", { requiredCents: ownRequired });
  if (o.areaId && !(await findArea(tx, { tenantId: o.tenantId, areaId: o.areaId })))
    throw new InitiativesError("initiatives.fund-area-not-found");

  const [earlier] = await tx
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.tenantId, o.tenantId), eq(applications.applicantId, o.applicantId)));
  const [numbered] = await tx
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.tenantId, o.tenantId), eq(applications.fundId, fund.id)));
  const missing = missingDocuments(
    fund,
    o.documents.map((d) => d.purpose),
  );
  const complete = missing.length === 0;
  const [application] = await tx
    .insert(applications)
    .values({
      tenantId: o.tenantId,
      fundId: fund.id,
      reference: `${fund.slug.slice(0, 3).toUpperCase()}-${today.slice(0, 4)}-${String((numbered?.n ?? 0) + 1).padStart(4, "0")}`,
      applicantId: o.applicantId,
      firstTime: (earlier?.n ?? 0) === 0,
      areaId: o.areaId,
      title: o.title,
      description: o.description,
      activityOn: o.activityOn,
      totalCostCents: o.totalCostCents,
      requestedCents: o.requestedCents,
      ownMoneyCents: o.ownMoneyCents,
      ownHours: o.ownHours,
      status: complete ? "in-assessment" : "incomplete",
      missing: complete ? null : missing.join("\n"),
      submittedAt: o.now,
      completeOn: complete ? today : null,
      dueOn: complete ? decisionDueOn(fund, today) : null,
      idempotencyKey: o.idempotencyKey,
    })
    .returning();
  await attachFiles(tx, application!, o.documents, o.now);
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.applicantId,
    action: "initiatives.fund-applied",
    subject: application!.id,
    details: { fundId: fund.id, status: application!.status },
  });
  await notifyApplicant(tx, {
    fund,
    application: application!,
    step: complete ? "complete" : "incomplete",
    dueOn: application!.dueOn,
    url: o.url(application!.id),
    now: o.now,
  });
  return application!;
}
