import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { getResultPage, type ResultPlanRow } from "../../../src/domain/budgeting/index.ts";
import { BudgetChart } from "../../components/budget-chart.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatMoney, formatPercent } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf, orNotFound } from "../../server/budgeting.server.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/results";

/** Plans per page in an area's list of plans that get no money: a round can have a thousand. */
const PLANS_PER_PAGE = 100;

/**
 * Reads the results page's data stored with the published count (one statement; a page view never recounts nor
 * takes the outcome apart). Of the plans that get no money one page is sent (`?pagina=`), each area's list paged
 * alike; the funded plans are all on every page.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const asked = Number(new URL(request.url).searchParams.get("pagina") ?? "1");
  const page = Number.isInteger(asked) && asked >= 1 ? asked : 1;
  const view = await orNotFound(
    inTenant(context, tenant.id, (tx) => getResultPage(tx, { tenantId: tenant.id, slug: params.ronde })),
  );
  if (!view) notFound();
  const { rule, comparisonRule, areas } = view.page;
  return {
    title: view.title,
    slug: view.slug,
    rule,
    comparisonRule,
    page,
    areas: areas.map(({ notFunded, ...area }) => ({
      ...area,
      notFunded: notFunded.slice((page - 1) * PLANS_PER_PAGE, page * PLANS_PER_PAGE),
      notFundedPages: Math.ceil(notFunded.length / PLANS_PER_PAGE),
    })),
  };
}

export default function Results({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { title, slug, rule, comparisonRule, page, areas } = loaderData;
  const euros = (n: number) => formatMoney(locale, n * 100);
  const percent = (share: number | null) => (share === null ? "–" : formatPercent(locale, share));
  const pageTitle = `${t("budgeting.result.title")} – ${title}`;
  const base = `/${params.gemeente}/burgerbegroting/${slug}/uitslag`;
  // A plain link, not React Router's Link: a page has up to a few hundred plan rows, and each Link resolves its path
  // and sets up its own click and prefetch handling (hooks, a ref) on every render, more than the rest of the row.
  // A plan's page is then opened as a document, which the anonymous page cache answers (ADR 0016, addendum).
  const planCells = (p: ResultPlanRow) => [
    p.reference,
    <a key={p.id} className="utrecht-link" href={`${base}/${p.id}`}>
      {p.title}
    </a>,
    euros(p.costEuros),
    String(p.score),
  ];
  return (
    <PageShell title={pageTitle}>
      <Heading level={1}>{pageTitle}</Heading>
      <Paragraph>{t("budgeting.result.rule", { rule: t(`budgeting.rule.${rule}`) })}</Paragraph>
      <Paragraph>{t("budgeting.result.whyPerPlan")}</Paragraph>
      {areas.map((area) => {
        const columns = [
          t("budgeting.plan.reference"),
          t("budgeting.plans.title"),
          t("budgeting.plan.cost"),
          t(area.points ? "budgeting.result.points" : "budgeting.result.votes"),
        ];
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
              bars={area.funded.map((p) => ({ label: p.title, value: p.costEuros }))}
            />
            <Heading level={3}>{t("budgeting.result.funded")}</Heading>
            <DataTable
              label={`${t("budgeting.result.funded")}: ${area.name}`}
              columns={columns}
              items={area.funded}
              keyOf={(p) => p.id}
              cells={planCells}
            />
            {area.notFundedPages > 0 && (
              <>
                <Heading level={3}>{t("budgeting.result.notFunded")}</Heading>
                <DataTable
                  label={`${t("budgeting.result.notFunded")}: ${area.name}`}
                  columns={columns}
                  items={area.notFunded}
                  keyOf={(p) => p.id}
                  cells={planCells}
                />
                {area.notFundedPages > 1 && (
                  <nav aria-label={t("budgeting.result.pages", { area: area.name })}>
                    <Paragraph>
                      {t("budgeting.result.page", {
                        page: Math.min(page, area.notFundedPages),
                        pages: area.notFundedPages,
                      })}
                    </Paragraph>
                    <ul>
                      {page > 1 && (
                        <li>
                          <Link className="utrecht-link" to={`${base}?pagina=${page - 1}`}>
                            {t("budgeting.result.previous")}
                          </Link>
                        </li>
                      )}
                      {page < area.notFundedPages && (
                        <li>
                          <Link className="utrecht-link" to={`${base}?pagina=${page + 1}`}>
                            {t("budgeting.result.next")}
                          </Link>
                        </li>
                      )}
                    </ul>
                  </nav>
                )}
              </>
            )}
            <Heading level={3}>{t("budgeting.result.how")}</Heading>
            {area.general[locale].map((s) => (
              <Paragraph key={s}>{s}</Paragraph>
            ))}
            <Heading level={3}>{t("budgeting.result.comparison")}</Heading>
            <Paragraph>
              {t("budgeting.result.comparison.intro", { rule: t(`budgeting.rule.${comparisonRule}`) })}
            </Paragraph>
            <ul>
              {area.comparison.map((p) => (
                <li key={p.id}>
                  {p.title} ({euros(p.costEuros)})
                </li>
              ))}
            </ul>
            {area.same && <Paragraph>{t("budgeting.result.comparison.same")}</Paragraph>}
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
