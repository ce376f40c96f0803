import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { TableCell, TableRow } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { getDeskSettings, listChallenges } from "../../../src/domain/initiatives/index.ts";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatCalendarDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-challenges";

/** Every uitdaagrecht request for staff, by decision date, a late decision flagged. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "initiatives:manage");
  const now = new Date();
  const { items, settings } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => ({
      items: (await listChallenges(tx, { tenantId: tenant.id, now })).map((c) => ({
        id: c.id,
        reference: c.reference,
        task: c.task,
        organisation: c.organisation,
        budgetCents: c.budgetCents,
        status: c.status,
        decisionDueOn: c.decisionDueOn,
        late: c.late,
      })),
      settings: await getDeskSettings(tx, { tenantId: tenant.id }),
    }),
  );
  return {
    base: staffBase(params.gemeente),
    tenant: { name: tenant.name },
    items,
    weeks: settings.challengeDecisionWeeks,
  };
}

export default function StaffChallengesPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { base, tenant, items, weeks } = loaderData;
  const title = t("initiatives.challenge.staff.title", { tenant: tenant.name });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <StaffNav base={base} />
      <Paragraph>{t("initiatives.challenge.staff.intro", { weeks })}</Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t("initiatives.challenge.staff.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("initiatives.challenge.staff.caption")}
          columns={[
            t("initiatives.detail.reference"),
            t("initiatives.challenge.column.task"),
            t("initiatives.challenge.column.requester"),
            t("initiatives.challenge.column.budget"),
            t("initiatives.detail.status"),
            t("initiatives.challenge.column.decisionDueOn"),
          ]}
        >
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>
                <Link className="nl-link" to={`${base}/uitdaagrecht/${item.id}`}>
                  {item.reference}
                </Link>
              </TableCell>
              <TableCell>{item.task}</TableCell>
              <TableCell>{item.organisation ?? t("initiatives.challenge.requester.residents")}</TableCell>
              <TableCell className="samenspel-amount">{formatMoney(locale, item.budgetCents)}</TableCell>
              <TableCell>{t(`initiatives.challenge.status.${item.status}`)}</TableCell>
              <TableCell>
                {formatCalendarDate(locale, item.decisionDueOn)}
                {item.late && (
                  <>
                    {" "}
                    <strong className="samenspel-late">{t("initiatives.challenge.staff.late")}</strong>
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </PageShell>
  );
}
