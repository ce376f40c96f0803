import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { followPlan, getRound, listRealisation } from "../../../src/domain/budgeting/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { FollowForm } from "../../components/follow-form.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { RealisationTimeline } from "../../components/realisation-timeline.tsx";
import { followOneOfForm } from "../../forms/following.ts";
import { useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf, orNotFound } from "../../server/budgeting.server.ts";
import { answerRoundFollowForm } from "../../server/round-follow.server.ts";
import type { Route } from "./+types/realisation";

/** The public realisation page: every funded plan with where it stands and its dated updates, oldest first. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  return orNotFound(
    inTenant(context, tenant.id, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      return {
        round: { slug: round.slug, title: round.title },
        plans: await listRealisation(tx, { tenantId: tenant.id, roundId: round.id }),
      };
    }),
  );
}

/** Follow one funded plan by e-mail: a confirmation mail first, then a mail with every update staff post on it. */
export function action(args: Route.ActionArgs) {
  return answerRoundFollowForm(args, {
    schema: followOneOfForm,
    limit: "pb-plan-follow",
    here: `/${args.params.gemeente}/burgerbegroting/${args.params.ronde}/uitvoering?melding=follow#volgen`,
    errors: {
      "budgeting.plan-not-funded": { status: 409, message: "budgeting.follow.notFunded", field: "subject" },
      "budgeting.plan-not-found": { status: 409, message: "budgeting.follow.notFunded", field: "subject" },
    },
    follow: (tx, request) => followPlan(tx, { ...request, planId: request.value.subject }),
  });
}

export default function RealisationPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { round, plans } = loaderData;
  const notice = useNotice({ follow: "processes.follow.sent" });
  const title = t("budgeting.realisation.title", { round: round.title });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <Paragraph purpose="lead">{t("budgeting.realisation.lead")}</Paragraph>
      <Paragraph>
        <Link className="utrecht-link" to={`/${params.gemeente}/burgerbegroting/${round.slug}`}>
          {t("budgeting.plan.backToRound")}
        </Link>
      </Paragraph>
      {plans.length === 0 ? (
        <Paragraph>{t("budgeting.realisation.notYet")}</Paragraph>
      ) : (
        <>
          <RealisationTimeline gemeente={params.gemeente} plans={plans} level={2} />
          <FollowForm
            title={t("budgeting.follow.title")}
            intro={t("budgeting.follow.intro")}
            choice={{
              label: t("budgeting.follow.plan"),
              options: plans.map((p) => ({ value: p.id, label: `${p.reference}. ${p.title} (${p.areaName})` })),
            }}
          />
        </>
      )}
    </PageShell>
  );
}
