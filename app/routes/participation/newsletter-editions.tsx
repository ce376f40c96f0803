import { getFormProps, useForm } from "@conform-to/react";
import {
  FormFieldTextarea,
  Heading1,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  TableCell,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { Form, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  listNewsletterEditions,
  listTrajectoryThemes,
  sendNewsletterEdition,
} from "../../../src/domain/programme/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, FormKeyField, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { editionForm } from "../../forms/participation.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatDate, formatTime } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/newsletter-editions";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "newsletter:send");
  const { themes, editions } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => ({
      themes: await listTrajectoryThemes(tx, tenant.id),
      editions: await listNewsletterEditions(tx, { tenantId: tenant.id }),
    }),
  );
  // A fresh key per form shown: submitting the same form twice sends one edition.
  return { themes, editions, key: newToken().token };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "newsletter:send");
  const submission = await parseForm(request, editionForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const sent = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
    if (!(await listTrajectoryThemes(tx, tenant.id)).includes(submission.value.theme)) return false;
    await sendNewsletterEdition(tx, {
      tenantId: tenant.id,
      idempotencyKey: submission.value.key,
      theme: submission.value.theme,
      subject: submission.value.subject,
      body: submission.value.body,
      actorPersonId: actor.personId,
      now: new Date(),
    });
    return true;
  });
  if (!sent) return invalidForm(submission.reply({ fieldErrors: { theme: ["participation.form.unknownChoice"] } }));
  services(context).queue.wake();
  return redirect("/beheer/nieuwsbrief?melding=verstuurd");
}

export default function NewsletterEditions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const { themes, editions, key } = loaderData;
  const [form, fields] = useForm<z.input<typeof editionForm>>({ id: "editie", lastResult: actionData?.result });
  const bodyError = fields.body.errors?.map((e) => t(e as MessageKey)).join(" ");
  return (
    <PageShell title={t("participation.edition.title")}>
      <Heading1>{t("participation.edition.title")}</Heading1>
      <Notice message={search.get("melding") === "verstuurd" ? t("participation.edition.queued") : undefined} />
      <StaffNav base="/beheer" />
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.theme, label: t("participation.edition.theme") },
          { meta: fields.subject, label: t("participation.edition.subject") },
          { meta: fields.body, label: t("participation.edition.body") },
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <FormKeyField meta={fields.key} fresh={key} />
        <SelectField
          meta={fields.theme}
          label={t("participation.edition.theme")}
          options={themes.map((theme) => ({ value: theme, label: theme }))}
        />
        <TextField meta={fields.subject} label={t("participation.edition.subject")} required />
        <FormFieldTextarea
          id={fields.body.id}
          name={fields.body.name}
          label={t("participation.edition.body")}
          description={t("participation.edition.bodyDescription")}
          rows={10}
          required
          defaultValue={typeof fields.body.initialValue === "string" ? fields.body.initialValue : undefined}
          invalid={Boolean(bodyError)}
          errorMessage={bodyError}
        />
        <PrimaryActionButton type="submit">{t("participation.edition.submit")}</PrimaryActionButton>
      </Form>
      <Heading2>{t("participation.edition.sent")}</Heading2>
      {editions.length === 0 ? (
        <Paragraph>{t("participation.edition.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("participation.edition.caption")}
          columns={[
            t("participation.edition.date"),
            t("participation.edition.subject"),
            t("participation.edition.theme"),
            t("participation.edition.recipients"),
          ]}
        >
          {editions.map((edition) => (
            <TableRow key={edition.id}>
              <TableHeaderCell scope="row">
                {formatDate(locale, edition.createdAt)} {formatTime(locale, edition.createdAt)}
              </TableHeaderCell>
              <TableCell>{edition.subject}</TableCell>
              <TableCell lang="nl">{edition.theme}</TableCell>
              <TableCell>{edition.recipientCount ?? t("participation.edition.pending")}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </PageShell>
  );
}
