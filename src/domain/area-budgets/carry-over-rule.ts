import { eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { AreaBudgetError } from "./errors.ts";

export type CarryOverRule = { kind: "none" } | { kind: "percentage"; percent: number } | { kind: "all" };

/** Without a decision of its own, a municipality lets unused money lapse at the turn of the year. */
const DEFAULT_RULE: CarryOverRule = { kind: "none" };

export async function getCarryOverRule(tx: Executor, o: { tenantId: string }): Promise<CarryOverRule> {
  const [row] = await tx.select().from(schema.areaBudgetRules).where(eq(schema.areaBudgetRules.tenantId, o.tenantId));
  if (!row) return DEFAULT_RULE;
  return row.carryOver === "percentage"
    ? { kind: "percentage", percent: row.carryOverPercent ?? 0 }
    : { kind: row.carryOver };
}

export async function setCarryOverRule(
  tx: Tx,
  o: { tenantId: string; rule: CarryOverRule; actorPersonId: string | null; now: Date },
): Promise<void> {
  const percent = o.rule.kind === "percentage" ? o.rule.percent : null;
  if (percent !== null && !(Number.isInteger(percent) && percent >= 1 && percent <= 99))
    throw new AreaBudgetError("area-budgets.percentage-invalid");
  const values = { carryOver: o.rule.kind, carryOverPercent: percent, updatedAt: o.now };
  await tx
    .insert(schema.areaBudgetRules)
    .values({ tenantId: o.tenantId, ...values })
    .onConflictDoUpdate({ target: schema.areaBudgetRules.tenantId, set: values });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "area-budgets.carry-over-rule-set",
    details: { rule: o.rule.kind, percent },
  });
}

/** What carries into the next year: the rule applied to what was still available, in whole cents rounded down. */
export function carryOverAmount(rule: CarryOverRule, availableCents: number): number {
  if (availableCents <= 0 || rule.kind === "none") return 0;
  if (rule.kind === "all") return availableCents;
  return Math.floor((availableCents * rule.percent) / 100);
}
