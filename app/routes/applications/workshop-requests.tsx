import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button } from "@utrecht/component-library-react";
import { Form, redirect } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import {
  allowedWorkshopSteps,
  listWorkshopRequests,
  takeWorkshopStep,
  type WorkshopRequestSummary,
  type WorkshopStep,
  type WorkshopStepInput,
} from "../../../src/domain/programme/index.ts";
import { dutchTime } from "../../../src/domain/shared/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { workshopStepForm } from "../../forms/applications.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { municipalWorkshopsUrl } from "../../server/applications.server.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { programmeTenant } from "../../server/programme.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { gemeenteOf, StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/workshop-requests";

/**
 * Mounted twice: staff (`workshops:manage`) at `/beheer/workshops` quote, schedule or decline; the municipality at
 * `/:gemeente/beheer/workshops` accepts a quote or cancels. Each side sees only its own steps.
 */
async function access(request: Request, context: Route.LoaderArgs["context"], params: object, acting: boolean) {
  const gemeente = gemeenteOf(params);
  const permission = gemeente ? (acting ? "programme:apply" : "staff-area:view") : "workshops:manage";
  const { actor, tenant } = await requireTenantPermission(request, context, gemeente, permission);
  const programmeTenantId = gemeente ? (await programmeTenant(context)).id : tenant.id;
  return {
    actor,
    tenant,
    programmeTenantId,
    side: gemeente ? ("municipality" as const) : ("programme" as const),
    gemeente,
  };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, programmeTenantId, side, gemeente } = await access(request, context, params, false);
  const requests = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listWorkshopRequests(tx, { programmeTenantId, ...(side === "municipality" ? { municipalityId: tenant.id } : {}) }),
  );
  // The steps come with the data: the state table stays in the domain, out of the browser bundle.
  const withSteps = requests.map((r) => ({ ...r, steps: allowedWorkshopSteps(side, r.status) }));
  return { tenant: { name: tenant.name }, base: staffBase(gemeente), requests: withSteps };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, programmeTenantId, side, gemeente } = await access(request, context, params, true);
  const formData = await readForm(request);
  const submission = parseFormData(formData, workshopStepForm);
  const formId = `${String(formData.get("intent"))}-${String(formData.get("request"))}`;
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  const value = submission.value;
  const input: WorkshopStepInput =
    value.intent === "quote"
      ? { step: "quote", quoteCents: value.amount, quoteNote: value.note ?? "" }
      : value.intent === "schedule"
        ? {
            step: "schedule",
            startsAt: dutchTime(value.startsOn, value.startsTime),
            endsAt: dutchTime(value.startsOn, value.endsTime),
            venue: value.venue,
            address: value.address,
            city: value.city,
          }
        : { step: value.intent };
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      takeWorkshopStep(tx, {
        programmeTenantId,
        requestId: value.request,
        actorPersonId: actor.personId,
        side,
        input,
        url: (slug) => municipalWorkshopsUrl(context, slug),
        now: new Date(),
      }),
    );
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, programmeErrors));
  }
  services(context).queue.wake();
  return redirect(`${staffBase(gemeente)}/workshops?melding=${value.intent}`);
}

export default function WorkshopRequests({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice(notices);
  const { tenant, base, requests } = loaderData;
  const title = t("workshops.requests.title", { tenant: tenant.name });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      {requests.length === 0 ? (
        <Paragraph>{t("workshops.requests.empty")}</Paragraph>
      ) : (
        requests.map((request) => <RequestCard key={request.id} request={request} />)
      )}
    </PageShell>
  );
}

/** Every step ends on the same confirmation. */
const saved = "workshops.requests.saved";
const notices = {
  quote: saved,
  schedule: saved,
  decline: saved,
  accept: saved,
  cancel: saved,
} as const satisfies Record<WorkshopStep, MessageKey>;

function RequestCard({ request }: { request: WorkshopRequestSummary & { steps: WorkshopStep[] } }) {
  const t = useT();
  const locale = useLocale();
  const headingId = `aanvraag-${request.id}`;
  return (
    <section aria-labelledby={headingId} className="samenspel-panel">
      <Heading level={2} id={headingId}>
        {request.workshopTitle} – {request.municipalityName}
      </Heading>
      <Paragraph>
        {t("applications.status")}: <strong>{t(`workshops.status.${request.status}`)}</strong>.{" "}
        {t("workshops.requests.summary", {
          participants: request.participants,
          max: request.maxParticipants,
          on: formatDate(locale, new Date(request.createdAt)),
        })}
      </Paragraph>
      <Paragraph>
        {t("workshops.preferredDates")}: {request.preferredDates}
      </Paragraph>
      {request.quoteCents !== null && (
        <Paragraph>
          {t("workshops.quote")}: {formatMoney(locale, request.quoteCents)}
          {request.quoteNote ? ` – ${request.quoteNote}` : ""}
        </Paragraph>
      )}
      {request.steps.map((step) => (
        <StepForm key={step} request={request} step={step} />
      ))}
    </section>
  );
}

type StepFields = Partial<
  Record<"amount" | "note" | "startsOn" | "startsTime" | "endsTime" | "venue" | "address" | "city", string>
>;

function StepForm({ request, step }: { request: WorkshopRequestSummary; step: WorkshopStep }) {
  const t = useT();
  const id = `${step}-${request.id}`;
  const [form, fields] = useFormFor<StepFields>(id);
  const inputs =
    step === "quote"
      ? ([
          ["amount", "workshops.quote.amount"],
          ["note", "workshops.quote.note"],
        ] as const)
      : step === "schedule"
        ? ([
            ["startsOn", "workshops.schedule.date"],
            ["startsTime", "workshops.schedule.starts"],
            ["endsTime", "workshops.schedule.ends"],
            ["venue", "workshops.schedule.venue"],
            ["address", "workshops.schedule.address"],
            ["city", "workshops.schedule.city"],
          ] as const)
        : [];
  const types: Partial<Record<string, "date" | "time">> = { startsOn: "date", startsTime: "time", endsTime: "time" };
  return (
    <Form method="post" {...getFormProps(form)} className="samenspel-step-form">
      <input type="hidden" name="intent" value={step} />
      <input type="hidden" name="request" value={request.id} />
      <ErrorSummary
        formErrors={form.errors}
        fields={inputs.map(([name, label]) => ({ meta: fields[name], label: t(label) }))}
      />
      {inputs.map(([name, label]) => (
        <TextField key={name} meta={fields[name]} label={t(label)} {...(types[name] ? { type: types[name] } : {})} />
      ))}
      <Button
        type="submit"
        appearance={step === "decline" || step === "cancel" ? "secondary-action-button" : "primary-action-button"}
      >
        {t(`workshops.step.${step}`, { workshop: request.workshopTitle, municipality: request.municipalityName })}
      </Button>
    </Form>
  );
}
