import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../../db/index.ts";
import { dutchDateOf, recordAudit } from "../../shared/index.ts";
import { InitiativesError } from "../errors.ts";
import { findFundYear } from "./fund-account.ts";
import { type Fund, type FundRules, rulesProblems } from "./rules.ts";

export type UpdateFundOptions = FundRules & {
  tenantId: string;
  fundId: string;
  name: string;
  description: string;
  actorPersonId: string;
  now: Date;
};

/** What a change of rules did: the fund as it is now, and the first year its new yearly budget applies to. */
export type FundUpdate = { fund: Fund; changed: string[]; budgetFromYear: number | null };

const ruleKeys = [
  "name",
  "description",
  "maxPerApplicationCents",
  "yearlyBudgetCents",
  "coFinancingPercent",
  "hourValueCents",
  "leadTimeDays",
  "decisionTermLength",
  "decisionTermUnit",
  "extensionLength",
  "intake",
  "decisionDates",
  "criteria",
  "requiredDocuments",
  "advancePercent",
  "reportTermWeeks",
] as const satisfies ReadonlyArray<keyof Fund>;

/**
 * Changes a fund's rules for what comes next; what was decided stays as decided. Nothing here touches an
 * application: a term that runs keeps the due date it got when the application was complete, a grant keeps its
 * amount, advance share and report date (all on the application's row), and scores keep the criteria they were
 * given on. A new yearly budget applies from the first year whose account is not open yet (ADR 0022: a running
 * year is corrected in the ledger, not by editing the rule). The fund's row is locked, so two staff saving at once
 * are applied one after the other, and the audit line lists what changed, from what to what.
 */
export async function updateFund(tx: Tx, o: UpdateFundOptions): Promise<FundUpdate> {
  const problems = rulesProblems(o);
  if (problems.length > 0) throw new InitiativesError("initiatives.fund-rules-invalid", { rules: problems.join(",") });
  const { initiativeFunds: funds } = schema;
  const [before] = await tx
    .select()
    .from(funds)
    .where(and(eq(funds.tenantId, o.tenantId), eq(funds.id, o.fundId)))
    .for("update");
  if (!before) throw new InitiativesError("initiatives.fund-not-found");
  const next = { ...o, decisionDates: [...o.decisionDates].sort() };
  const changed = ruleKeys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
  if (changed.length === 0) return { fund: before, changed, budgetFromYear: null };
  const values = Object.fromEntries(changed.map((key) => [key, next[key]]));
  const [fund] = await tx
    .update(funds)
    .set(values)
    .where(and(eq(funds.tenantId, o.tenantId), eq(funds.id, o.fundId)))
    .returning();
  const budgetFromYear = changed.includes("yearlyBudgetCents") ? await fundBudgetFromYear(tx, fund!, o.now) : null;
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "initiatives.fund-rules-changed",
    subject: fund!.id,
    details: {
      changed: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: next[key] }])),
      ...(budgetFromYear === null ? {} : { budgetFromYear }),
    },
  });
  return { fund: fund!, changed, budgetFromYear };
}

/** The first year, from this one on, whose account is not open yet: a changed yearly budget applies from there. */
export async function fundBudgetFromYear(tx: Tx, fund: Fund, now: Date): Promise<number> {
  let year = Number(dutchDateOf(now).slice(0, 4));
  while (await findFundYear(tx, fund, year)) year += 1;
  return year;
}
