import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, PrimaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { Form, redirect, useActionData } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { addDayOff, listDaysOff, removeDayOff } from "../../../src/domain/shared/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { addDayOffForm, removeDayOffForm } from "../../forms/terms.ts";
import { addDayOffLimits } from "../../forms/terms-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { termsErrors } from "../../server/terms.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-days-off";

/**
 * The municipality's own days off for its terms, beside the royal decree's bridge days: every term of every
 * instrument that starts after a day is added skips it.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "terms:manage");
  const days = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listDaysOff(tx, { tenantId: tenant.id }),
  );
  return { base: staffBase(params.gemeente), tenant: { name: tenant.name }, days };
}

const forms = { add: addDayOffForm, remove: removeDayOffForm } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "terms:manage");
  const { intent, submission } = parseIntentForm(await readForm(request), forms);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const scope = { tenantId: tenant.id, personId: actor.personId };
  try {
    await withTenant(services(context).db, scope, (tx) =>
      value.intent === "add"
        ? addDayOff(tx, {
            tenantId: tenant.id,
            on: value.on,
            reason: value.reason,
            actorPersonId: actor.personId,
            now: new Date(),
          })
        : removeDayOff(tx, { tenantId: tenant.id, on: value.on, actorPersonId: actor.personId }),
    );
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, termsErrors));
  }
  return redirect(`${staffBase(params.gemeente)}/vrije-dagen?melding=${intent}`);
}

const noticeKeys = { add: "terms.daysOff.added", remove: "terms.daysOff.removed" } as const satisfies Record<
  keyof typeof forms,
  MessageKey
>;

type FormAnswer = { formId?: string; result?: SubmissionResult<string[]> };

export default function StaffDaysOffPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const notice = useNotice(noticeKeys);
  const answer = useActionData() as FormAnswer | undefined;
  const { base, tenant, days } = loaderData;
  const title = t("terms.daysOff.title", { tenant: tenant.name });
  const [form, fields] = useFormFor<z.input<typeof addDayOffForm>>("add", { constraint: addDayOffLimits });
  const removeErrors = answer?.formId === "remove" ? (answer.result?.error?.[""] ?? []) : [];
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>{t("terms.daysOff.lead")}</Paragraph>
      {removeErrors.length > 0 && (
        <Notice type="error" message={removeErrors.map((e) => t(e as MessageKey)).join(" ")} />
      )}
      <DataTable
        caption={t("terms.daysOff.caption")}
        columns={[t("terms.daysOff.col.date"), t("terms.daysOff.col.reason"), t("terms.daysOff.col.source"), ""]}
      >
        {days.map((day) => (
          <TableRow key={`${day.source}-${day.on}`}>
            <TableCell>{formatDate(locale, day.on)}</TableCell>
            <TableCell>{day.source === "decree" ? t("terms.daysOff.decreeReason") : day.reason}</TableCell>
            <TableCell>
              {day.source === "decree" ? t("terms.daysOff.decree") : t("terms.daysOff.municipality")}
            </TableCell>
            <TableCell>
              {day.source === "municipality" && (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="on" value={day.on} />
                  <Button type="submit" appearance="secondary-action-button">
                    {t("terms.daysOff.remove", { date: formatDate(locale, day.on) })}
                  </Button>
                </Form>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      <section aria-labelledby="toevoegen" className="samenspel-panel">
        <Heading level={2} id="toevoegen">
          {t("terms.daysOff.add")}
        </Heading>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="add" />
          <ErrorSummary
            formErrors={form.errors}
            fields={[
              { meta: fields.on, label: t("terms.daysOff.date") },
              { meta: fields.reason, label: t("terms.daysOff.reason") },
            ]}
          />
          <TextField meta={fields.on} label={t("terms.daysOff.date")} type="date" />
          <TextField meta={fields.reason} label={t("terms.daysOff.reason")} />
          <PrimaryActionButton type="submit">{t("terms.daysOff.submit")}</PrimaryActionButton>
        </Form>
      </section>
    </PageShell>
  );
}
