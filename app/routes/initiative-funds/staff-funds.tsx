import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { TableCell, TableRow } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { inTurn, withTenant } from "../../../src/db/index.ts";
import { rolesGrant } from "../../../src/domain/identity/index.ts";
import { fundFigures, listApplications, listFunds } from "../../../src/domain/initiatives/index.ts";
import { dutchDateOf } from "../../../src/domain/shared/index.ts";
import { DataTable } from "../../components/data-table.tsx";
import { FundFiguresText } from "../../components/fund-figures.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatCalendarDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-funds";

/** The municipality's funds with this year's money and every application, for staff and assessors. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(request, context, params.gemeente, "funds:assess");
  const now = new Date();
  const year = Number(dutchDateOf(now).slice(0, 4));
  const funds = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) =>
    inTurn(await listFunds(tx, { tenantId: tenant.id }), async (fund) => ({
      id: fund.id,
      slug: fund.slug,
      name: fund.name,
      figures: await fundFigures(tx, fund, year),
      applications: await listApplications(tx, { tenantId: tenant.id, fundId: fund.id }),
    })),
  );
  return {
    base: staffBase(params.gemeente),
    gemeente: params.gemeente,
    funds,
    today: dutchDateOf(now),
    canManage: rolesGrant(roles, "funds:manage"),
  };
}

export default function StaffFundsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { base, funds, today, gemeente, canManage } = loaderData;
  return (
    <PageShell title={t("funds.staff.title")}>
      <Heading level={1}>{t("funds.staff.title")}</Heading>
      <StaffNav base={base} />
      {funds.length === 0 && <Paragraph>{t("funds.none")}</Paragraph>}
      {canManage && (
        <Paragraph>
          <Link className="nl-link" to={`${base}/fondsen/nieuw`}>
            {t("funds.new.link")}
          </Link>
        </Paragraph>
      )}
      {funds.map((fund) => (
        <section key={fund.id} aria-labelledby={`fonds-${fund.slug}`}>
          <Heading level={2} id={`fonds-${fund.slug}`}>
            {fund.name}
          </Heading>
          <FundFiguresText figures={fund.figures} />
          <Paragraph>
            <Link className="nl-link" to={`/${gemeente}/fondsen/${fund.slug}/eerlijkheid?jaar=${fund.figures.year}`}>
              {t("funds.fairness.link", { fund: fund.name })}
            </Link>
          </Paragraph>
          {canManage && (
            <Paragraph>
              <Link className="nl-link" to={`${base}/fondsen/${fund.slug}`}>
                {t("funds.edit.link", { fund: fund.name })}
              </Link>
            </Paragraph>
          )}
          {fund.applications.length === 0 ? (
            <Paragraph>{t("funds.applications.none")}</Paragraph>
          ) : (
            <DataTable
              caption={t("funds.applications.caption", { fund: fund.name })}
              columns={[
                t("funds.reference"),
                t("funds.apply.title"),
                t("funds.status"),
                t("funds.apply.requested"),
                t("funds.dueOn"),
                t("funds.assessments"),
              ]}
            >
              {fund.applications.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <Link className="nl-link" to={`${base}/fondsen/aanvragen/${a.id}`}>
                      {a.reference}
                    </Link>
                  </TableCell>
                  <TableCell>{a.title}</TableCell>
                  <TableCell>{t(`funds.status.${a.status}`)}</TableCell>
                  <TableCell className="samenspel-amount">{formatMoney(locale, a.requestedCents)}</TableCell>
                  <TableCell>
                    {a.dueOn ? formatCalendarDate(locale, a.dueOn) : "–"}
                    {a.status === "in-assessment" && a.dueOn && a.dueOn < today && ` (${t("funds.late")})`}
                  </TableCell>
                  <TableCell>{a.assessments}</TableCell>
                </TableRow>
              ))}
            </DataTable>
          )}
        </section>
      ))}
    </PageShell>
  );
}
