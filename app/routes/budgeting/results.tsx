import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { getResult, getRound } from "../../../src/domain/budgeting/index.ts";
import { BudgetChart } from "../../components/budget-chart.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf, orNotFound } from "../../server/budgeting.server.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/results";

/** Reads only the stored, published outcome: a page view never recounts. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const view = await orNotFound(
    inTenant(context, tenant.id, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      const result = await getResult(tx, { tenantId: tenant.id, roundId: round.id, publishedOnly: true });
      return result ? { title: round.title, slug: round.slug, outcome: result.outcome } : undefined;
    }),
  );
  if (!view) notFound();
  return view;
}

export default function Results({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { title, slug, outcome } = loaderData;
  const euros = (n: number) => formatMoney(locale, n * 100);
  const percent = (share: number | null) =>
    share === null
      ? "–"
      : new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { style: "percent" }).format(share);
  const pageTitle = `${t("budgeting.result.title")} – ${title}`;
  return (
    <PageShell title={pageTitle}>
      <Heading level={1}>{pageTitle}</Heading>
      <Paragraph>{t("budgeting.result.rule", { rule: t(`budgeting.rule.${outcome.rule}`) })}</Paragraph>
      {outcome.areas.map((area) => {
        const byId = new Map(area.plans.map((p) => [p.id, p]));
        const funded = area.selected.map((id) => byId.get(id)!);
        const other = area.plans.filter((p) => !p.selected);
        const same = [...area.comparisonSelected].sort().join() === [...area.selected].sort().join();
        return (
          <section key={area.roundAreaId} aria-labelledby={`area-${area.roundAreaId}`}>
            <Heading level={2} id={`area-${area.roundAreaId}`}>
              {area.name}
            </Heading>
            <Paragraph>
              {t("budgeting.result.voters", {
                voters: area.voters,
                spent: euros(area.spentEuros),
                budget: euros(area.budgetEuros),
              })}{" "}
              {t("budgeting.result.share", { share: percent(area.shareWithFunded) })}
            </Paragraph>
            <BudgetChart
              title={t("budgeting.result.chart", { area: area.name })}
              budgetLabel={t("budgeting.result.budgetLine", { budget: euros(area.budgetEuros) })}
              budget={area.budgetEuros}
              bars={funded.map((p) => ({ label: p.title, value: p.costEuros }))}
            />
            <Heading level={3}>{t("budgeting.result.funded")}</Heading>
            <DataTable
              label={`${t("budgeting.result.funded")}: ${area.name}`}
              columns={[
                t("budgeting.plan.reference"),
                t("budgeting.plans.title"),
                t("budgeting.plan.cost"),
                t(area.plans[0]?.points !== null ? "budgeting.result.points" : "budgeting.result.votes"),
              ]}
              items={funded}
              keyOf={(p) => p.id}
              cells={(p) => [p.reference, p.title, euros(p.costEuros), String(p.points ?? p.votes)]}
            />
            {other.length > 0 && (
              <>
                <Heading level={3}>{t("budgeting.result.notFunded")}</Heading>
                <DataTable
                  label={`${t("budgeting.result.notFunded")}: ${area.name}`}
                  columns={[
                    t("budgeting.plan.reference"),
                    t("budgeting.plans.title"),
                    t("budgeting.plan.cost"),
                    t("budgeting.result.votes"),
                  ]}
                  items={other}
                  keyOf={(p) => p.id}
                  cells={(p) => [p.reference, p.title, euros(p.costEuros), String(p.points ?? p.votes)]}
                />
              </>
            )}
            <Heading level={3}>{t("budgeting.result.how")}</Heading>
            {area.general[locale].map((s) => (
              <Paragraph key={s}>{s}</Paragraph>
            ))}
            {area.plans.map((plan) => (
              <details key={plan.id} className="samenspel-details">
                <summary>
                  {plan.title}: {t(plan.selected ? "budgeting.result.selected" : "budgeting.result.notFunded")} –{" "}
                  {t("budgeting.result.why")}
                </summary>
                {plan.why[locale].map((s) => (
                  <Paragraph key={s}>{s}</Paragraph>
                ))}
              </details>
            ))}
            <Heading level={3}>{t("budgeting.result.comparison")}</Heading>
            <Paragraph>
              {t("budgeting.result.comparison.intro", { rule: t(`budgeting.rule.${outcome.comparisonRule}`) })}
            </Paragraph>
            <ul>
              {area.comparisonSelected.map((id) => (
                <li key={id}>
                  {byId.get(id)?.title} ({euros(byId.get(id)?.costEuros ?? 0)})
                </li>
              ))}
            </ul>
            {same && <Paragraph>{t("budgeting.result.comparison.same")}</Paragraph>}
            <Paragraph>
              {t("budgeting.result.comparison.share", { share: percent(area.comparisonShareWithFunded) })}
            </Paragraph>
            <Paragraph>
              <a
                className="utrecht-link"
                href={`/${params.gemeente}/burgerbegroting/${slug}/pabulib/${area.roundAreaId}`}
                download
              >
                {t("budgeting.result.pabulib", { area: area.name })}
              </a>
            </Paragraph>
          </section>
        );
      })}
    </PageShell>
  );
}
