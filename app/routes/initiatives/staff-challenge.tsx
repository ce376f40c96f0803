import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { DataList, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  allowedChallengeSteps,
  extendChallengeTerm,
  getChallenge,
  getDeskSettings,
  isDecided,
  takeChallengeStep,
} from "../../../src/domain/initiatives/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { ExtendTermForm } from "../../components/extend-term-form.tsx";
import { ErrorSummary, TextAreaField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { Fact } from "../../components/programme-lists.tsx";
import { challengeStepForm, extendTermForm } from "../../forms/initiatives.ts";
import { challengeStepLimits } from "../../forms/initiatives-limits.ts";
import { formatCalendarDate, formatDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { idOrNotFound, notFound } from "../../server/http.server.ts";
import { challengeRegisterUrl, initiativesErrors } from "../../server/initiatives.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-challenge";

/**
 * One uitdaagrecht request: the plan, the budget, the support, the next step with its reasons, and the one extension
 * of its decision term.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "initiatives:manage");
  idOrNotFound(params.challengeId);
  try {
    const { challenge, settings } = await withTenant(
      services(context).db,
      { tenantId: tenant.id, personId: actor.personId },
      async (tx) => ({
        challenge: await getChallenge(tx, { tenantId: tenant.id, challengeId: params.challengeId, now: new Date() }),
        settings: await getDeskSettings(tx, { tenantId: tenant.id }),
      }),
    );
    return {
      base: staffBase(params.gemeente),
      challenge,
      steps: allowedChallengeSteps(challenge.status),
      /** The weeks an extension adds, while one is still possible. */
      extensionWeeks: challenge.extendedAt || isDecided(challenge.status) ? null : settings.challengeDecisionWeeks,
    };
  } catch (error) {
    if (isDomainError(error) && error.code === "initiatives.challenge-not-found") notFound();
    throw error;
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "initiatives:manage");
  idOrNotFound(params.challengeId);
  const { intent, submission } = parseIntentForm(await readForm(request), {
    step: challengeStepForm,
    extend: extendTermForm,
  });
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const common = {
    tenantId: tenant.id,
    challengeId: params.challengeId,
    reason: value.reason,
    actorPersonId: actor.personId,
    registerUrl: challengeRegisterUrl(context, params.gemeente),
    now: new Date(),
  };
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      if (value.intent === "step") await takeChallengeStep(tx, { ...common, step: value.step });
      else await extendChallengeTerm(tx, common);
    });
  } catch (error) {
    if (isDomainError(error) && error.code === "initiatives.challenge-not-found") notFound();
    return forForm(intent, replyWithDomainError(error, submission, initiativesErrors));
  }
  services(context).queue.wake();
  return redirect(`${staffBase(params.gemeente)}/uitdaagrecht/${params.challengeId}?melding=${intent}`);
}

export default function StaffChallengePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { base, challenge: c, steps, extensionWeeks } = loaderData;
  const notice = useNotice({
    step: "initiatives.challenge.notice.step",
    extend: "initiatives.challenge.notice.extend",
  });
  const [form, fields] = useFormFor<z.input<typeof challengeStepForm>>("step", {
    constraint: challengeStepLimits,
  });
  const title = `${c.reference}: ${c.task}`;
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>
        <Link className="nl-link" to={`${base}/uitdaagrecht`}>
          {t("initiatives.challenge.staff.back")}
        </Link>
      </Paragraph>
      <DataList className="samenspel-facts">
        <Fact label={t("initiatives.detail.status")}>
          {t(`initiatives.challenge.status.${c.status}`)}
          {c.decisionReason ? ` – ${c.decisionReason}` : ""}
        </Fact>
        <Fact label={t("initiatives.challenge.column.decisionDueOn")}>
          {formatCalendarDate(locale, c.decisionDueOn)}
          {c.late && (
            <>
              {" "}
              <strong className="samenspel-late">{t("initiatives.challenge.staff.late")}</strong>
            </>
          )}
          {c.extendedAt && c.extensionReason && (
            <>
              <br />
              {t("initiatives.challenge.extend.done", {
                date: formatDate(locale, c.extendedAt),
                reason: c.extensionReason,
              })}
            </>
          )}
        </Fact>
        <Fact label={t("initiatives.challenge.field.plan")}>
          <span className="samenspel-pre-line">{c.plan}</span>
        </Fact>
        <Fact label={t("initiatives.challenge.column.budget")}>{formatMoney(locale, c.budgetCents)}</Fact>
        <Fact label={t("initiatives.challenge.field.support")}>
          <span className="samenspel-pre-line">{c.neighbourhoodSupport}</span>
        </Fact>
        <Fact label={t("initiatives.challenge.field.area")}>{c.areaName ?? t("initiatives.field.area.none")}</Fact>
        <Fact label={t("initiatives.challenge.column.requester")}>
          {c.organisation ?? t("initiatives.challenge.requester.residents")}
        </Fact>
        <Fact label={t("initiatives.challenge.detail.contact")}>
          {c.contactName},{" "}
          <a className="nl-link" href={`mailto:${c.contactEmail}`}>
            {c.contactEmail}
          </a>
        </Fact>
        <Fact label={t("initiatives.challenge.column.submittedOn")}>{formatCalendarDate(locale, c.submittedOn)}</Fact>
      </DataList>
      {steps.length > 0 && (
        <section aria-labelledby="stap" className="samenspel-panel">
          <Heading level={2} id="stap">
            {t("initiatives.challenge.step.title")}
          </Heading>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="step" />
            <ErrorSummary
              formErrors={form.errors}
              fields={[
                { meta: fields.step, label: t("initiatives.challenge.step.label") },
                { meta: fields.reason, label: t("initiatives.challenge.step.reason") },
              ]}
            />
            <SelectField
              meta={fields.step}
              label={t("initiatives.challenge.step.label")}
              options={steps.map((step) => ({ value: step, label: t(`initiatives.challenge.step.${step}`) }))}
            />
            <TextAreaField
              meta={fields.reason}
              label={t("initiatives.challenge.step.reason")}
              description={t("initiatives.challenge.step.reason.hint")}
              rows={4}
            />
            <PrimaryActionButton type="submit">{t("initiatives.challenge.step.submit")}</PrimaryActionButton>
          </Form>
        </section>
      )}
      {extensionWeeks !== null && (
        <ExtendTermForm intro={t("initiatives.challenge.extend.intro", { weeks: extensionWeeks })} />
      )}
    </PageShell>
  );
}
