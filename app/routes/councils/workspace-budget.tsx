import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { AreaBudgetLedger, ledgerNotices } from "../../components/area-budget-ledger.tsx";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { Notice } from "../../components/choice-fields.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { acceptsUpload } from "../../forms/body-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { actOnLedger, ledgerView } from "../../server/area-budget-ledger.server.ts";
import { yearAsked } from "../../server/area-budgets.server.ts";
import { services } from "../../server/context.ts";
import { requireCouncilSeat } from "../../server/councils.server.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/workspace-budget";

/**
 * The budget of one of the council's areas, in the council's workspace: for whoever holds a seat on the council
 * today. They record the council's commitments (with the minutes that decided them) and its spends with receipts;
 * corrections stay with staff. The same ledger and forms as the staff's budget page.
 */
async function seatOnArea(request: Request, context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const access = await requireCouncilSeat(request, context, params);
  const area = access.council.areas.find((a) => a.id === params.areaId);
  if (!area) notFound();
  return { ...access, area, year: yearAsked(request, new Date()) };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, council, area, year } = await seatOnArea(request, context, params);
  const ledger = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    ledgerView(tx, { tenantId: tenant.id, areaId: area.id, year }),
  );
  return { gemeente: tenant.slug, council: { slug: council.slug, name: council.name }, area, year, ledger };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, council, area, year } = await seatOnArea(request, context, params);
  return actOnLedger(request, context, {
    tenantId: tenant.id,
    actorPersonId: actor.personId,
    areaId: area.id,
    year,
    canManage: false,
    isOpen: async () => true,
    done: (intent) => `/${tenant.slug}/raad/${council.slug}/budget/${area.id}?jaar=${year}&melding=${intent}`,
  });
}

export const handle = {
  ...breadcrumbs<Route.ComponentProps["loaderData"]>(({ gemeente, council, area }, t) => [
    { label: t("councils.workspace.title", { name: council.name }), to: `/${gemeente}/raad/${council.slug}` },
    {
      label: t("councils.budget.crumb", { area: area.name }),
      to: `/${gemeente}/raad/${council.slug}/budget/${area.id}`,
    },
  ]),
  ...acceptsUpload(),
};

export default function CouncilBudgetPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice(ledgerNotices);
  const { gemeente, council, area, year, ledger } = loaderData;
  const title = t("areaBudgets.budget.title", { area: area.name, year: String(year) });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <Paragraph purpose="lead">{t("councils.budget.lead", { council: council.name })}</Paragraph>
      <Paragraph>
        <Link className="nl-link" to={`/${gemeente}/raad/${council.slug}`}>
          {t("councils.workspace.title", { name: council.name })}
        </Link>
        {" · "}
        <Link className="nl-link" to={`/${gemeente}/gebiedsbudgetten/${area.id}?jaar=${year}`}>
          {t("councils.budget.public")}
        </Link>
      </Paragraph>
      <AreaBudgetLedger ledger={ledger} area={area} year={year} canManage={false} gemeente={gemeente} />
    </PageShell>
  );
}
