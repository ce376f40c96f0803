import { withTenant } from "../../../src/db/index.ts";
import { listYearEntries } from "../../../src/domain/area-budgets/index.ts";
import { translator } from "../../i18n/catalogue.ts";
import { budgetAreas, yearAsked } from "../../server/area-budgets.server.ts";
import { services } from "../../server/context.ts";
import { localeOf } from "../../server/locale.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { toCsv } from "../../server/spreadsheet.server.ts";
import type { Route } from "./+types/export";

/**
 * Every entry of every area's budget in a year, for the finance department: semicolons, a BOM, the Dutch decimal
 * comma. Amounts carry their sign as the balance sees them (a spend is negative; a commitment reserves, positive;
 * its release is negative); a correction is a line of its own, marked as such.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "area-budgets:manage");
  const year = yearAsked(request, new Date());
  const { lines, areas } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => {
      const lines = await listYearEntries(tx, { tenantId: tenant.id, year });
      const areas = await budgetAreas(tx, tenant.id, new Set(lines.map((line) => line.areaId)));
      return { lines, areas: new Map(areas.map((area) => [area.id, area])) };
    },
  );
  const t = translator(await localeOf(request));
  const yesNo = (value: boolean) => t(value ? "areaBudgets.yes" : "areaBudgets.no");
  const header = [
    t("areaBudgets.csv.areaCode"),
    t("areaBudgets.csv.area"),
    t("areaBudgets.csv.year"),
    t("areaBudgets.csv.date"),
    t("areaBudgets.csv.kind"),
    t("areaBudgets.csv.category"),
    t("areaBudgets.csv.description"),
    t("areaBudgets.csv.reference"),
    t("areaBudgets.csv.amount"),
    t("areaBudgets.csv.correction"),
    t("areaBudgets.csv.receipt"),
    t("areaBudgets.csv.entry"),
  ];
  const rows = lines.map((line) => [
    areas.get(line.areaId)?.code ?? "",
    areas.get(line.areaId)?.name ?? line.areaId,
    year,
    line.on,
    line.effect === "hold" && line.amountCents < 0 !== line.isReversal
      ? t("areaBudgets.csv.release")
      : t(`areaBudgets.kind.${line.kind as "allocation"}`),
    line.category ? t(`areaBudgets.category.${line.category as "other"}`) : "",
    line.description,
    line.reference ?? "",
    { cents: line.effect === "debit" ? -line.amountCents : line.amountCents },
    yesNo(line.isReversal),
    yesNo(line.hasReceipt),
    line.id,
  ]);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gebiedsbudgetten-${tenant.slug}-${year}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
