import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { TableCell, TableRow } from "@utrecht/component-library-react";
import { DataTable } from "../../components/data-table.tsx";
import { areaLabel, fairnessColumns } from "../../components/fund-figures.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { fairnessYear, readFairness } from "../../server/initiative-funds.server.ts";
import type { Route } from "./+types/fairness";

/**
 * Whether a fund's money reaches every area: a bar chart of grants per 1,000 residents, the table behind it and a
 * CSV. Counts and sums only; public, because nothing on it is about a person.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const year = fairnessYear(request, new Date());
  const { fund, fairness } = await readFairness(context, params.gemeente, params.fonds, year);
  return { fundName: fund.name, termUnit: fund.decisionTermUnit, termLength: fund.decisionTermLength, fairness };
}

export default function FairnessPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { fundName, fairness } = loaderData;
  const title = t("funds.fairness.title", { fund: fundName, year: String(fairness.year) });
  const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);
  const number = (n: number | null) =>
    n === null ? "–" : new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB").format(n);
  const money = (cents: number | null) => (cents === null ? "–" : formatMoney(locale, cents));
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("funds.fairness.lead")}</Paragraph>
      <Paragraph>{t("funds.fairness.suppression", { threshold: fairness.threshold })}</Paragraph>
      <ul className="utrecht-unordered-list">
        <li>{t("funds.fairness.total", { applications: fairness.applications })}</li>
        <li>
          {fairness.firstTimeShare === null
            ? t("funds.fairness.firstTimeHidden", { threshold: fairness.threshold })
            : t("funds.fairness.firstTime", { share: percent(fairness.firstTimeShare) })}
        </li>
        <li>
          {fairness.medianDaysToDecision === null
            ? t("funds.fairness.tooFewDecisions", { threshold: fairness.threshold })
            : t("funds.fairness.median", {
                days: number(fairness.medianDaysToDecision),
                term: fairness.termDays,
                inTime: percent(fairness.decidedInTimeShare),
              })}
        </li>
      </ul>
      <Chart rows={fairness.rows} label={t("funds.fairness.chart")} />
      <DataTable caption={t("funds.fairness.caption", { year: String(fairness.year) })} columns={fairnessColumns(t)}>
        {fairness.rows.map((row) => (
          <TableRow key={row.combined ? "combined" : (row.areaId ?? "none")}>
            <TableCell>{areaLabel(t, row)}</TableCell>
            <TableCell>{number(row.residents)}</TableCell>
            <TableCell>{row.suppressed ? t("funds.fairness.suppressed") : number(row.applications)}</TableCell>
            <TableCell>{number(row.grants)}</TableCell>
            <TableCell className="samenspel-amount">{money(row.grantedCents)}</TableCell>
            <TableCell>{number(row.applicationsPer1000)}</TableCell>
            <TableCell>{number(row.grantsPer1000)}</TableCell>
            <TableCell className="samenspel-amount">{money(row.grantedCentsPer1000)}</TableCell>
            <TableCell>{percent(row.grantRate)}</TableCell>
          </TableRow>
        ))}
      </DataTable>
      <Paragraph>
        <a
          className="nl-link"
          href={`/${params.gemeente}/fondsen/${params.fonds}/eerlijkheid.csv?jaar=${fairness.year}`}
        >
          {t("funds.fairness.csv")}
        </a>
      </Paragraph>
    </PageShell>
  );
}

/** Horizontal bars: the amount granted per 1,000 residents in each area; the table above gives the numbers. */
function Chart({
  rows,
  label,
}: {
  rows: ReadonlyArray<{ areaId: string | null; area: string | null; grantedCentsPer1000: number | null }>;
  label: string;
}) {
  const locale = useLocale();
  const shown = rows.filter((row) => row.area !== null && row.grantedCentsPer1000 !== null);
  const max = Math.max(1, ...shown.map((row) => row.grantedCentsPer1000 ?? 0));
  const barHeight = 24;
  const height = shown.length * (barHeight + 8) + 8;
  return (
    <figure className="samenspel-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 640 ${height}`} width="100%" height={height}>
        <title>{label}</title>
        {shown.map((row, i) => {
          const y = 8 + i * (barHeight + 8);
          const width = Math.round(((row.grantedCentsPer1000 ?? 0) / max) * 360);
          return (
            <g key={row.areaId}>
              <text x="0" y={y + 17} fontSize="14" fill="currentColor">
                {row.area}
              </text>
              <rect x="180" y={y} width={width} height={barHeight} fill="var(--samenspel-accent, #1a237e)" />
              <text x={186 + width} y={y + 17} fontSize="14" fill="currentColor">
                {row.grantedCentsPer1000 === null ? "–" : formatMoney(locale, row.grantedCentsPer1000)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
