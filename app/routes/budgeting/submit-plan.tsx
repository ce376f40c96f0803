import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { getRound, submitPlan } from "../../../src/domain/budgeting/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { MAX_UPLOAD_BYTES } from "../../../src/platform/uploads/index.ts";
import { SelectField } from "../../components/choice-fields.tsx";
import {
  ErrorSummary,
  FileField,
  FormKeyField,
  HoneypotField,
  TextAreaField,
  TextField,
} from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { acceptsUpload } from "../../forms/body-limits.ts";
import { planForm } from "../../forms/budgeting.ts";
import { planLimits } from "../../forms/budgeting-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf, orNotFound, planFormErrors } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseFormData, replyWithDomainError } from "../../server/forms.server.ts";
import { requireActor } from "../../server/session.server.ts";
import { fileIn, readMultipartForm } from "../../server/uploads.server.ts";
import type { Route } from "./+types/submit-plan";

/** The plan form carries an optional photo. */
export const handle = acceptsUpload();

/** A signed-in resident submits a plan while the round takes plans; staff check it before it is public. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const round = await orNotFound(
    inTenant(context, tenant.id, (tx) => getRound(tx, { tenantId: tenant.id, slug: params.ronde })),
  );
  if (round.track.phase === "plans") await requireActor(request, context);
  return {
    round: { slug: round.slug, title: round.title, open: round.track.phase === "plans" },
    areas: round.areas.map((a) => ({ id: a.id, name: a.name })),
    formKey: newToken().token,
    maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const actor = await requireActor(request, context);
  const formData = await readMultipartForm(request);
  const submission = parseFormData(formData, planForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const v = submission.value;
  // A bot filled the hidden field: answer as if all went well, and keep nothing.
  if (v.website) return redirect(`/${params.gemeente}/burgerbegroting/${params.ronde}?melding=plan`);
  const photo = await fileIn(formData, "photo");
  if (photo && !v.photoAlt) {
    return invalidForm(submission.reply({ fieldErrors: { photoAlt: ["budgeting.error.photoAlt"] } }));
  }
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      submitPlan(tx, {
        tenantId: tenant.id,
        roundSlug: params.ronde,
        roundAreaId: v.area,
        personId: actor.personId,
        title: v.title,
        description: v.description,
        location: v.location ?? "",
        estimatedCostEuros: v.estimatedCost,
        photo: photo ? { bytes: photo.bytes, fileName: photo.name, altText: v.photoAlt ?? "" } : null,
        idempotencyKey: `plan:${actor.personId}:${v.key}`,
        now: new Date(),
      }),
    );
  } catch (error) {
    return replyWithDomainError(error, submission, planFormErrors);
  }
  return redirect(`/${params.gemeente}/burgerbegroting/${params.ronde}?melding=plan`);
}

export default function SubmitPlanPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const { round, areas, formKey, maxMegabytes } = loaderData;
  const [form, fields] = useForm<z.input<typeof planForm>>({
    constraint: planLimits,
    id: "plan",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    shouldValidate: "onSubmit",
  });
  const title = t("budgeting.plan.submit.title");
  const labels = {
    title: t("budgeting.plan.title"),
    description: t("budgeting.plan.description"),
    area: t("budgeting.plan.area"),
    location: t("budgeting.plan.location"),
    estimatedCost: t("budgeting.plan.estimatedCost"),
    photoAlt: t("budgeting.plan.photoAlt"),
  };
  return (
    <PageShell title={`${title} – ${round.title}`}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{round.title}</Paragraph>
      {!round.open ? (
        <Paragraph>
          {t("budgeting.error.notAcceptingPlans")}{" "}
          <Link className="utrecht-link" to={`/${params.gemeente}/burgerbegroting/${round.slug}`}>
            {t("budgeting.plan.backToRound")}
          </Link>
        </Paragraph>
      ) : (
        <>
          <Paragraph>{t("budgeting.plan.submit.intro")}</Paragraph>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
            <FormKeyField meta={fields.key} fresh={formKey} />
            <HoneypotField />
            <ErrorSummary
              formErrors={form.errors}
              fields={[
                { meta: fields.title, label: labels.title },
                { meta: fields.description, label: labels.description },
                { meta: fields.area, label: labels.area },
                { meta: fields.location, label: labels.location },
                { meta: fields.estimatedCost, label: labels.estimatedCost },
                { meta: fields.photoAlt, label: labels.photoAlt },
              ]}
            />
            <TextField meta={fields.title} label={labels.title} required />
            <TextAreaField meta={fields.description} label={labels.description} required />
            <SelectField
              meta={fields.area}
              label={labels.area}
              options={areas.map((a) => ({ value: a.id, label: a.name }))}
            />
            <TextField meta={fields.location} label={labels.location} />
            <TextField
              meta={fields.estimatedCost}
              label={labels.estimatedCost}
              description={t("budgeting.plan.estimatedCost.hint")}
            />
            <FileField
              meta={{ id: "plan-photo", name: "photo", errors: form.allErrors.photo }}
              label={t("budgeting.plan.photo")}
              description={t("budgeting.plan.photo.hint", { megabytes: maxMegabytes })}
              accept="image/jpeg,image/png,image/webp"
            />
            <TextField meta={fields.photoAlt} label={labels.photoAlt} description={t("budgeting.plan.photoAlt.hint")} />
            <PrimaryActionButton type="submit">{t("budgeting.plan.submit.button")}</PrimaryActionButton>
          </Form>
        </>
      )}
    </PageShell>
  );
}
