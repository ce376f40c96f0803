import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { getWorkshop, notifyWorkshopRequest, requestWorkshop } from "../../../src/domain/programme/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, FormKeyField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { requestWorkshopForm } from "../../forms/applications.ts";
import { requestWorkshopLimits } from "../../forms/applications-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { municipalWorkshopsUrl, requireCoordinator } from "../../server/applications.server.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import type { Route } from "./+types/request-workshop";

async function load(request: Request, context: Route.LoaderArgs["context"], slug: string) {
  const { actor, municipalities } = await requireCoordinator(request, context);
  const workshop = await readProgramme(context, (tx, tenantId) => getWorkshop(tx, { tenantId, slug }));
  if (!workshop) notFound();
  return { actor, workshop, municipalities };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { workshop, municipalities } = await load(request, context, params.slug);
  return {
    workshop: { title: workshop.title, max: workshop.maxParticipants },
    municipalities,
    formKey: newToken().token,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, workshop, municipalities } = await load(request, context, params.slug);
  const submission = await parseForm(request, requestWorkshopForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const municipality = municipalities.find((m) => m.slug === submission.value.municipality);
  if (!municipality) {
    return invalidForm(submission.reply({ fieldErrors: { municipality: ["applications.municipality.required"] } }));
  }
  try {
    const now = new Date();
    await withTenant(services(context).db, { tenantId: municipality.id, personId: actor.personId }, async (tx) => {
      const requested = await requestWorkshop(tx, {
        programmeTenantId: workshop.tenantId,
        municipalityId: municipality.id,
        workshopId: workshop.id,
        participants: submission.value.participants,
        preferredDates: submission.value.preferredDates,
        personId: actor.personId,
        idempotencyKey: submission.value.key,
        now,
      });
      if (requested.created)
        await notifyWorkshopRequest(tx, {
          request: requested,
          url: (slug) => municipalWorkshopsUrl(context, slug),
          now,
        });
    });
  } catch (error) {
    return replyWithDomainError(error, submission, programmeErrors);
  }
  services(context).queue.wake();
  return redirect(`/${municipality.slug}/beheer/workshops?melding=requested`);
}

export default function RequestWorkshop({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { workshop, municipalities, formKey } = loaderData;
  const [form, fields] = useForm<z.input<typeof requestWorkshopForm>>({
    constraint: requestWorkshopLimits,
    id: "request-workshop",
    lastResult: actionData?.result,
  });
  const title = t("workshops.request.title", { workshop: workshop.title });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("workshops.request.intro", { max: workshop.max })}</Paragraph>
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.municipality, label: t("applications.municipality") },
          { meta: fields.participants, label: t("workshops.participants") },
          { meta: fields.preferredDates, label: t("workshops.preferredDates") },
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <FormKeyField meta={fields.key} fresh={formKey} />
        <SelectField
          meta={fields.municipality}
          label={t("applications.municipality")}
          options={municipalities.map((m) => ({ value: m.slug, label: m.name }))}
        />
        <TextField
          meta={fields.participants as never}
          label={t("workshops.participants")}
          description={t("workshops.participants.hint", { max: workshop.max })}
          type="number"
        />
        <TextAreaField
          meta={fields.preferredDates}
          label={t("workshops.preferredDates")}
          description={t("workshops.preferredDates.hint")}
        />
        <PrimaryActionButton type="submit">{t("workshops.request.submit")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
