import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { getAccountability } from "../../../src/domain/area-budgets/index.ts";
import { findArea } from "../../../src/domain/areas/index.ts";
import { cachedTenantBySlug } from "../../../src/domain/tenancy/index.ts";
import { BudgetFiguresTable } from "../../components/budget-figures.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { yearAsked } from "../../server/area-budgets.server.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/public-budget";

/**
 * The public account of an area's budget for a year: the figures and what was spent per category. Sums only: no
 * description, receipt, minutes reference or name of whoever booked it reaches this page.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { db } = services(context);
  const tenant = await cachedTenantBySlug(db, params.gemeente);
  if (tenant?.kind !== "municipality") notFound();
  const year = yearAsked(request, new Date());
  const view = await withTenant(db, { tenantId: tenant.id }, async (tx) => {
    const area = await findArea(tx, { tenantId: tenant.id, areaId: params.areaId });
    if (!area || area.kind === "municipality") return undefined;
    return { area, account: await getAccountability(tx, { tenantId: tenant.id, areaId: area.id, year }) };
  });
  if (!view) notFound();
  return { area: { name: view.area.name }, year, ...view.account };
}

export default function PublicBudgetPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { area, year, figures, spentByCategory } = loaderData;
  const title = t("areaBudgets.public.title", { area: area.name, year: String(year) });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("areaBudgets.public.lead", { area: area.name })}</Paragraph>
      <BudgetFiguresTable
        figures={figures}
        caption={t("areaBudgets.figures.caption", { area: area.name, year: String(year) })}
      />
      {spentByCategory.length === 0 ? (
        <Paragraph>{t("areaBudgets.public.nothingSpent")}</Paragraph>
      ) : (
        <DataTable
          caption={t("areaBudgets.public.byCategory")}
          columns={[t("areaBudgets.csv.category"), t("areaBudgets.figures.spent")]}
          items={spentByCategory}
          keyOf={(row) => row.category}
          cells={(row) => [t(`areaBudgets.category.${row.category as "other"}`), formatMoney(locale, row.cents)]}
        />
      )}
      <Paragraph>
        <Link className="nl-link" to={`/${params.gemeente}/gebiedsbudgetten?jaar=${year}`}>
          {t("areaBudgets.public.all")}
        </Link>
      </Paragraph>
    </PageShell>
  );
}
