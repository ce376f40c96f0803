import { and, eq, inArray } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { BudgetingError } from "./errors.ts";

/**
 * One area of a round with its budget in whole euros. `areaId` links it to the municipality's area (src/domain/areas);
 * only a round imported from a Pabulib file has areas of its own (null).
 */
export type RoundAreaInput = { areaId?: string | null; name: string; budgetEuros: number };

const MAX_BUDGET_EUROS = 2_000_000_000;

export function checkAreas(areas: readonly RoundAreaInput[]): RoundAreaInput[] {
  if (areas.length === 0) throw new BudgetingError("budgeting.no-areas");
  const names = new Set(areas.map((a) => a.name));
  const linked = areas.flatMap((a) => (a.areaId ? [a.areaId] : []));
  if (names.size !== areas.length || new Set(linked).size !== linked.length) {
    throw new BudgetingError("budgeting.invalid-rules", { reason: "area-twice" });
  }
  if (areas.some((a) => !Number.isInteger(a.budgetEuros) || a.budgetEuros <= 0 || a.budgetEuros > MAX_BUDGET_EUROS)) {
    throw new BudgetingError("budgeting.invalid-rules", { reason: "budget" });
  }
  return [...areas];
}

/** Every linked area must be one of the municipality's own areas; a stranger's id is refused, not stored. */
export async function requireOwnAreas(
  tx: Executor,
  o: { tenantId: string; areas: readonly RoundAreaInput[] },
): Promise<void> {
  const ids = o.areas.flatMap((a) => (a.areaId ? [a.areaId] : []));
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: schema.areas.id })
    .from(schema.areas)
    .where(and(eq(schema.areas.tenantId, o.tenantId), inArray(schema.areas.id, ids)));
  if (found.length !== ids.length) throw new BudgetingError("budgeting.area-not-found");
}
