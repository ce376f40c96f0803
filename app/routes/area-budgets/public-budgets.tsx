import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { TableCell, TableRow } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { listAreaBudgets } from "../../../src/domain/area-budgets/index.ts";
import { cachedTenantBySlug } from "../../../src/domain/tenancy/index.ts";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { budgetAreas, yearAsked } from "../../server/area-budgets.server.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/public-budgets";

/** Every area's budget for a year, for residents: what each got, committed, spent and still has. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { db } = services(context);
  const tenant = await cachedTenantBySlug(db, params.gemeente);
  if (tenant?.kind !== "municipality") notFound();
  const year = yearAsked(request, new Date());
  const rows = await withTenant(db, { tenantId: tenant.id }, async (tx) => {
    const budgets = await listAreaBudgets(tx, { tenantId: tenant.id, year });
    return (await budgetAreas(tx, tenant.id))
      .filter((area) => budgets.has(area.id))
      .map((area) => ({ area: { id: area.id, name: area.name }, figures: budgets.get(area.id)! }));
  });
  return { year, rows, tenantName: tenant.name };
}

export default function PublicBudgetsPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { year, rows, tenantName } = loaderData;
  const title = t("areaBudgets.public.overview", { tenant: tenantName, year: String(year) });
  const money = (cents: number) => formatMoney(locale, cents);
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("areaBudgets.public.overviewLead")}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t("areaBudgets.public.none", { year: String(year) })}</Paragraph>
      ) : (
        <DataTable
          caption={t("areaBudgets.overview.caption", { year: String(year) })}
          columns={[
            t("areaBudgets.csv.area"),
            t("areaBudgets.figures.allocation"),
            t("areaBudgets.figures.committed"),
            t("areaBudgets.figures.spent"),
            t("areaBudgets.figures.available"),
          ]}
        >
          {rows.map(({ area, figures }) => (
            <TableRow key={area.id}>
              <TableCell>
                <Link className="nl-link" to={`/${params.gemeente}/gebiedsbudgetten/${area.id}?jaar=${year}`}>
                  {area.name}
                </Link>
              </TableCell>
              <TableCell className="samenspel-amount">
                {money(figures.allocationCents + figures.carryOverCents)}
              </TableCell>
              <TableCell className="samenspel-amount">{money(figures.committedCents)}</TableCell>
              <TableCell className="samenspel-amount">{money(figures.spentCents)}</TableCell>
              <TableCell className="samenspel-amount">{money(figures.availableCents)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </PageShell>
  );
}
