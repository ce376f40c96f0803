import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { findArea } from "../../../src/domain/areas/index.ts";
import { rolesGrant } from "../../../src/domain/identity/index.ts";
import { AreaBudgetLedger, ledgerNotices } from "../../components/area-budget-ledger.tsx";
import { Notice } from "../../components/choice-fields.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { acceptsUpload } from "../../forms/body-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { actOnLedger, ledgerView } from "../../server/area-budget-ledger.server.ts";
import { yearAsked } from "../../server/area-budgets.server.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-budget";

/** The spend form carries the receipt. */
export const handle = acceptsUpload();

/**
 * One area's budget for a year: its figures and every entry. Council members and staff record the council's
 * commitments and spends (with the receipt); staff also correct entries with a reversal.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(
    request,
    context,
    params.gemeente,
    "area-budgets:record",
  );
  const year = yearAsked(request, new Date());
  const view = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
    const area = await findArea(tx, { tenantId: tenant.id, areaId: params.areaId });
    if (!area || area.kind === "municipality") return undefined;
    return { area, ledger: await ledgerView(tx, { tenantId: tenant.id, areaId: area.id, year }) };
  });
  if (!view) notFound();
  return {
    base: staffBase(params.gemeente),
    gemeente: params.gemeente,
    area: { id: view.area.id, name: view.area.name, code: view.area.code },
    year,
    ledger: view.ledger,
    canManage: rolesGrant(roles, "area-budgets:manage"),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(
    request,
    context,
    params.gemeente,
    "area-budgets:record",
  );
  const year = yearAsked(request, new Date());
  return actOnLedger(request, context, {
    tenantId: tenant.id,
    actorPersonId: actor.personId,
    areaId: params.areaId,
    year,
    canManage: rolesGrant(roles, "area-budgets:manage"),
    isOpen: async (tx) => {
      const area = await findArea(tx, { tenantId: tenant.id, areaId: params.areaId });
      return area !== undefined && area.kind !== "municipality";
    },
    done: (intent) => `${staffBase(params.gemeente)}/gebiedsbudgetten/${params.areaId}?jaar=${year}&melding=${intent}`,
  });
}

export default function StaffBudgetPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { base, area, year, ledger, canManage, gemeente } = loaderData;
  const title = t("areaBudgets.budget.title", { area: area.name, year: String(year) });
  const notice = useNotice(ledgerNotices);
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>
        <Link className="nl-link" to={`${base}/gebiedsbudgetten?jaar=${year}`}>
          {t("areaBudgets.back")}
        </Link>
      </Paragraph>
      <AreaBudgetLedger ledger={ledger} area={area} year={year} canManage={canManage} gemeente={gemeente} />
    </PageShell>
  );
}
