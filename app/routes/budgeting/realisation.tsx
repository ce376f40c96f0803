import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link, redirect } from "react-router";
import { followPlan, getRound, listRealisation } from "../../../src/domain/budgeting/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { FollowForm } from "../../components/follow-form.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { RealisationTimeline } from "../../components/realisation-timeline.tsx";
import { followOneOfForm } from "../../forms/following.ts";
import { useT } from "../../i18n/use-translation.ts";
import { budgetingErrors, inTenant, municipalityOf, orNotFound } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { followLinks } from "../../server/following.server.ts";
import {
  type DomainErrorAnswer,
  forForm,
  invalidForm,
  parseFormData,
  readForm,
  replyWithDomainError,
} from "../../server/forms.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { limitMailingForm } from "../../server/rate-limits.server.ts";
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

const followErrors = {
  ...budgetingErrors,
  "budgeting.plan-not-funded": { status: 409, message: "budgeting.follow.notFunded", field: "subject" },
  "budgeting.plan-not-found": { status: 409, message: "budgeting.follow.notFunded", field: "subject" },
  "identity.rate-limited": { status: 429, message: "identity.error.rateLimited" },
} as const satisfies Record<string, DomainErrorAnswer>;

/** Follow one funded plan by e-mail: a confirmation mail first, then a mail with every update staff post on it. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const submission = parseFormData(await readForm(request), followOneOfForm);
  if (submission.status !== "success") return forForm("follow", invalidForm(submission.reply()));
  const value = submission.value;
  const tenant = await municipalityOf(context, params.gemeente);
  const here = `/${params.gemeente}/burgerbegroting/${params.ronde}/uitvoering?melding=follow#volgen`;
  // A bot that filled in the hidden field gets the same answer, and no mail goes out.
  if (value.website) return redirect(here);
  try {
    await limitMailingForm(context, "pb-plan-follow", value.email);
    const locale = await localeOf(request);
    await orNotFound(
      inTenant(context, tenant.id, (tx) =>
        followPlan(tx, {
          tenantId: tenant.id,
          roundSlug: params.ronde,
          planId: value.subject,
          email: value.email,
          locale,
          linkFor: followLinks(context, params.gemeente).confirm,
          now: new Date(),
        }),
      ),
    );
  } catch (error) {
    return forForm("follow", replyWithDomainError(error, submission, followErrors));
  }
  services(context).queue.wake();
  return redirect(here);
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
