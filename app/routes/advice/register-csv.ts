import { withTenant } from "../../../src/db/index.ts";
import { cachedTenantBySlug } from "../../../src/domain/tenancy/index.ts";
import { timingKey } from "../../components/advice-format.ts";
import { translator } from "../../i18n/catalogue.ts";
import { adviceFilterOf, readAdviceRegister } from "../../server/advice.server.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { toCsv } from "../../server/spreadsheet.server.ts";
import type { Route } from "./+types/register-csv";

/** The public register as a spreadsheet (semicolons, a BOM), with the same filter as the page. No person in it. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { db } = services(context);
  const tenant = await cachedTenantBySlug(db, params.gemeente);
  if (tenant?.kind !== "municipality") notFound();
  const { rows } = await withTenant(db, { tenantId: tenant.id }, (tx) =>
    readAdviceRegister(tx, tenant.id, new Date(), adviceFilterOf(request)),
  );
  const t = translator(await localeOf(request));
  const header = [
    t("advice.csv.id"),
    t("advice.col.council"),
    t("advice.col.year"),
    t("advice.col.kind"),
    t("advice.col.subject"),
    t("advice.col.status"),
    t("advice.col.requestedOn"),
    t("advice.col.adviceDueOn"),
    t("advice.col.advisedOn"),
    t("advice.col.responseDueOn"),
    t("advice.col.respondedOn"),
    t("advice.col.outcome"),
    t("advice.col.late"),
    t("advice.field.reasons"),
  ];
  const lines = rows.map((row) => [
    row.id,
    row.councilName,
    row.year,
    t(`advice.kind.${row.kind}`),
    row.subject,
    t(`advice.status.${row.status}`),
    row.requestedOn ?? "",
    row.adviceDueOn ?? "",
    row.advisedOn ?? "",
    row.responseDueOn ?? "",
    row.respondedOn ?? "",
    row.outcome ? t(`advice.outcome.${row.outcome}`) : "",
    t(timingKey(row)),
    row.reasons ?? "",
  ]);
  return new Response(toCsv([header, ...lines]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="adviesregister-${tenant.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
