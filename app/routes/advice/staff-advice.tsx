import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { getAdviceTerms, requestAdvice, setAdviceTerms } from "../../../src/domain/councils/index.ts";
import { rolesGrant } from "../../../src/domain/identity/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { termText, timingKey } from "../../components/advice-format.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, FormKeyField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { adviceTermsForm, requestAdviceForm } from "../../forms/advice.ts";
import { requestAdviceLimits, termUnits } from "../../forms/advice-limits.ts";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { adviceErrors, readAdviceRegister } from "../../server/advice.server.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-advice";

/** Every piece of advice of the municipality's councils; staff ask for advice here and set the terms. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(request, context, params.gemeente, "advice:manage");
  const now = new Date();
  const { register, terms } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => ({
      register: await readAdviceRegister(tx, tenant.id, now),
      terms: await getAdviceTerms(tx, { tenantId: tenant.id }),
    }),
  );
  return {
    base: staffBase(params.gemeente),
    tenant: { name: tenant.name },
    councils: register.councils,
    rows: register.rows,
    terms,
    canManageDaysOff: rolesGrant(roles, "terms:manage"),
    formKey: newToken().token,
  };
}

const forms = { request: requestAdviceForm, terms: adviceTermsForm } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "advice:manage");
  const { intent, submission } = parseIntentForm(await readForm(request), forms);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const now = new Date();
  const base = `${staffBase(params.gemeente)}/advies`;
  try {
    const answer = await withTenant(
      services(context).db,
      { tenantId: tenant.id, personId: actor.personId },
      async (tx) => {
        if (value.intent === "request") {
          const { id } = await requestAdvice(tx, {
            tenantId: tenant.id,
            councilId: value.council,
            subject: value.subject,
            question: value.question,
            idempotencyKey: value.key,
            actorPersonId: actor.personId,
            now,
          });
          return redirect(`${base}/${id}?melding=requested`);
        }
        await setAdviceTerms(tx, {
          tenantId: tenant.id,
          terms: {
            councilTerm: { length: value.councilLength, unit: value.councilUnit },
            responseTerm: { length: value.responseLength, unit: value.responseUnit },
            reminderDays: value.reminderDays,
          },
          actorPersonId: actor.personId,
          now,
        });
        return redirect(`${base}?melding=terms`);
      },
    );
    services(context).queue.wake();
    return answer;
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, adviceErrors));
  }
}

type Loaded = Route.ComponentProps["loaderData"];

export default function StaffAdvicePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const notice = useNotice({ terms: "advice.notice.terms" });
  const { base, tenant, rows, councils } = loaderData;
  const title = t("advice.staff.title", { tenant: tenant.name });
  const date = (on: string | null) => (on ? formatCalendarDate(locale, on) : "–");
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>{t("advice.staff.lead")}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t("advice.staff.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("advice.staff.caption")}
          columns={[
            t("advice.col.subject"),
            t("advice.col.council"),
            t("advice.col.status"),
            t("advice.col.adviceDueOn"),
            t("advice.col.responseDueOn"),
            t("advice.col.late"),
          ]}
        >
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <Link className="nl-link" to={`${base}/advies/${row.id}`}>
                  {row.subject}
                </Link>
              </TableCell>
              <TableCell>{row.councilName}</TableCell>
              <TableCell>{t(`advice.status.${row.status}`)}</TableCell>
              <TableCell>{date(row.adviceDueOn)}</TableCell>
              <TableCell>{date(row.responseDueOn)}</TableCell>
              <TableCell>{t(timingKey(row))}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {councils.length === 0 ? (
        <Paragraph>{t("advice.staff.noCouncils")}</Paragraph>
      ) : (
        <RequestForm councils={councils} terms={loaderData.terms} formKey={loaderData.formKey} />
      )}
      <TermsForm terms={loaderData.terms} />
      {loaderData.canManageDaysOff && (
        <Paragraph>
          <Link className="nl-link" to={`${base}/vrije-dagen`}>
            {t("advice.terms.daysOffLink")}
          </Link>
        </Paragraph>
      )}
    </PageShell>
  );
}

function RequestForm({ councils, terms, formKey }: Pick<Loaded, "councils" | "terms" | "formKey">) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof requestAdviceForm>>("request", {
    constraint: requestAdviceLimits,
  });
  return (
    <section aria-labelledby="advies-vragen" className="samenspel-panel">
      <Heading level={2} id="advies-vragen">
        {t("advice.request.title")}
      </Heading>
      <Paragraph>{t("advice.request.intro", { term: termText(t, terms.councilTerm) })}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="request" />
        <FormKeyField meta={fields.key} fresh={formKey} />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.council, label: t("advice.field.council") },
            { meta: fields.subject, label: t("advice.field.subject") },
            { meta: fields.question, label: t("advice.field.question") },
          ]}
        />
        <SelectField
          meta={fields.council}
          label={t("advice.field.council")}
          options={councils.map((council) => ({ value: council.id, label: council.name }))}
        />
        <TextField meta={fields.subject} label={t("advice.field.subject")} />
        <TextAreaField meta={fields.question} label={t("advice.field.question")} />
        <PrimaryActionButton type="submit">{t("advice.request.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function TermsForm({ terms }: Pick<Loaded, "terms">) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof adviceTermsForm>>("terms", {
    defaultValue: {
      councilLength: String(terms.councilTerm.length),
      councilUnit: terms.councilTerm.unit,
      responseLength: String(terms.responseTerm.length),
      responseUnit: terms.responseTerm.unit,
      reminderDays: String(terms.reminderDays),
    },
  });
  const units = termUnits.map((unit) => ({ value: unit, label: t(`advice.unit.${unit}`) }));
  return (
    <section aria-labelledby="termijnen" className="samenspel-panel">
      <Heading level={2} id="termijnen">
        {t("advice.terms.title")}
      </Heading>
      <Paragraph>{t("advice.terms.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="terms" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.councilLength, label: t("advice.terms.councilLength") },
            { meta: fields.councilUnit, label: t("advice.terms.councilUnit") },
            { meta: fields.responseLength, label: t("advice.terms.responseLength") },
            { meta: fields.responseUnit, label: t("advice.terms.responseUnit") },
            { meta: fields.reminderDays, label: t("advice.terms.reminderDays") },
          ]}
        />
        <TextField meta={fields.councilLength} label={t("advice.terms.councilLength")} />
        <SelectField meta={fields.councilUnit} label={t("advice.terms.councilUnit")} options={units} />
        <TextField meta={fields.responseLength} label={t("advice.terms.responseLength")} />
        <SelectField meta={fields.responseUnit} label={t("advice.terms.responseUnit")} options={units} />
        <TextField
          meta={fields.reminderDays}
          label={t("advice.terms.reminderDays")}
          description={t("advice.terms.reminderDays.hint")}
        />
        <PrimaryActionButton type="submit">{t("advice.terms.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
