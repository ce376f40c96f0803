import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { Form, Link, redirect, useActionData, useSearchParams } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { getDeskSettings, listInitiatives, setDeskSettings } from "../../../src/domain/initiatives/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { deskSettingsForm } from "../../forms/initiatives.ts";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { initiativesErrors } from "../../server/initiatives.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-initiatives";

/** The desk's work list: every initiative, open ones first, with a late assignment flagged; and the desk's terms. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "initiatives:manage");
  const now = new Date();
  const { items, settings } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => ({
      items: await listInitiatives(tx, { tenantId: tenant.id, now }),
      settings: await getDeskSettings(tx, { tenantId: tenant.id }),
    }),
  );
  return { base: staffBase(params.gemeente), tenant: { name: tenant.name }, items, settings };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "initiatives:manage");
  const submission = await parseForm(request, deskSettingsForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      setDeskSettings(tx, {
        tenantId: tenant.id,
        assignWorkingDays: submission.value.assignWorkingDays,
        challengeDecisionWeeks: submission.value.challengeDecisionWeeks,
        actorPersonId: actor.personId,
        now: new Date(),
      }),
    );
  } catch (error) {
    return replyWithDomainError(error, submission, initiativesErrors);
  }
  return redirect(`${staffBase(params.gemeente)}/initiatieven?melding=termijnen`);
}

export default function StaffInitiativesPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const { base, tenant, items, settings } = loaderData;
  const title = t("initiatives.staff.title", { tenant: tenant.name });
  const late = items.filter((item) => item.late && !item.assigned).length;
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={search.get("melding") === "termijnen" ? t("initiatives.notice.settings") : undefined} />
      <StaffNav base={base} />
      <Paragraph>
        {t("initiatives.staff.intro", { days: settings.assignWorkingDays })}{" "}
        {late > 0 && <strong className="samenspel-late">{t("initiatives.staff.lateCount", { count: late })}</strong>}
      </Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t("initiatives.staff.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("initiatives.staff.caption")}
          columns={[
            t("initiatives.detail.reference"),
            t("initiatives.field.title"),
            t("initiatives.field.area"),
            t("initiatives.detail.status"),
            t("initiatives.detail.contact"),
            t("initiatives.staff.assignBy"),
          ]}
        >
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>
                <Link className="nl-link" to={`${base}/initiatieven/${item.id}`}>
                  {item.reference}
                </Link>
              </TableCell>
              <TableCell>{item.title}</TableCell>
              <TableCell>{item.areaName ?? "–"}</TableCell>
              <TableCell>{t(`initiatives.status.${item.status}`)}</TableCell>
              <TableCell>{item.contactName ?? t("initiatives.staff.nobody")}</TableCell>
              <TableCell>
                {formatCalendarDate(locale, item.assignDueOn)}
                {item.late && (
                  <>
                    {" "}
                    <strong className="samenspel-late">
                      {t(item.assigned ? "initiatives.staff.assignedLate" : "initiatives.staff.late")}
                    </strong>
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      <SettingsForm settings={settings} />
    </PageShell>
  );
}

function SettingsForm({ settings }: { settings: Route.ComponentProps["loaderData"]["settings"] }) {
  const t = useT();
  const answer = useActionData() as { result?: SubmissionResult<string[]> } | undefined;
  const [form, fields] = useForm<z.input<typeof deskSettingsForm>>({
    id: "settings",
    lastResult: answer?.result,
    defaultValue: {
      assignWorkingDays: String(settings.assignWorkingDays),
      challengeDecisionWeeks: String(settings.challengeDecisionWeeks),
    },
  });
  return (
    <section aria-labelledby="termijnen" className="samenspel-panel">
      <Heading level={2} id="termijnen">
        {t("initiatives.settings.title")}
      </Heading>
      <Paragraph>{t("initiatives.settings.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="settings" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.assignWorkingDays, label: t("initiatives.settings.assignWorkingDays") },
            { meta: fields.challengeDecisionWeeks, label: t("initiatives.settings.challengeDecisionWeeks") },
          ]}
        />
        <TextField meta={fields.assignWorkingDays} label={t("initiatives.settings.assignWorkingDays")} />
        <TextField meta={fields.challengeDecisionWeeks} label={t("initiatives.settings.challengeDecisionWeeks")} />
        <PrimaryActionButton type="submit">{t("initiatives.settings.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
