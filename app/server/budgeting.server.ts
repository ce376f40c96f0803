import { data, type RouterContextProvider } from "react-router";
import { withPlatform, withTenant } from "../../src/db/index.ts";
import type { BudgetingErrorCode } from "../../src/domain/budgeting/index.ts";
import { hitRateLimit } from "../../src/domain/identity/index.ts";
import { isDomainError, type PhaseErrorCode } from "../../src/domain/shared/index.ts";
import { cachedTenantBySlug } from "../../src/domain/tenancy/index.ts";
import type { UploadErrorCode } from "../../src/platform/uploads/index.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { requestState, services } from "./context.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";
import { notFound } from "./http.server.ts";

type Answer = { status: number; message: MessageKey };

/** Every refusal of the budgeting context and of its phases, as a status and a message (typed: none is missed). */
export const budgetingErrors = {
  "budgeting.round-not-found": { status: 404, message: "budgeting.error.roundNotFound" },
  "budgeting.slug-taken": { status: 409, message: "budgeting.error.slugTaken" },
  "budgeting.invalid-rules": { status: 422, message: "budgeting.error.invalidRules" },
  "budgeting.rule-not-for-form": { status: 422, message: "budgeting.error.ruleNotForForm" },
  "budgeting.rules-fixed": { status: 409, message: "budgeting.error.rulesFixed" },
  "budgeting.no-areas": { status: 422, message: "budgeting.error.noAreas" },
  "budgeting.area-not-found": { status: 422, message: "budgeting.error.areaNotFound" },
  "budgeting.plan-not-found": { status: 404, message: "budgeting.error.planNotFound" },
  "budgeting.not-accepting-plans": { status: 409, message: "budgeting.error.notAcceptingPlans" },
  "budgeting.review-closed": { status: 409, message: "budgeting.error.reviewClosed" },
  "budgeting.plan-not-published": { status: 409, message: "budgeting.error.planNotPublished" },
  "budgeting.no-feasible-plans": { status: 409, message: "budgeting.error.noFeasiblePlans" },
  "budgeting.voting-closed": { status: 409, message: "budgeting.error.votingClosed" },
  "budgeting.code-invalid": { status: 422, message: "budgeting.error.codeInvalid" },
  "budgeting.pass-invalid": { status: 422, message: "budgeting.error.passInvalid" },
  "budgeting.email-invalid": { status: 422, message: "form.email" },
  "budgeting.wrong-identification": { status: 409, message: "budgeting.error.wrongIdentification" },
  "budgeting.already-voted": { status: 409, message: "budgeting.error.alreadyVoted" },
  "budgeting.receipt-invalid": { status: 422, message: "budgeting.error.receiptInvalid" },
  "budgeting.ballot-invalid": { status: 422, message: "budgeting.error.ballotInvalid" },
  "budgeting.rate-limited": { status: 429, message: "budgeting.error.rateLimited" },
  "budgeting.not-counted": { status: 409, message: "budgeting.error.notCounted" },
  "budgeting.result-not-ready": { status: 409, message: "budgeting.error.resultNotReady" },
  "budgeting.import-invalid": { status: 422, message: "budgeting.error.importInvalid" },
  "budgeting.paper-closed": { status: 409, message: "budgeting.error.paperClosed" },
  "budgeting.paper-label-invalid": { status: 422, message: "budgeting.error.paperLabel" },
  "budgeting.paper-label-taken": { status: 409, message: "budgeting.error.paperLabelTaken" },
  "budgeting.paper-batch-not-found": { status: 404, message: "budgeting.error.paperBatchNotFound" },
  "budgeting.paper-batch-done": { status: 409, message: "budgeting.error.paperBatchDone" },
  "budgeting.paper-line-invalid": { status: 422, message: "budgeting.error.paperLine" },
  "budgeting.paper-empty": { status: 422, message: "budgeting.error.paperEmpty" },
  "budgeting.paper-third-person": { status: 409, message: "budgeting.error.paperThirdPerson" },
  "budgeting.paper-pending": { status: 409, message: "budgeting.error.paperPending" },
  "budgeting.plan-not-funded": { status: 409, message: "budgeting.error.planNotFunded" },
  "phases.invalid-schedule": { status: 422, message: "budgeting.error.invalidSchedule" },
  "phases.moved-meanwhile": { status: 409, message: "budgeting.error.phaseMovedMeanwhile" },
  "phases.not-adjacent": { status: 422, message: "budgeting.error.phaseNotAdjacent" },
  "phases.no-way-back": { status: 409, message: "budgeting.error.noWayBack" },
  "phases.not-found": { status: 404, message: "budgeting.error.roundNotFound" },
} satisfies Record<BudgetingErrorCode | PhaseErrorCode, Answer>;

/** The new-round form: a refusal names the field it is about where there is one. */
export const roundFormErrors = {
  ...budgetingErrors,
  "budgeting.slug-taken": { ...budgetingErrors["budgeting.slug-taken"], field: "slug" },
  "budgeting.area-not-found": { ...budgetingErrors["budgeting.area-not-found"], field: "areas[0].area" },
  "budgeting.no-areas": { ...budgetingErrors["budgeting.no-areas"], field: "areas[0].area" },
  "budgeting.rule-not-for-form": { ...budgetingErrors["budgeting.rule-not-for-form"], field: "rule" },
} satisfies Record<BudgetingErrorCode | PhaseErrorCode, DomainErrorAnswer>;

