import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { DataList, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { allowedChallengeSteps, getChallenge, takeChallengeStep } from "../../../src/domain/initiatives/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, TextAreaField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { Fact } from "../../components/programme-lists.tsx";
import { challengeStepForm } from "../../forms/initiatives.ts";
import { formatCalendarDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { challengeRegisterUrl, idOrNotFound, initiativesErrors } from "../../server/initiatives.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-challenge";

/** One uitdaagrecht request: the plan, the budget, the support, and the next step with its reasons. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "initiatives:manage");
  idOrNotFound(params.challengeId);
  try {
    const challenge = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      getChallenge(tx, { tenantId: tenant.id, challengeId: params.challengeId, now: new Date() }),
    );
    return { base: staffBase(params.gemeente), challenge, steps: allowedChallengeSteps(challenge.status) };
  } catch (error) {
    if (isDomainError(error) && error.code === "initiatives.challenge-not-found") notFound();
    throw error;
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "initiatives:manage");
  idOrNotFound(params.challengeId);
  const submission = await parseForm(request, challengeStepForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      takeChallengeStep(tx, {
        tenantId: tenant.id,
        challengeId: params.challengeId,
        step: submission.value.step,
        reason: submission.value.reason,
        actorPersonId: actor.personId,
        registerUrl: challengeRegisterUrl(context, params.gemeente),
        now: new Date(),
      }),
    );
  } catch (error) {
    if (isDomainError(error) && error.code === "initiatives.challenge-not-found") notFound();
    return replyWithDomainError(error, submission, initiativesErrors);
  }
  services(context).queue.wake();
  return redirect(`${staffBase(params.gemeente)}/uitdaagrecht/${params.challengeId}?melding=stap`);
}

export default function StaffChallengePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const { base, challenge: c, steps } = loaderData;
  const [form, fields] = useForm<z.input<typeof challengeStepForm>>({ id: "stap", lastResult: actionData?.result });
  const title = `${c.reference}: ${c.task}`;
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={search.get("melding") === "stap" ? t("initiatives.challenge.notice.step") : undefined} />
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
    </PageShell>
  );
}
