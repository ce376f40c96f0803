import { areaLabel, fairnessColumns } from "../../components/fund-figures.tsx";
import { translator } from "../../i18n/catalogue.ts";
import { fairnessYear, readFairness } from "../../server/initiative-funds.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { toCsv } from "../../server/spreadsheet.server.ts";
import type { Route } from "./+types/fairness-csv";

/**
 * The fairness table as CSV (semicolons, BOM, decimal comma): counts and sums per area, no personal data, with the
 * page's small-count suppression (an empty cell where the page shows none).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const year = fairnessYear(request, new Date());
  const { fund, fairness } = await readFairness(context, params.gemeente, params.fonds, year);
  const t = translator(await localeOf(request));
  const header = fairnessColumns(t);
  const rows = fairness.rows.map((row) => [
    areaLabel(t, row),
    row.residents ?? "",
    row.suppressed ? t("funds.fairness.suppressed") : (row.applications ?? ""),
    row.grants ?? "",
    row.grantedCents === null ? "" : { cents: row.grantedCents },
    row.applicationsPer1000 === null ? "" : String(row.applicationsPer1000).replace(".", ","),
    row.grantsPer1000 === null ? "" : String(row.grantsPer1000).replace(".", ","),
    row.grantedCentsPer1000 === null ? "" : { cents: row.grantedCentsPer1000 },
    row.grantRate === null ? "" : `${Math.round(row.grantRate * 100)}%`,
  ]);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="eerlijkheid-${fund.slug}-${year}.csv"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
