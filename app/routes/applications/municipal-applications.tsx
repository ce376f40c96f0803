import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, PrimaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { rolesGrant } from "../../../src/domain/identity/index.ts";
import {
  type ActionStatus,
  type AgendaItem,
  type ApplicationDetails,
  addAgendaItem,
  applicationSteps,
  type LearningAgenda,
  listLearningAgendas,
  listMunicipalApplications,
  nextActionStatus,
  setActionStatus,
  takeApplicationStep,
} from "../../../src/domain/programme/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { CheckboxField, Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, FormKeyField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { actionStatusForm, agendaItemForm, withdrawForm } from "../../forms/applications.ts";
import { agendaItemLimits } from "../../forms/applications-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatDate, formatTime } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { municipalApplicationsUrl } from "../../server/applications.server.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { programmeTenant } from "../../server/programme.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/municipal-applications";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(request, context, params.gemeente, "staff-area:view");
  const applications = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => {
      const mine = await listMunicipalApplications(tx, { municipalityId: tenant.id });
      const admitted = mine.filter((application) => application.status === "admitted").map((a) => a.id);
      const agendas = await listLearningAgendas(tx, admitted);
      return mine.map((application) => ({ ...application, agenda: agendas.get(application.id) ?? null }));
    },
  );
  const canApply = rolesGrant(roles, "programme:apply");
  // What this person may do comes with the data: the rules stay in the domain, out of the browser bundle.
  const shown = applications.map(({ agenda, ...application }) => ({
    ...application,
    canWithdraw: canApply && applicationSteps("municipality", application.status).includes("withdrawn"),
    agenda: agenda && {
      ...agenda,
      actions: agenda.actions.map((item) => ({ ...item, next: nextActionStatus(item.status) })),
    },
  }));
  // One fresh form key per showing: any submission reloads the page and with it the key.
  return {
    tenant: { name: tenant.name },
    base: staffBase(params.gemeente),
    applications: shown,
    canApply,
    formKey: newToken().token,
  };
}

const forms = { withdraw: withdrawForm, "agenda-item": agendaItemForm, "action-status": actionStatusForm } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "programme:apply");
  const formData = await readForm(request);
  const { intent, submission } = parseIntentForm(formData, forms);
  const formId = `${intent}-${formData.get("application") ?? formData.get("item")}`;
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  const value = submission.value;
  const scope = { tenantId: tenant.id, personId: actor.personId };
  const programmeTenantId = (await programmeTenant(context)).id;
  const now = new Date();
  try {
    await withTenant(services(context).db, scope, async (tx) => {
      if (value.intent === "withdraw") {
        await takeApplicationStep(tx, {
          programmeTenantId,
          applicationId: value.application,
          to: "withdrawn",
          side: "municipality",
          actorPersonId: actor.personId,
          url: (slug) => municipalApplicationsUrl(context, slug),
          now,
        });
      } else if (value.intent === "agenda-item") {
        await addAgendaItem(tx, {
          programmeTenantId,
          applicationId: value.application,
          kind: value.kind,
          text: value.text,
          actorPersonId: actor.personId,
          idempotencyKey: value.key,
          now,
        });
      } else {
        await setActionStatus(tx, {
          programmeTenantId,
          itemId: value.item,
          status: value.status,
          actorPersonId: actor.personId,
          now,
        });
      }
    });
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, programmeErrors));
  }
  services(context).queue.wake();
  return redirect(`${staffBase(params.gemeente)}/aanmeldingen?melding=${intent}`);
}

export default function MunicipalApplications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice(noticeKeys);
  const { tenant, base, applications, canApply, formKey } = loaderData;
  const title = t("applications.mine.title", { tenant: tenant.name });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      {applications.length === 0 ? (
        <Paragraph>{t("applications.mine.empty")}</Paragraph>
      ) : (
        applications.map((application) => (
          <MunicipalApplication key={application.id} application={application} canApply={canApply} formKey={formKey} />
        ))
      )}
    </PageShell>
  );
}

const noticeKeys = {
  withdraw: "applications.mine.withdrawn",
  "agenda-item": "applications.agenda.added",
  "action-status": "applications.agenda.statusSaved",
} as const satisfies Record<string, MessageKey>;

type ShownAction = AgendaItem & { next: ActionStatus | null };
type Shown = ApplicationDetails & {
  canWithdraw: boolean;
  agenda: (Omit<LearningAgenda, "actions"> & { actions: ShownAction[] }) | null;
};

