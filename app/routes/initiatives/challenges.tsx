import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { DataList } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { listChallengeRegister } from "../../../src/domain/initiatives/index.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { Fact } from "../../components/programme-lists.tsx";
import { formatCalendarDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf } from "../../server/budgeting.server.ts";
import type { Route } from "./+types/challenges";

/** The public uitdaagrecht register: every request and its outcome, without the requesters' names. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const items = await inTenant(context, tenant.id, (tx) => listChallengeRegister(tx, { tenantId: tenant.id }));
  return { tenant: { name: tenant.name }, items };
}

export default function ChallengeRegisterPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { tenant, items } = loaderData;
  const title = t("initiatives.challenge.register.title", { tenant: tenant.name });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("initiatives.challenge.register.intro")}</Paragraph>
      <Paragraph>
        <Link className="nl-link" to={`/${params.gemeente}/uitdaagrecht/indienen`}>
          {t("initiatives.challenge.register.submitLink")}
        </Link>
      </Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t("initiatives.challenge.register.none")}</Paragraph>
      ) : (
        <ul className="samenspel-cards">
          {items.map((item) => (
            <li key={item.reference} className="samenspel-card">
              <Heading level={2}>{item.task}</Heading>
              <DataList className="samenspel-facts">
                <Fact label={t("initiatives.detail.reference")}>{item.reference}</Fact>
                <Fact label={t("initiatives.challenge.column.requester")}>
                  {item.organisation ?? t("initiatives.challenge.requester.residents")}
                </Fact>
                {item.area && <Fact label={t("initiatives.challenge.field.area")}>{item.area.name}</Fact>}
                <Fact label={t("initiatives.challenge.column.budget")}>{formatMoney(locale, item.budgetCents)}</Fact>
                <Fact label={t("initiatives.challenge.column.submittedOn")}>
                  {formatCalendarDate(locale, item.submittedOn)}
                </Fact>
                <Fact label={t("initiatives.challenge.column.decisionDueOn")}>
                  {formatCalendarDate(locale, item.decisionDueOn)}
                  {item.extended && ` (${t("initiatives.challenge.extended")})`}
                </Fact>
                <Fact label={t("initiatives.challenge.column.decision")}>
                  {item.decidedOn
                    ? t("initiatives.challenge.decision", {
                        status: t(`initiatives.challenge.status.${item.status}`),
                        date: formatCalendarDate(locale, item.decidedOn),
                        reason: item.decisionReason ?? "",
                      })
                    : t(`initiatives.challenge.status.${item.status}`)}
                </Fact>
              </DataList>
            </li>
          ))}
        </ul>
      )}
    </PageShell>
  );
}