/** The plan form: the budgeting refusals, and the upload module's about the photo. */
export const planFormErrors = {
  ...budgetingErrors,
  "budgeting.area-not-found": { ...budgetingErrors["budgeting.area-not-found"], field: "area" },
  "uploads.empty": { status: 400, message: "budgeting.error.photoEmpty", field: "photo" },
  "uploads.too-large": { status: 413, message: "budgeting.error.photoTooLarge", field: "photo" },
  "uploads.type-not-allowed": { status: 415, message: "budgeting.error.photoType", field: "photo" },
  "uploads.alt-text-required": { status: 400, message: "budgeting.error.photoAlt", field: "photoAlt" },
} satisfies Record<BudgetingErrorCode | PhaseErrorCode | UploadErrorCode, DomainErrorAnswer>;

/** A refused ballot's reason (`checkBallot`) as a sentence of its own, with the numbers it carries. */
const ballotReasons: Readonly<Record<string, MessageKey>> = {
  empty: "budgeting.error.ballot.empty",
  twice: "budgeting.error.ballot.twice",
  "unknown-plan": "budgeting.error.ballot.unknownPlan",
  "over-budget": "budgeting.error.overBudget",
  "under-minimum": "budgeting.error.ballot.underMinimum",
  "too-few": "budgeting.error.ballot.tooFew",
  "too-many": "budgeting.error.ballot.tooMany",
  "points-per-plan": "budgeting.error.ballot.pointsPerPlan",
  "too-many-points": "budgeting.error.ballot.tooManyPoints",
};

/** A refusal as the page's answer: the status and the message key with its parameters; anything else rethrows. */
export function budgetingRefusal(error: unknown) {
  const { status, ...answer } = refusalOf(error);
  return data(answer, { status });
}

/** A refusal's status, message key and parameters, for a page that shows it in place; anything else rethrows. */
export function refusalOf(error: unknown): {
  status: number;
  error: MessageKey;
  params: Readonly<Record<string, string | number>>;
} {
  if (!isDomainError(error) || !(error.code in budgetingErrors)) throw error;
  const answer = budgetingErrors[error.code as keyof typeof budgetingErrors];
  const reason = error.code === "budgeting.ballot-invalid" ? String(error.params?.reason ?? "") : "";
  const message = (Object.hasOwn(ballotReasons, reason) && ballotReasons[reason]) || answer.message;
  return { status: answer.status, error: message, params: error.params };
}

/** A loader's read of one round: an unknown round (or batch) is a 404, not an error. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isDomainError(error) && error.code === "budgeting.round-not-found") notFound();
    throw error;
  }
}

/** The municipality of a public budgeting page, or 404. */
export async function municipalityOf(context: Readonly<RouterContextProvider>, slug: string) {
  const tenant = await cachedTenantBySlug(services(context).db, slug);
  if (tenant?.kind !== "municipality") notFound();
  return tenant;
}

export const inTenant = <T>(
  context: Readonly<RouterContextProvider>,
  tenantId: string,
  work: Parameters<typeof withTenant<T>>[2],
) => withTenant(services(context).db, { tenantId }, work);

const WINDOW_SECONDS = 15 * 60;
const WRONG_CODES_PER_WINDOW = 10;

/**
 * Wrong voting codes and receipts are counted per address: after ten in a quarter of an hour the address is refused
 * until the window ends. Right codes cost nothing, so many voters behind one address are never stopped.
 */
export async function guardCodeAttempts<T>(context: Readonly<RouterContextProvider>, attempt: () => Promise<T>) {
  const { db } = services(context);
  const key = `pb-code:ip:${requestState(context).clientIp}`;
  const now = new Date();
  // One read outside a transaction: BEGIN and COMMIT would triple its round trips on every ballot.
  const hits = await db.query.rateLimits.findFirst({ where: (r, { eq }) => eq(r.key, key) });
  const blocked =
    hits !== undefined &&
    hits.hits >= WRONG_CODES_PER_WINDOW &&
    now.getTime() - hits.windowStartedAt.getTime() < WINDOW_SECONDS * 1000;
  if (blocked) {
    const answer = budgetingErrors["budgeting.rate-limited"];
    return data({ error: answer.message, params: {} }, { status: answer.status });
  }
  try {
    return await attempt();
  } catch (error) {
    if (
      isDomainError(error) &&
      (error.code === "budgeting.code-invalid" || error.code === "budgeting.receipt-invalid")
    ) {
      await withPlatform(db, (tx) =>
        hitRateLimit(tx, { key, limit: Number.MAX_SAFE_INTEGER, windowSeconds: WINDOW_SECONDS, now }),
      );
    }
    throw error;
  }
}

/**
 * A budgeting form that did not validate, answered the way these pages show a refusal: its first message above the
 * forms, with status 400. Nothing was changed.
 */
export function budgetingInvalid(submission: { error?: Record<string, string[] | null> | null }) {
  const first = Object.values(submission.error ?? {}).flat()[0];
  return data({ error: (first ?? "form.invalid") as MessageKey, params: {} }, { status: 400 });
}
