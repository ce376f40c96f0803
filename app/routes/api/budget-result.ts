import { withTenant } from "../../../src/db/index.ts";
import { getResult, getRound } from "../../../src/domain/budgeting/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { cachedTenantBySlug } from "../../../src/domain/tenancy/index.ts";
import { problem, send } from "../../api/respond.server.ts";
import { BudgetResult } from "../../api/schemas.ts";
import { services } from "../../server/context.ts";
import type { Route } from "./+types/budget-result";

/** The published result only: funded plans by reference number per area, from the stored count. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { db } = services(context);
  const tenant = await cachedTenantBySlug(db, params.slug);
  if (tenant?.kind !== "municipality") return problem(404, "Municipality not found");
  const result = await withTenant(db, { tenantId: tenant.id }, async (tx) => {
    try {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.round });
      return await getResult(tx, { tenantId: tenant.id, roundId: round.id, publishedOnly: true });
    } catch (error) {
      if (isDomainError(error)) return undefined;
      throw error;
    }
  });
  if (!result) return problem(404, "No published result");
  const { outcome } = result;
  return send(BudgetResult, {
    rule: outcome.rule,
    areas: outcome.areas.map((area) => {
      const reference = new Map(area.plans.map((p) => [p.id, p.reference]));
      return { area: area.name, budget: area.budgetEuros, selected: area.selected.map((id) => reference.get(id)!) };
    }),
  });
}
