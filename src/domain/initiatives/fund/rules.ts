import type { schema } from "../../../db/index.ts";
import { addDays, dueOn, type Term, type TermUnit } from "../../shared/index.ts";

export type Fund = typeof schema.initiativeFunds.$inferSelect;
export type FundApplication = typeof schema.fundApplications.$inferSelect;

/** A fund's rules as staff set them; amounts in cents, terms in the decision term's unit. */
export type FundRules = {
  maxPerApplicationCents: number;
  yearlyBudgetCents: number;
  coFinancingPercent: number | null;
  hourValueCents: number | null;
  leadTimeDays: number;
  decisionTermLength: number;
  decisionTermUnit: TermUnit;
  extensionLength: number;
  intake: "continuous" | "decision-dates";
  decisionDates: string[];
  criteria: string[];
  requiredDocuments: string[];
  advancePercent: number;
  reportTermWeeks: number;
};

/** The ledger account kind of a fund: one account per fund and year. */
export const INITIATIVE_FUND = "initiative-fund";

export const decisionTerm = (fund: FundRules): Term => ({
  length: fund.decisionTermLength,
  unit: fund.decisionTermUnit,
});

/**
 * The day a complete application must be decided on. Continuous intake: the decision term from the day it was
 * complete. Fixed decision dates: the first decision date after that day, or the term when none is left.
 */
export function decisionDueOn(fund: FundRules, completeOn: string): string {
  if (fund.intake === "decision-dates") {
    const next = [...fund.decisionDates].sort().find((date) => date > completeOn);
    if (next) return next;
  }
  return dueOn(completeOn, decisionTerm(fund));
}

/** The fund's one extension, in the decision term's unit (`extendOnce` counts it from the day the term would end). */
export const extensionTerm = (fund: FundRules): Term => ({ length: fund.extensionLength, unit: fund.decisionTermUnit });

/** The first day an activity may take place when applying on `today`. */
export const earliestActivityOn = (fund: FundRules, today: string): string => addDays(today, fund.leadTimeDays);

/** What the initiators must bring themselves for an activity of this cost, in cents (rounded up). */
export const requiredOwnShareCents = (fund: FundRules, totalCostCents: number): number =>
  fund.coFinancingPercent === null ? 0 : Math.ceil((totalCostCents * fund.coFinancingPercent) / 100);

/** Money plus hours at the fund's hour value. */
export const ownShareCents = (fund: FundRules, o: { ownMoneyCents: number; ownHours: number }): number =>
  o.ownMoneyCents + o.ownHours * (fund.hourValueCents ?? 0);

/** The advance on a grant at the share fixed when it was decided; the rest is paid after the report. */
export const advanceCents = (grant: { advancePercent: number }, grantedCents: number): number =>
  Math.floor((grantedCents * grant.advancePercent) / 100);

/** Required documents not among the given purposes. */
export const missingDocuments = (fund: FundRules, purposes: Iterable<string>): string[] => {
  const have = new Set(purposes);
  return fund.requiredDocuments.filter((document) => !have.has(document));
};

/** The report is due this many weeks after the activity (a calendar term, extended past weekends and holidays). */
export const reportDueOn = (fund: FundRules, activityOn: string): string =>
  dueOn(activityOn, { length: fund.reportTermWeeks, unit: "weeks" });

/** Refusal reasons in the rules themselves; empty when they hold together. */
export function rulesProblems(rules: FundRules): string[] {
  const problems: string[] = [];
  const whole = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;
  if (!whole(rules.maxPerApplicationCents, 1)) problems.push("maxPerApplication");
  if (!whole(rules.yearlyBudgetCents, 0)) problems.push("yearlyBudget");
  if (rules.coFinancingPercent !== null && !(whole(rules.coFinancingPercent, 1) && rules.coFinancingPercent <= 100))
    problems.push("coFinancing");
  if (rules.hourValueCents !== null && !whole(rules.hourValueCents, 1)) problems.push("hourValue");
  if (!whole(rules.leadTimeDays, 0)) problems.push("leadTime");
  if (!whole(rules.decisionTermLength, 1)) problems.push("decisionTerm");
  if (!whole(rules.extensionLength, 0)) problems.push("extension");
  if (!(whole(rules.advancePercent, 1) && rules.advancePercent <= 100)) problems.push("advance");
  if (!whole(rules.reportTermWeeks, 1)) problems.push("reportTerm");
  if (rules.intake === "decision-dates" && rules.decisionDates.length === 0) problems.push("decisionDates");
  if (rules.decisionDates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) problems.push("decisionDates");
  return problems;
}
