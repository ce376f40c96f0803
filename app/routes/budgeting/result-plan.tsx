import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { getPlanOutcome, getRound } from "../../../src/domain/budgeting/index.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf, orNotFound } from "../../server/budgeting.server.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/result-plan";

/**
 * One plan of a published result: its numbers and the engine's explanation of why it was or was not funded. The
 * database picks the plan out of the stored outcome, so this page costs the same in a round of 1,000 plans.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const view = await orNotFound(
    inTenant(context, tenant.id, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      const found = /^[0-9a-f-]{36}$/i.test(params.plan)
        ? await getPlanOutcome(tx, { tenantId: tenant.id, roundId: round.id, planId: params.plan })
        : undefined;
      return found ? { round: { slug: round.slug, title: round.title }, ...found } : undefined;
    }),
  );
  if (!view) notFound();
  return view;
}

export default function ResultPlan({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { round, areaName, plan } = loaderData;
  const pageTitle = `${plan.title} – ${t("budgeting.result.title")} ${round.title}`;
  const score = plan.points ?? plan.votes;
  return (
    <PageShell title={pageTitle}>
      <Heading level={1}>{plan.title}</Heading>
      <Paragraph>
        {t(plan.selected ? "budgeting.result.selected" : "budgeting.result.notFunded")}.{" "}
        {t("budgeting.result.planFacts", {
          reference: plan.reference,
          area: areaName,
          cost: formatMoney(locale, plan.costEuros * 100),
          score: `${score} ${t(plan.points === null ? "budgeting.result.votes" : "budgeting.result.points").toLowerCase()}`,
        })}
      </Paragraph>
      <Heading level={2}>{t("budgeting.result.why")}</Heading>
      {plan.why[locale].map((s) => (
        <Paragraph key={s}>{s}</Paragraph>
      ))}
      <Paragraph>
        <Link className="utrecht-link" to={`/${params.gemeente}/burgerbegroting/${round.slug}/uitslag`}>
          {t("budgeting.result.back", { round: round.title })}
        </Link>
      </Paragraph>
    </PageShell>
  );
}
