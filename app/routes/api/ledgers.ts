import { budgetYearOf, isBudgetYear, listAreaBudgets } from "../../../src/domain/area-budgets/index.ts";
import { problem, readMunicipalityForApi, sendList } from "../../api/respond.server.ts";
import { AreaLedger } from "../../api/schemas.ts";
import type { Route } from "./+types/ledgers";

/** `ledgers?year=YYYY`: per area, in cents, what the ledger derives; sums only, never an entry or a name. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const asked = new URL(request.url).searchParams.get("year");
  const year = asked === null ? budgetYearOf(new Date()) : Number(asked);
  if (!/^\d{4}$/.test(asked ?? String(year)) || !isBudgetYear(year)) return problem(400, "year must be YYYY");
  const budgets = await readMunicipalityForApi(context, params.slug, (tx, tenantId) =>
    listAreaBudgets(tx, { tenantId, year }),
  );
  if (!budgets) return problem(404, "Municipality not found");
  return sendList(
    AreaLedger,
    [...budgets].map(([areaId, f]) => ({
      areaId,
      year,
      allocation: f.allocationCents,
      carryOver: f.carryOverCents,
      committed: f.committedCents,
      spent: f.spentCents,
      balance: f.balanceCents,
      available: f.availableCents,
      closed: f.closed,
    })),
  );
}
