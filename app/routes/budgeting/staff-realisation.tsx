import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  getRound,
  listRealisation,
  postPlanUpdate,
  REALISATION_STATUSES,
  type RealisationStatus,
} from "../../../src/domain/budgeting/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { MAX_UPLOAD_BYTES } from "../../../src/platform/uploads/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, FileField, FormKeyField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { RealisationTimeline } from "../../components/realisation-timeline.tsx";
import { acceptsUpload } from "../../forms/body-limits.ts";
import { planUpdateForm } from "../../forms/budgeting.ts";
import { planUpdateLimits } from "../../forms/budgeting-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { orNotFound, planFormErrors } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { followLinks } from "../../server/following.server.ts";
import { invalidForm, parseFormData, replyWithDomainError } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { fileIn, readMultipartForm } from "../../server/uploads.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-realisation";

/** An update may carry a photo. */
export const handle = acceptsUpload();

/** Staff post dated progress updates on the funded plans of a published round; the public page shows them. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "budgeting:manage");
  const view = await orNotFound(
    withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      return {
        round: { slug: round.slug, title: round.title },
        plans: await listRealisation(tx, { tenantId: tenant.id, roundId: round.id }),
      };
    }),
  );
  return {
    ...view,
    base: staffBase(params.gemeente),
    statuses: REALISATION_STATUSES,
    formKey: newToken().token,
    maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "budgeting:manage");
  const formData = await readMultipartForm(request);
  const submission = parseFormData(formData, planUpdateForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const v = submission.value;
  const photo = await fileIn(formData, "photo");
  if (photo && !v.photoAlt) {
    return invalidForm(submission.reply({ fieldErrors: { photoAlt: ["budgeting.error.photoAlt"] } }));
  }
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      postPlanUpdate(tx, {
        tenantId: tenant.id,
        roundSlug: params.ronde,
        planId: v.plan,
        status: v.status as RealisationStatus,
        body: v.body,
        happenedOn: v.happenedOn,
        photo: photo ? { bytes: photo.bytes, fileName: photo.name, altText: v.photoAlt ?? "" } : null,
        actorPersonId: actor.personId,
        idempotencyKey: `plan-update:${actor.personId}:${v.key}`,
        realisationUrl: `${services(context).config.publicUrl}/${params.gemeente}/burgerbegroting/${params.ronde}/uitvoering`,
        unsubscribeBase: followLinks(context, params.gemeente).unsubscribeBase,
        now: new Date(),
      }),
    );
    // The followers' mails were queued with the update: the worker sends them now rather than at its next poll.
    services(context).queue.wake();
  } catch (error) {
    return replyWithDomainError(error, submission, {
      ...planFormErrors,
      "budgeting.plan-not-funded": { ...planFormErrors["budgeting.plan-not-funded"], field: "plan" },
    });
  }
  return redirect(`${staffBase(params.gemeente)}/burgerbegroting/${params.ronde}/uitvoering?melding=update`);
}

export default function StaffRealisation({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const { round, plans, base, statuses, formKey, maxMegabytes } = loaderData;
  const notice = useNotice({ update: "budgeting.realisation.posted" });
  const [form, fields] = useForm<z.input<typeof planUpdateForm>>({
    constraint: planUpdateLimits,
    id: "plan-update",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    shouldValidate: "onSubmit",
  });
  const title = t("budgeting.realisation.staffTitle", { round: round.title });
  const labels = {
    plan: t("budgeting.realisation.plan"),
    status: t("budgeting.realisation.status"),
    happenedOn: t("budgeting.realisation.happenedOn"),
    body: t("budgeting.realisation.body"),
    photoAlt: t("budgeting.plan.photoAlt"),
  };
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>
        <Link className="utrecht-link" to={`${base}/burgerbegroting/${params.ronde}`}>
          {t("budgeting.realisation.backToRound")}
        </Link>{" "}
        ·{" "}
        <Link className="utrecht-link" to={`/${params.gemeente}/burgerbegroting/${params.ronde}/uitvoering`}>
          {t("budgeting.staff.public")}
        </Link>
      </Paragraph>
      {plans.length === 0 ? (
        <Paragraph>{t("budgeting.realisation.notYet")}</Paragraph>
      ) : (
        <>
          <Heading level={2}>{t("budgeting.realisation.new")}</Heading>
          <Paragraph>{t("budgeting.realisation.intro")}</Paragraph>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
            <FormKeyField meta={fields.key} fresh={formKey} />
            <ErrorSummary
              formErrors={form.errors}
              fields={[
                { meta: fields.plan, label: labels.plan },
                { meta: fields.status, label: labels.status },
                { meta: fields.happenedOn, label: labels.happenedOn },
                { meta: fields.body, label: labels.body },
                { meta: fields.photoAlt, label: labels.photoAlt },
              ]}
            />
            <SelectField
              meta={fields.plan}
              label={labels.plan}
              options={plans.map((p) => ({ value: p.id, label: `${p.reference}. ${p.title} (${p.areaName})` }))}
            />
            <SelectField
              meta={fields.status}
              label={labels.status}
              options={statuses.map((s) => ({ value: s, label: t(`budgeting.realisation.status.${s}`) }))}
            />
            <TextField meta={fields.happenedOn} label={labels.happenedOn} type="date" required />
            <TextAreaField meta={fields.body} label={labels.body} required />
            <FileField
              meta={{ id: "update-photo", name: "photo", errors: form.allErrors.photo }}
              label={t("budgeting.plan.photo")}
              description={t("budgeting.plan.photo.hint", { megabytes: maxMegabytes })}
              accept="image/jpeg,image/png,image/webp"
            />
            <TextField meta={fields.photoAlt} label={labels.photoAlt} description={t("budgeting.plan.photoAlt.hint")} />
            <PrimaryActionButton type="submit">{t("budgeting.realisation.post")}</PrimaryActionButton>
          </Form>
          <RealisationTimeline gemeente={params.gemeente} plans={plans} level={2} />
        </>
      )}
    </PageShell>
  );
}
