import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { inTurn, withTenant } from "../../../src/db/index.ts";
import { fundFigures, listFunds, listMyApplications } from "../../../src/domain/initiatives/index.ts";
import { processesLinkedTo } from "../../../src/domain/processes/index.ts";
import { dutchDateOf } from "../../../src/domain/shared/index.ts";
import { FundFiguresText } from "../../components/fund-figures.tsx";
import { FundRules } from "../../components/fund-rules.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { PartOfProcesses } from "../../components/part-of-processes.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { municipalityOf, rulesSummary } from "../../server/initiative-funds.server.ts";
import { getActor } from "../../server/session.server.ts";
import type { Route } from "./+types/public-funds";

/** A municipality's funds for residents: the rules, this year's money, and (signed in) their own applications. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const actor = await getActor(request, context);
  const year = Number(dutchDateOf(new Date()).slice(0, 4));
  return withTenant(services(context).db, { tenantId: tenant.id }, async (tx) => {
    const funds = await listFunds(tx, { tenantId: tenant.id });
    const ids = funds.map((fund) => fund.id);
    const processes = await processesLinkedTo(tx, { tenantId: tenant.id, instrument: "fund", ids });
    return {
      tenantName: tenant.name,
      funds: await inTurn(funds, async (fund) => ({
        slug: fund.slug,
        name: fund.name,
        description: fund.description,
        rules: rulesSummary(fund),
        figures: await fundFigures(tx, fund, year),
        processes: processes.filter((process) => process.linkedId === fund.id),
      })),
      mine: actor ? await listMyApplications(tx, { tenantId: tenant.id, applicantId: actor.personId }) : [],
    };
  });
}

export default function PublicFundsPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { funds, mine, tenantName } = loaderData;
  const title = t("funds.public.title", { tenant: tenantName });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("funds.public.lead")}</Paragraph>
      {mine.length > 0 && (
        <section aria-labelledby="mijn-aanvragen">
          <Heading level={2} id="mijn-aanvragen">
            {t("funds.mine")}
          </Heading>
          <ul className="utrecht-unordered-list">
            {mine.map((a) => (
              <li key={a.id}>
                <Link className="nl-link" to={`/${params.gemeente}/fondsen/aanvraag/${a.id}`}>
                  {a.reference}: {a.title}
                </Link>{" "}
                ({a.fund}, {t(`funds.status.${a.status}`)})
              </li>
            ))}
          </ul>
        </section>
      )}
      {funds.length === 0 && <Paragraph>{t("funds.none")}</Paragraph>}
      {funds.map((fund) => (
        <section key={fund.slug} aria-labelledby={`fonds-${fund.slug}`}>
          <Heading level={2} id={`fonds-${fund.slug}`}>
            {fund.name}
          </Heading>
          <Paragraph>{fund.description}</Paragraph>
          <PartOfProcesses gemeente={params.gemeente} processes={fund.processes} />
          <FundRules rules={fund.rules} />
          <FundFiguresText figures={fund.figures} />
          <Paragraph>
            <Link className="nl-link" to={`/${params.gemeente}/fondsen/${fund.slug}/aanvragen`}>
              {t("funds.apply.link", { fund: fund.name })}
            </Link>
          </Paragraph>
          <Paragraph>
            <Link className="nl-link" to={`/${params.gemeente}/fondsen/${fund.slug}/eerlijkheid`}>
              {t("funds.fairness.link", { fund: fund.name })}
            </Link>
          </Paragraph>
        </section>
      ))}
    </PageShell>
  );
}
