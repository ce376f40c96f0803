import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { data, Form, Link, redirect, useActionData, useSearchParams } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { listTeam, rolesGrant } from "../../../src/domain/identity/index.ts";
import {
  assignContactPerson,
  getInitiative,
  isInitiativeOpen,
  moveInitiative,
  nextInitiativeStatuses,
  postInitiativeMessage,
} from "../../../src/domain/initiatives/index.ts";
import { isDomainError, newToken } from "../../../src/domain/shared/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, TextAreaField } from "../../components/form-fields.tsx";
import { InitiativeDetails } from "../../components/initiative-details.tsx";
import { InitiativeThread, MessageForm } from "../../components/initiative-thread.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { assignForm, messageForm, statusForm } from "../../forms/initiatives.ts";
import { statusLimits } from "../../forms/initiatives-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { idOrNotFound, notFound } from "../../server/http.server.ts";
import { initiativesErrors, initiativeUrls } from "../../server/initiatives.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-initiative";

/** One initiative for staff: everything the initiator gave, the contact person, the next steps and the thread. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "initiatives:manage");
  idOrNotFound(params.initiativeId);
  const now = new Date();
  try {
    const { initiative, team } = await withTenant(
      services(context).db,
      { tenantId: tenant.id, personId: actor.personId },
      async (tx) => ({
        initiative: await getInitiative(tx, { tenantId: tenant.id, initiativeId: params.initiativeId, now }),
        team: await listTeam(tx, { tenantId: tenant.id }),
      }),
    );
    const staff = new Map(
      team.filter((m) => rolesGrant([m.role], "initiatives:manage")).map((m) => [m.personId, m.displayName]),
    );
    return {
      base: staffBase(params.gemeente),
      initiative,
      staff: [...staff].map(([value, label]) => ({ value, label })),
      steps: nextInitiativeStatuses[initiative.status],
      open: isInitiativeOpen(initiative.status),
      formKey: newToken().token,
    };
  } catch (error) {
    if (isDomainError(error) && error.code === "initiatives.initiative-not-found") notFound();
    throw error;
  }
}

const forms = { assign: assignForm, status: statusForm, message: messageForm } as const;
const notices = {
  assign: "initiatives.notice.assigned",
  status: "initiatives.notice.status",
  message: "initiatives.notice.message",
} as const satisfies Record<keyof typeof forms, MessageKey>;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "initiatives:manage");
  idOrNotFound(params.initiativeId);
  const formData = await readForm(request);
  const intent = String(formData.get("intent")) as keyof typeof forms;
  if (!Object.hasOwn(forms, intent)) throw data(null, { status: 400 });
  const submission = parseFormData(formData, forms[intent]);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const now = new Date();
  const base = {
    tenantId: tenant.id,
    initiativeId: params.initiativeId,
    actorPersonId: actor.personId,
    urls: initiativeUrls(context, params.gemeente),
    now,
  };
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      if (value.intent === "assign") {
        await assignContactPerson(tx, {
          ...base,
          contactPersonId: value.contact,
          expectedContactPersonId: value.current,
        });
      } else if (value.intent === "status") {
        await moveInitiative(tx, { ...base, to: value.to, reason: value.reason });
      } else {
        await postInitiativeMessage(tx, {
          ...base,
          author: "municipality",
          body: value.body,
          idempotencyKey: value.key,
        });
      }
    });
  } catch (error) {
    if (isDomainError(error) && error.code === "initiatives.initiative-not-found") notFound();
    return forForm(intent, replyWithDomainError(error, submission, initiativesErrors));
  }
  services(context).queue.wake();
  return redirect(`${staffBase(params.gemeente)}/initiatieven/${params.initiativeId}?melding=${intent}`);
}

type FormAnswer = { formId?: string; result?: SubmissionResult<string[]> };
function useLastResult(formId: string) {
  const answer = useActionData() as FormAnswer | undefined;
  return answer?.formId === formId ? answer.result : undefined;
}

export default function StaffInitiativePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [search] = useSearchParams();
  const { base, initiative, staff, steps, open } = loaderData;
  const notice = search.get("melding");
  const messageResult = useLastResult("message");
  return (
    <PageShell title={`${initiative.reference} ${initiative.title}`}>
      <Heading level={1}>
        {initiative.reference}: {initiative.title}
      </Heading>
      <Notice message={notice && notice in notices ? t(notices[notice as keyof typeof notices]) : undefined} />
      <StaffNav base={base} />
      <Paragraph>
        <Link className="nl-link" to={`${base}/initiatieven`}>
          {t("initiatives.staff.back")}
        </Link>
      </Paragraph>
      {initiative.late && (
        <Paragraph>
          <strong className="samenspel-late">
            {t(initiative.contactPersonId ? "initiatives.staff.assignedLate" : "initiatives.staff.late")}
          </strong>
        </Paragraph>
      )}
      <InitiativeDetails initiative={initiative} withInitiator />
      {open && <AssignForm staff={staff} current={initiative.contactPersonId} />}
      {steps.length > 0 && <StatusForm steps={steps} />}
      <InitiativeThread messages={initiative.messages} initiatorLabel={t("initiatives.thread.initiator")} />
      {open ? (
        <MessageForm
          lastResult={messageResult}
          formKey={loaderData.formKey}
          label={t("initiatives.thread.municipalityMessage")}
        />
      ) : (
        <Paragraph>{t("initiatives.thread.closed")}</Paragraph>
      )}
    </PageShell>
  );
}

function AssignForm({ staff, current }: { staff: { value: string; label: string }[]; current: string | null }) {
  const t = useT();
  const [form, fields] = useForm<z.input<typeof assignForm>>({
    id: "assign",
    lastResult: useLastResult("assign"),
    defaultValue: { contact: current ?? "" },
  });
  return (
    <section aria-labelledby="contactpersoon" className="samenspel-panel">
      <Heading level={2} id="contactpersoon">
        {t("initiatives.assign.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="assign" />
        <input type="hidden" name="current" value={current ?? ""} />
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.contact, label: t("initiatives.detail.contact") }]}
        />
        <SelectField meta={fields.contact} label={t("initiatives.detail.contact")} options={staff} />
        <PrimaryActionButton type="submit">{t("initiatives.assign.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function StatusForm({ steps }: { steps: readonly Route.ComponentProps["loaderData"]["initiative"]["status"][] }) {
  const t = useT();
  const [form, fields] = useForm<z.input<typeof statusForm>>({
    constraint: statusLimits,
    id: "status",
    lastResult: useLastResult("status"),
  });
  return (
    <section aria-labelledby="status" className="samenspel-panel">
      <Heading level={2} id="status">
        {t("initiatives.status.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="status" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.to, label: t("initiatives.status.to") },
            { meta: fields.reason, label: t("initiatives.status.reason") },
          ]}
        />
        <SelectField
          meta={fields.to}
          label={t("initiatives.status.to")}
          options={steps.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
        />
        <TextAreaField
          meta={fields.reason}
          label={t("initiatives.status.reason")}
          description={t("initiatives.status.reason.hint")}
          rows={3}
          required
        />
        <PrimaryActionButton type="submit">{t("initiatives.status.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
