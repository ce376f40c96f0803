import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { budgetYearOf, figuresOf, listAreaBudgets } from "../../../src/domain/area-budgets/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { BudgetFiguresTable } from "../../components/budget-figures.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { requireCouncilSeat } from "../../server/councils.server.ts";
import type { Route } from "./+types/workspace";

/**
 * A council's own workspace, for the people who hold a seat on it today and for no one else: its members and
 * terms, and the way to its meetings, advice and budget.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, council, seat, tenant } = await requireCouncilSeat(request, context, params);
  const year = budgetYearOf(new Date());
  const budgets = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listAreaBudgets(tx, { tenantId: tenant.id, year }),
  );
  return {
    gemeente: tenant.slug,
    role: seat.role,
    year,
    council: {
      slug: council.slug,
      name: council.name,
      // This year's ledger of each of its areas: what the council has, has promised and has spent.
      areas: council.areas.map(({ id, name }) => ({ id, name, figures: budgets.get(id) ?? figuresOf(undefined) })),
      members: council.members.map(({ id, name, role, startsOn, endsOn, state }) => ({
        id,
        name,
        role,
        startsOn,
        endsOn,
        state,
      })),
    },
  };
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ gemeente, council }, t) => [
  { label: t("councils.workspace.title", { name: council.name }), to: `/${gemeente}/raad/${council.slug}` },
]);

export default function CouncilWorkspacePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { council, gemeente, role, year } = loaderData;
  const title = t("councils.workspace.title", { name: council.name });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">
        {t("councils.workspace.lead", { role: t(`councils.role.${role}`).toLowerCase() })}
      </Paragraph>
      <Paragraph>
        <Link className="nl-link" to={`/${gemeente}/raden/${council.slug}`}>
          {t("councils.workspace.public")}
        </Link>
      </Paragraph>
      <section aria-labelledby="leden">
        <Heading level={2} id="leden">
          {t("councils.page.members")}
        </Heading>
        <DataTable
          caption={t("councils.page.membersCaption", { name: council.name })}
          columns={[
            t("councils.column.name"),
            t("councils.column.role"),
            t("councils.column.term"),
            t("councils.column.state"),
          ]}
          items={council.members}
          keyOf={(member) => member.id}
          cells={(member) => [
            member.name,
            t(`councils.role.${member.role}`),
            `${formatCalendarDate(locale, member.startsOn)} – ${member.endsOn ? formatCalendarDate(locale, member.endsOn) : ""}`,
            t(`councils.state.${member.state}`),
          ]}
        />
      </section>
      <section aria-labelledby="vergaderingen">
        <Heading level={2} id="vergaderingen">
          {t("councilMeetings.workspace")}
        </Heading>
        <Paragraph>
          <Link className="nl-link" to={`/${gemeente}/raad/${council.slug}/vergaderingen`}>
            {t("councilMeetings.workspace.body")}
          </Link>
        </Paragraph>
      </section>
      <section aria-labelledby="budget">
        <Heading level={2} id="budget">
          {t("councils.workspace.budget")}
        </Heading>
        {council.areas.map((area) => (
          <div key={area.id}>
            <BudgetFiguresTable
              figures={area.figures}
              caption={t("areaBudgets.figures.caption", { area: area.name, year: String(year) })}
            />
            <Paragraph>
              <Link className="nl-link" to={`/${gemeente}/raad/${council.slug}/budget/${area.id}`}>
                {t("councils.workspace.budgetBody", { area: area.name })}
              </Link>
            </Paragraph>
          </div>
        ))}
      </section>
      <section aria-labelledby="adviezen">
        <Heading level={2} id="adviezen">
          {t("councils.workspace.advice")}
        </Heading>
        <Paragraph>
          <Link className="nl-link" to={`/${gemeente}/raad/${council.slug}/advies`}>
            {t("councils.workspace.adviceBody")}
          </Link>
        </Paragraph>
      </section>
    </PageShell>
  );
}
