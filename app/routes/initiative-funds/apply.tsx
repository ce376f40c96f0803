import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, redirect, useActionData } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { listAreas } from "../../../src/domain/areas/index.ts";
import { applicationUrl, applyToFund, findFundBySlug } from "../../../src/domain/initiatives/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, FileField, FormKeyField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { FundRules } from "../../components/fund-rules.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { acceptsUpload } from "../../forms/body-limits.ts";
import { applyForm } from "../../forms/initiative-funds.ts";
import { applyLimits } from "../../forms/initiative-funds-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseFormData, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import {
  filesIn,
  fundErrors,
  municipalityOf,
  readFundForm,
  rulesSummary,
  storeFundFiles,
} from "../../server/initiative-funds.server.ts";
import { requireActor } from "../../server/session.server.ts";
import type { Route } from "./+types/apply";

/** The form carries the required documents. */
export const handle = acceptsUpload();

/** A resident applies to a fund (signed in, so they can follow and complete the application later). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  await requireActor(request, context);
  const view = await withTenant(services(context).db, { tenantId: tenant.id }, async (tx) => {
    const fund = await findFundBySlug(tx, { tenantId: tenant.id, slug: params.fonds });
    if (!fund) return undefined;
    const areas = (await listAreas(tx, { tenantId: tenant.id })).filter((a) => a.kind !== "municipality");
    return { fund, areas: areas.map((a) => ({ id: a.id, name: a.name })) };
  });
  if (!view) notFound();
  return {
    fund: { name: view.fund.name, rules: rulesSummary(view.fund) },
    areas: view.areas,
    formKey: newToken().token,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const actor = await requireActor(request, context);
  const formData = await readFundForm(request);
  const submission = parseFormData(formData, applyForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const value = submission.value;
  const now = new Date();
  const files = await filesIn(formData, "document");
  const { db, config } = services(context);
  try {
    const application = await withTenant(db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      const fund = await findFundBySlug(tx, { tenantId: tenant.id, slug: params.fonds });
      if (!fund) notFound();
      const documents = await storeFundFiles(
        tx,
        { tenantId: tenant.id, actorPersonId: actor.personId, now },
        files.flatMap((file) => {
          const purpose = fund.requiredDocuments[Number(file.field.slice("document-".length))];
          return purpose ? [{ ...file, purpose }] : [];
        }),
      );
      return applyToFund(tx, {
        tenantId: tenant.id,
        fundId: fund.id,
        applicantId: actor.personId,
        title: value.title,
        description: value.description,
        areaId: value.area,
        activityOn: value.activityOn,
        totalCostCents: value.totalCost,
        requestedCents: value.requested,
        ownMoneyCents: value.ownMoney,
        ownHours: value.ownHours,
        documents,
        idempotencyKey: value.key,
        url: (id) => applicationUrl(config.publicUrl, params.gemeente, id),
        now,
      });
    });
    services(context).queue.wake();
    return redirect(`/${params.gemeente}/fondsen/aanvraag/${application.id}?melding=applied`);
  } catch (error) {
    return replyWithDomainError(error, submission, fundErrors);
  }
}

export default function ApplyPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { fund, areas } = loaderData;
  const lastResult = (useActionData() as { result?: never } | undefined)?.result;
  const [form, fields] = useForm<z.input<typeof applyForm>>({
    constraint: applyLimits,
    id: "apply",
    lastResult,
  });
  const title = t("funds.apply.heading", { fund: fund.name });
  const errors = (name: string) => form.allErrors[name];
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <FundRules rules={fund.rules} />
      <Paragraph>{t("funds.apply.intro")}</Paragraph>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormKeyField meta={fields.key} fresh={loaderData.formKey} />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.title, label: t("funds.apply.title") },
            { meta: fields.description, label: t("funds.apply.description") },
            { meta: fields.activityOn, label: t("funds.apply.activityOn") },
            { meta: fields.totalCost, label: t("funds.apply.totalCost") },
            { meta: fields.requested, label: t("funds.apply.requested") },
            { meta: fields.ownMoney, label: t("funds.apply.ownMoney") },
            { meta: fields.ownHours, label: t("funds.apply.ownHours") },
            { meta: fields.area, label: t("funds.apply.area") },
          ]}
        />
        <TextField meta={fields.title} label={t("funds.apply.title")} />
        <TextAreaField
          meta={fields.description}
          label={t("funds.apply.description")}
          description={t("funds.apply.description.hint")}
        />
        <SelectField
          meta={fields.area}
          label={t("funds.apply.area")}
          options={[
            { value: "", label: t("funds.apply.area.none") },
            ...areas.map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        <TextField meta={fields.activityOn} label={t("funds.apply.activityOn")} type="date" />
        <TextField meta={fields.totalCost} label={t("funds.apply.totalCost")} description={t("funds.amount.hint")} />
        <TextField meta={fields.requested} label={t("funds.apply.requested")} description={t("funds.amount.hint")} />
        <TextField meta={fields.ownMoney} label={t("funds.apply.ownMoney")} description={t("funds.amount.hint")} />
        <TextField meta={fields.ownHours} label={t("funds.apply.ownHours")} />
        {fund.rules.requiredDocuments.map((document, i) => (
          <FileField
            key={document}
            meta={{ id: `document-${i}`, name: `document-${i}`, errors: errors(`document-${i}`) }}
            label={document}
            description={t("funds.apply.document.hint")}
            accept="application/pdf,image/jpeg,image/png,image/webp"
          />
        ))}
        <PrimaryActionButton type="submit">{t("funds.apply.submit")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
