import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import { listAreas } from "../../../src/domain/areas/index.ts";
import { getDeskSettings, submitChallenge } from "../../../src/domain/initiatives/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, FormKeyField, HoneypotField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { submitChallengeForm } from "../../forms/initiatives.ts";
import { submitChallengeLimits } from "../../forms/initiatives-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { challengeRegisterUrl, initiativesErrors } from "../../server/initiatives.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import type { Route } from "./+types/challenge-submit";

export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const { areas, settings } = await inTenant(context, tenant.id, async (tx) => ({
    areas: await listAreas(tx, { tenantId: tenant.id }),
    settings: await getDeskSettings(tx, { tenantId: tenant.id }),
  }));
  return {
    weeks: settings.challengeDecisionWeeks,
    areas: areas.filter((a) => a.kind !== "municipality").map(({ id, name }) => ({ id, name })),
    formKey: newToken().token,
  };
}

/** A request to take over a municipal task; the requester gets a mail with the reference and the decision date. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const submission = await parseForm(request, submitChallengeForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const value = submission.value;
  const done = (reference: string) =>
    redirect(`/${params.gemeente}/uitdaagrecht/indienen?referentie=${encodeURIComponent(reference)}`);
  const locale = await localeOf(request);
  try {
    const { reference } = await inTenant(context, tenant.id, (tx) =>
      submitChallenge(tx, {
        tenantId: tenant.id,
        task: value.task,
        plan: value.plan,
        budgetCents: value.budget,
        neighbourhoodSupport: value.neighbourhoodSupport,
        areaId: value.area,
        requester: value.requester,
        organisation: value.organisation || null,
        contactName: value.name,
        contactEmail: value.email,
        locale,
        idempotencyKey: value.key,
        registerUrl: challengeRegisterUrl(context, params.gemeente),
        now: new Date(),
      }),
    );
    services(context).queue.wake();
    return done(reference);
  } catch (error) {
    return replyWithDomainError(error, submission, initiativesErrors);
  }
}

export default function SubmitChallengePage({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const [search] = useSearchParams();
  const reference = search.get("referentie");
  const title = t("initiatives.challenge.submit.title");
  const [form, fields] = useForm<z.input<typeof submitChallengeForm>>({
    constraint: submitChallengeLimits,
    id: "uitdaagrecht",
    lastResult: actionData?.result,
  });
  if (reference !== null) {
    return (
      <PageShell title={title}>
        <Heading level={1}>{title}</Heading>
        <Notice message={t("initiatives.challenge.submit.sent", { reference })} />
        <Paragraph>
          <Link className="nl-link" to={`/${params.gemeente}/uitdaagrecht`}>
            {t("initiatives.challenge.staff.back")}
          </Link>
        </Paragraph>
      </PageShell>
    );
  }
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("initiatives.challenge.submit.intro", { weeks: loaderData.weeks })}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.task, label: t("initiatives.challenge.field.task") },
            { meta: fields.plan, label: t("initiatives.challenge.field.plan") },
            { meta: fields.budget, label: t("initiatives.challenge.field.budget") },
            { meta: fields.neighbourhoodSupport, label: t("initiatives.challenge.field.support") },
            { meta: fields.area, label: t("initiatives.challenge.field.area") },
            { meta: fields.requester, label: t("initiatives.challenge.field.requester") },
            { meta: fields.organisation, label: t("initiatives.challenge.field.organisation") },
            { meta: fields.name, label: t("initiatives.challenge.field.name") },
            { meta: fields.email, label: t("initiatives.challenge.field.email") },
          ]}
        />
        <HoneypotField />
        <FormKeyField meta={fields.key} fresh={loaderData.formKey} />
        <TextField
          meta={fields.task}
          label={t("initiatives.challenge.field.task")}
          description={t("initiatives.challenge.field.task.hint")}
          required
        />
        <TextAreaField
          meta={fields.plan}
          label={t("initiatives.challenge.field.plan")}
          description={t("initiatives.challenge.field.plan.hint")}
          required
        />
        <TextField
          meta={fields.budget}
          label={t("initiatives.challenge.field.budget")}
          description={t("initiatives.challenge.field.budget.hint")}
        />
        <TextAreaField
          meta={fields.neighbourhoodSupport}
          label={t("initiatives.challenge.field.support")}
          description={t("initiatives.challenge.field.support.hint")}
          rows={3}
          required
        />
        <SelectField
          meta={fields.area}
          label={t("initiatives.challenge.field.area")}
          options={[
            { value: "", label: t("initiatives.field.area.none") },
            ...loaderData.areas.map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        <SelectField
          meta={fields.requester}
          label={t("initiatives.challenge.field.requester")}
          options={(["residents", "organisation"] as const).map((kind) => ({
            value: kind,
            label: t(`initiatives.challenge.requester.${kind}`),
          }))}
        />
        <TextField
          meta={fields.organisation}
          label={t("initiatives.challenge.field.organisation")}
          description={t("initiatives.challenge.field.organisation.hint")}
        />
        <Paragraph>{t("initiatives.challenge.submit.privacy")}</Paragraph>
        <TextField meta={fields.name} label={t("initiatives.challenge.field.name")} autoComplete="name" required />
        <TextField
          meta={fields.email}
          label={t("initiatives.challenge.field.email")}
          type="email"
          autoComplete="email"
          required
        />
        <PrimaryActionButton type="submit">{t("initiatives.challenge.submit.submit")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
