import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import { listAreas } from "../../../src/domain/areas/index.ts";
import { initiativeSupportKinds, submitInitiative } from "../../../src/domain/initiatives/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { CheckboxField, CheckboxGroupField, Notice, SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, FormKeyField, HoneypotField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { submitInitiativeForm } from "../../forms/initiatives.ts";
import { submitInitiativeLimits } from "../../forms/initiatives-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { initiativesErrors, initiativeUrls } from "../../server/initiatives.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { getActor } from "../../server/session.server.ts";
import type { Route } from "./+types/submit";

/** The areas a resident can choose from: kernen or wijken, then buurten. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const areas = await inTenant(context, tenant.id, (tx) => listAreas(tx, { tenantId: tenant.id }));
  return {
    tenant: { name: tenant.name },
    areas: areas.filter((a) => a.kind !== "municipality").map(({ id, name }) => ({ id, name })),
    supportKinds: [...initiativeSupportKinds],
    formKey: newToken().token,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const submission = await parseForm(request, submitInitiativeForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const value = submission.value;
  const done = (reference: string) =>
    redirect(`/${params.gemeente}/initiatieven/indienen?referentie=${encodeURIComponent(reference)}`);
  const actor = await getActor(request, context);
  const locale = await localeOf(request);
  try {
    const { reference } = await inTenant(context, tenant.id, (tx) =>
      submitInitiative(tx, {
        tenantId: tenant.id,
        title: value.title,
        description: value.description,
        areaId: value.area,
        location: value.location,
        involved: value.involved,
        support: value.support,
        supportNote: value.supportNote,
        initiatorName: value.name,
        initiatorEmail: value.email,
        locale,
        showcase: value.showcase === "on",
        submittedById: actor?.personId ?? null,
        idempotencyKey: value.key,
        urls: initiativeUrls(context, params.gemeente),
        now: new Date(),
      }),
    );
    services(context).queue.wake();
    return done(reference);
  } catch (error) {
    return replyWithDomainError(error, submission, initiativesErrors);
  }
}

export default function SubmitInitiativePage({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const [search] = useSearchParams();
  const reference = search.get("referentie");
  const title = t("initiatives.submit.title");
  const [form, fields] = useForm<z.input<typeof submitInitiativeForm>>({
    constraint: submitInitiativeLimits,
    id: "initiatief",
    lastResult: actionData?.result,
  });
  if (reference !== null) {
    return (
      <PageShell title={t("initiatives.submit.sentTitle")}>
        <Heading level={1}>{t("initiatives.submit.sentTitle")}</Heading>
        <Notice message={t("initiatives.submit.sent", { reference })} />
        <Paragraph>{t("initiatives.submit.sentNext")}</Paragraph>
        <Paragraph>
          <Link className="nl-link" to={`/${params.gemeente}/initiatieven/link-kwijt`}>
            {t("initiatives.lostLink.ask")}
          </Link>
        </Paragraph>
        <Paragraph>
          <Link className="nl-link" to={`/${params.gemeente}/initiatieven`}>
            {t("initiatives.back")}
          </Link>
        </Paragraph>
      </PageShell>
    );
  }
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("initiatives.submit.intro", { tenant: loaderData.tenant.name })}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.title, label: t("initiatives.field.title") },
            { meta: fields.description, label: t("initiatives.field.description") },
            { meta: fields.area, label: t("initiatives.field.area") },
            { meta: fields.location, label: t("initiatives.field.location") },
            { meta: fields.involved, label: t("initiatives.field.involved") },
            { meta: fields.support, label: t("initiatives.field.support") },
            { meta: fields.supportNote, label: t("initiatives.field.supportNote") },
            { meta: fields.name, label: t("initiatives.field.name") },
            { meta: fields.email, label: t("initiatives.field.email") },
          ]}
        />
        <HoneypotField />
        <FormKeyField meta={fields.key} fresh={loaderData.formKey} />
        <TextField meta={fields.title} label={t("initiatives.field.title")} required />
        <TextAreaField
          meta={fields.description}
          label={t("initiatives.field.description")}
          description={t("initiatives.field.description.hint")}
          required
        />
        <SelectField
          meta={fields.area}
          label={t("initiatives.field.area")}
          options={[
            { value: "", label: t("initiatives.field.area.none") },
            ...loaderData.areas.map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        <TextField
          meta={fields.location}
          label={t("initiatives.field.location")}
          description={t("initiatives.field.location.hint")}
        />
        <TextAreaField
          meta={fields.involved}
          label={t("initiatives.field.involved")}
          description={t("initiatives.field.involved.hint")}
          rows={3}
        />
        <CheckboxGroupField
          meta={fields.support}
          legend={t("initiatives.field.support")}
          options={loaderData.supportKinds.map((kind) => ({ value: kind, label: t(`initiatives.support.${kind}`) }))}
        />
        <TextAreaField
          meta={fields.supportNote}
          label={t("initiatives.field.supportNote")}
          description={t("initiatives.field.supportNote.hint")}
          rows={3}
        />
        <Heading level={2}>{t("initiatives.submit.aboutYou")}</Heading>
        <Paragraph>{t("initiatives.submit.privacy")}</Paragraph>
        <TextField meta={fields.name} label={t("initiatives.field.name")} autoComplete="name" required />
        <TextField
          meta={fields.email}
          label={t("initiatives.field.email")}
          type="email"
          autoComplete="email"
          required
        />
        <CheckboxField meta={fields.showcase} label={t("initiatives.field.showcase")} />
        <PrimaryActionButton type="submit">{t("initiatives.submit.submit")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
