import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { followRound, getRound, isResultPublished, listPlans } from "../../../src/domain/budgeting/index.ts";
import { processesLinkedTo } from "../../../src/domain/processes/index.ts";
import { ActionLinks } from "../../components/action-links.tsx";
import { onlyBudget, rulesSentences } from "../../components/ballot-form.tsx";
import { Notice } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { FollowForm } from "../../components/follow-form.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { PartOfProcesses } from "../../components/part-of-processes.tsx";
import { followForm } from "../../forms/following.ts";
import { formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf, orNotFound } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { answerRoundFollowForm } from "../../server/round-follow.server.ts";
import type { Route } from "./+types/round";

export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  return orNotFound(
    inTenant(context, tenant.id, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      const plans = await listPlans(tx, { tenantId: tenant.id, roundId: round.id, show: "public" });
      return {
        round: {
          slug: round.slug,
          title: round.title,
          body: round.body,
          rules: round.rules,
          phase: round.track.phase,
          areas: round.areas,
          identification: round.eligibility.identification,
        },
        oidcName: services(context).config.oidc?.name ?? "DigiD",
        plans,
        published: await isResultPublished(tx, { tenantId: tenant.id, roundId: round.id }),
        processes: await processesLinkedTo(tx, { tenantId: tenant.id, instrument: "round", ids: [round.id] }),
      };
    }),
  );
}

/**
 * Follow the whole round by e-mail: a confirmation mail first, then a mail when voting opens, when the result is out
 * and with every update on a funded plan.
 */
export function action(args: Route.ActionArgs) {
  return answerRoundFollowForm(args, {
    schema: followForm,
    limit: "pb-round-follow",
    here: `/${args.params.gemeente}/burgerbegroting/${args.params.ronde}?melding=follow#volgen`,
    follow: followRound,
  });
}

export default function RoundPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { round, plans, published, processes, oidcName } = loaderData;
  const notice = useNotice({ plan: "budgeting.plan.submitted", follow: "processes.follow.sent" });
  const base = `/${params.gemeente}/burgerbegroting/${round.slug}`;
  const euros = (n: number) => formatMoney(locale, n * 100);
  return (
    <PageShell title={round.title}>
      <Heading level={1}>{round.title}</Heading>
      <Notice message={notice} />
      <Paragraph purpose="lead">
        {t("budgeting.phase.current", { phase: t(`budgeting.phase.${round.phase}`) })}
      </Paragraph>
      {round.body && <Paragraph>{round.body}</Paragraph>}
      <PartOfProcesses gemeente={params.gemeente} processes={processes} />
      <ActionLinks
        links={[
          round.phase === "plans" && { to: `${base}/plan-indienen`, label: t("budgeting.plan.submitLink") },
          round.phase === "voting" && { to: `${base}/stemmen`, label: t("budgeting.public.voteLink") },
          round.phase === "voting" && { to: `${base}/stem-wijzigen`, label: t("budgeting.public.changeLink") },
          published && { to: `${base}/uitslag`, label: t("budgeting.result.link") },
          published && { to: `${base}/uitvoering`, label: t("budgeting.realisation.link") },
        ]}
      />
      <Heading level={2}>{t("budgeting.rules.title")}</Heading>
      {rulesSentences(t, locale, round.rules, onlyBudget(round.areas)).map((s) => (
        <Paragraph key={s}>{s}</Paragraph>
      ))}
      <Paragraph>{t(`budgeting.identification.${round.identification}.sentence`, { name: oidcName })}</Paragraph>
      <DataTable
        label={t("budgeting.rules.title")}
        columns={[t("budgeting.area"), t("budgeting.budget")]}
        items={round.areas}
        keyOf={(a) => a.id}
        cells={(a) => [a.name, euros(a.budgetEuros)]}
      />
      <Heading level={2}>{t("budgeting.plans.title")}</Heading>
      {plans.length === 0 ? (
        <Paragraph>{t("budgeting.plans.none")}</Paragraph>
      ) : (
        <ul className="samenspel-cards">
          {plans.map((plan) => (
            <li key={plan.id} className="samenspel-card">
              <Heading level={3}>
                {plan.reference}. {plan.title}
              </Heading>
              <Paragraph>
                {plan.areaName} · {euros(plan.officialCostEuros ?? plan.estimatedCostEuros)}
                {plan.location ? ` · ${plan.location}` : ""}
              </Paragraph>
              <Paragraph>{plan.description}</Paragraph>
              {plan.photo && (
                <img
                  className="samenspel-plan-photo"
                  src={`/${params.gemeente}/bestanden/${plan.photo.id}`}
                  alt={plan.photo.altText}
                />
              )}
              <Paragraph>
                {plan.feasibility
                  ? t(plan.feasibility === "feasible" ? "budgeting.plan.feasible" : "budgeting.plan.infeasible")
                  : t("budgeting.plan.notReviewed")}
                {plan.feasibilityReason ? ` – ${t("budgeting.public.reason", { reason: plan.feasibilityReason })}` : ""}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
      <FollowForm title={t("budgeting.followRound.title")} intro={t("budgeting.followRound.intro")} />
    </PageShell>
  );
}
