import type { Executor } from "../../src/db/index.ts";
import type { AreaBudgetErrorCode } from "../../src/domain/area-budgets/index.ts";
import { budgetYearOf, isBudgetYear } from "../../src/domain/area-budgets/index.ts";
import { listAreas } from "../../src/domain/areas/index.ts";
import type { UploadErrorCode } from "../../src/platform/uploads/index.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";
import { notFound } from "./http.server.ts";

/** Every refusal of an area-budget form, with its status and plain-language message. */
export const areaBudgetErrors = {
  "ledger.insufficient-funds": { status: 409, message: "areaBudgets.error.insufficientFunds", field: "amount" },
  "ledger.amount-invalid": { status: 400, message: "areaBudgets.error.amount", field: "amount" },
  "ledger.account-not-found": { status: 404, message: "areaBudgets.error.accountNotFound" },
  "ledger.commitment-not-found": { status: 404, message: "areaBudgets.error.commitmentNotFound", field: "commitment" },
  "ledger.release-exceeds-commitment": { status: 409, message: "areaBudgets.error.releaseExceeds" },
  "ledger.entry-not-found": { status: 404, message: "areaBudgets.error.entryNotFound" },
  "ledger.entry-already-reversed": { status: 409, message: "areaBudgets.error.alreadyReversed" },
  "ledger.reversal-not-reversible": { status: 409, message: "areaBudgets.error.reversalNotReversible" },
  "ledger.commitment-in-use": { status: 409, message: "areaBudgets.error.commitmentInUse" },
  "ledger.reverse-the-spend": { status: 409, message: "areaBudgets.error.reverseTheSpend" },
  "area-budgets.year-closed": { status: 409, message: "areaBudgets.error.yearClosed" },
  "area-budgets.already-carried-over": { status: 409, message: "areaBudgets.error.alreadyCarriedOver" },
  "area-budgets.percentage-invalid": { status: 400, message: "areaBudgets.error.percentage", field: "percent" },
  "area-budgets.not-an-area-budget": { status: 404, message: "areaBudgets.error.notThisBudget" },
  "uploads.empty": { status: 400, message: "areaBudgets.error.upload.empty", field: "receipt" },
  "uploads.too-large": { status: 413, message: "areaBudgets.error.upload.tooLarge", field: "receipt" },
  "uploads.type-not-allowed": { status: 415, message: "areaBudgets.error.upload.type", field: "receipt" },
  "uploads.alt-text-required": { status: 400, message: "areaBudgets.error.upload.altText", field: "receipt" },
} as const satisfies Record<AreaBudgetErrorCode | UploadErrorCode, DomainErrorAnswer>;

/** The year a page asks for (`?jaar=2026`), this Dutch year when none; a 404 for anything else. */
export function yearAsked(request: Request, now: Date): number {
  const asked = new URL(request.url).searchParams.get("jaar");
  if (asked === null || asked === "") return budgetYearOf(now);
  const year = Number(asked);
  if (!/^\d{4}$/.test(asked) || !isBudgetYear(year)) notFound();
  return year;
}

export type BudgetArea = { id: string; code: string; name: string };

/**
 * The areas that hold budgets: the municipality's kernen or wijken, and any other area (a buurt) that has one in the
 * year. Keyed on areas until councils land; a council's budget is its area's.
 */
export async function budgetAreas(
  tx: Executor,
  tenantId: string,
  withBudget: ReadonlySet<string> = new Set(),
): Promise<BudgetArea[]> {
  return (await listAreas(tx, { tenantId }))
    .filter((area) => area.kind === "kern" || area.kind === "wijk" || withBudget.has(area.id))
    .map(({ id, code, name }) => ({ id, code, name }));
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });

/** Today's Dutch calendar date (YYYY-MM-DD), for a correction's booking date. */
export const todayOn = (now: Date): string => dayFormat.format(now);
