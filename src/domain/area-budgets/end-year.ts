import { schema, type Tx } from "../../db/index.ts";
import { accountTotals, postEntry } from "../ledger/index.ts";
import { recordAudit } from "../shared/index.ts";
import { findYearEnd, lockBudget, type YearEnd } from "./budget-account.ts";
import { carryOverAmount, getCarryOverRule } from "./carry-over-rule.ts";
import { AreaBudgetError } from "./errors.ts";
import type { BudgetRef } from "./kinds.ts";

export type EndYearOptions = BudgetRef & { actorPersonId: string | null; now: Date };

/**
 * The turn of an area's budget year: the municipality's carry-over rule is applied to what is still available
 * (open commitments stay in the old year and may still be paid from it), the result is credited to the next year
 * as `carry-over`, and the rest lapses. The old year is locked before the new one, always in that order.
 */
export async function endYear(tx: Tx, o: EndYearOptions): Promise<YearEnd> {
  const closing = await lockBudget(tx, o);
  if (await findYearEnd(tx, o)) throw new AreaBudgetError("area-budgets.already-carried-over", { year: o.year });
  const next = await lockBudget(tx, { ...o, year: o.year + 1 });
  const { availableCents } = await accountTotals(tx, { tenantId: o.tenantId, accountId: closing.id });
  const rule = await getCarryOverRule(tx, o);
  const carriedCents = carryOverAmount(rule, availableCents);
  const [yearEnd] = await tx
    .insert(schema.areaBudgetYearEnds)
    .values({
      tenantId: o.tenantId,
      areaId: o.areaId,
      year: o.year,
      availableCents,
      carriedCents,
      rule: rule.kind,
      rulePercent: rule.kind === "percentage" ? rule.percent : null,
      closedById: o.actorPersonId,
      closedAt: o.now,
    })
    .returning();
  if (carriedCents > 0)
    await postEntry(tx, {
      tenantId: o.tenantId,
      accountId: next.id,
      kind: "carry-over",
      movement: { type: "credit" },
      amountCents: carriedCents,
      on: `${o.year + 1}-01-01`,
      description: `${o.year}`,
      actorPersonId: o.actorPersonId,
      now: o.now,
    });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "area-budgets.year-ended",
    subject: o.areaId,
    details: { year: o.year, availableCents, carriedCents, rule: rule.kind },
  });
  return yearEnd!;
}