function MunicipalApplication({
  application,
  canApply,
  formKey,
}: {
  application: Shown;
  canApply: boolean;
  formKey: string;
}) {
  const t = useT();
  const locale = useLocale();
  const headingId = `aanmelding-${application.id}`;
  return (
    <section aria-labelledby={headingId} className="samenspel-panel">
      <Heading level={2} id={headingId}>
        {application.trajectoryTitle}
      </Heading>
      <Paragraph>
        {t("applications.status")}: <strong>{t(`applications.status.${application.status}`)}</strong>
        {application.status === "intake-scheduled" && application.intakeAt && (
          <>
            {" "}
            ({t("applications.intakeOn")} {formatDate(locale, new Date(application.intakeAt))}{" "}
            {formatTime(locale, new Date(application.intakeAt))})
          </>
        )}
      </Paragraph>
      <DataTable
        caption={t("applications.history", { trajectory: application.trajectoryTitle })}
        columns={[t("applications.history.when"), t("applications.status"), t("applications.note")]}
      >
        {application.events.map((event) => (
          <TableRow key={`${event.toStatus}-${String(event.at)}`}>
            <TableCell>
              {formatDate(locale, new Date(event.at))} {formatTime(locale, new Date(event.at))}
            </TableCell>
            <TableCell>{t(`applications.status.${event.toStatus}`)}</TableCell>
            <TableCell>{event.note ?? ""}</TableCell>
          </TableRow>
        ))}
      </DataTable>
      {application.status === "admitted" && (
        <Paragraph>
          <Link className="nl-link" to={`kosten/${application.id}`}>
            {t("costs.statement.link")}
          </Link>
        </Paragraph>
      )}
      {application.status === "admitted" && (
        <Paragraph>
          <Link className="nl-link" to="leergroep">
            {t("applications.group.link")}
          </Link>
        </Paragraph>
      )}
      {application.agenda && (
        <Agenda application={application} agenda={application.agenda} canEdit={canApply} formKey={formKey} />
      )}
      {application.canWithdraw && <WithdrawForm applicationId={application.id} />}
    </section>
  );
}

function WithdrawForm({ applicationId }: { applicationId: string }) {
  const t = useT();
  const id = `withdraw-${applicationId}`;
  const [form, fields] = useFormFor<z.input<typeof withdrawForm>>(id);
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="application" value={applicationId} />
      <ErrorSummary
        fields={[{ meta: fields.confirm, label: t("applications.withdraw.confirm") }]}
        formErrors={form.errors}
      />
      <CheckboxField meta={fields.confirm} label={t("applications.withdraw.confirm")} />
      <Button type="submit" appearance="secondary-action-button">
        {t("applications.withdraw.submit")}
      </Button>
    </Form>
  );
}

function Agenda({
  application,
  agenda,
  canEdit,
  formKey,
}: {
  application: Shown;
  agenda: NonNullable<Shown["agenda"]>;
  canEdit: boolean;
  formKey: string;
}) {
  const t = useT();
  const id = `agenda-item-${application.id}`;
  const [form, fields] = useFormFor<z.input<typeof agendaItemForm>>(id, { constraint: agendaItemLimits });
  return (
    <>
      <Heading level={3}>{t("applications.agenda.title")}</Heading>
      <Paragraph>{t(`applications.agenda.progress.${agenda.progress}`)}</Paragraph>
      <Heading level={4}>{t("applications.agenda.questions")}</Heading>
      {agenda.questions.length === 0 ? (
        <Paragraph>{t("applications.agenda.none")}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {agenda.questions.map((q) => (
            <li key={q.id}>{q.text}</li>
          ))}
        </ul>
      )}
      <Heading level={4}>{t("applications.agenda.actions")}</Heading>
      {agenda.actions.length === 0 ? (
        <Paragraph>{t("applications.agenda.none")}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {agenda.actions.map((item) => (
            <li key={item.id}>
              {item.text} – {t(`applications.agenda.status.${item.status}`)}
              {canEdit && <ActionStatusForm item={item} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="agenda-item" />
          <input type="hidden" name="application" value={application.id} />
          <FormKeyField meta={fields.key} fresh={formKey} />
          <ErrorSummary
            fields={[{ meta: fields.text, label: t("applications.agenda.text") }]}
            formErrors={form.errors}
          />
          <SelectField
            meta={fields.kind}
            label={t("applications.agenda.kind")}
            options={[
              { value: "question", label: t("applications.agenda.kind.question") },
              { value: "action", label: t("applications.agenda.kind.action") },
            ]}
          />
          <TextField meta={fields.text} label={t("applications.agenda.text")} />
          <PrimaryActionButton type="submit">{t("applications.agenda.add")}</PrimaryActionButton>
        </Form>
      )}
    </>
  );
}

function ActionStatusForm({ item }: { item: ShownAction }) {
  const t = useT();
  const { next } = item;
  if (!next) return null;
  return (
    <Form method="post" className="samenspel-inline-form">
      <input type="hidden" name="intent" value="action-status" />
      <input type="hidden" name="item" value={item.id} />
      <input type="hidden" name="status" value={next} />
      <Button type="submit" appearance="subtle-button">
        {t(next === "done" ? "applications.agenda.markDone" : "applications.agenda.markStarted", { action: item.text })}
      </Button>
    </Form>
  );
}
