import { getFormProps, useForm } from "@conform-to/react";
import {
  Heading1,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  TableCell,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { Form, Link, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import type { NewsletterPreview } from "../../../src/domain/programme/index.ts";
import {
  listNewsletterEditions,
  listTrajectoryThemes,
  previewNewsletterEdition,
  sendNewsletterEdition,
} from "../../../src/domain/programme/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, FormKeyField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { editionForm } from "../../forms/participation.ts";
import { editionLimits } from "../../forms/participation-limits.ts";
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

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>((_, t) => [
  { label: t("staff.nav.overview"), to: "/beheer" },
  { label: t("participation.edition.nav"), to: "/beheer/nieuwsbrief" },
]);

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "newsletter:send");
  const submission = await parseForm(request, editionForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const { intent, key, theme, subject, body } = submission.value;
  const { publicUrl } = services(context).config;
  const outcome = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx): Promise<"unknown-theme" | "sent" | NewsletterPreview> => {
      if (!(await listTrajectoryThemes(tx, tenant.id)).includes(theme)) return "unknown-theme";
      if (intent === "preview")
        return previewNewsletterEdition(tx, {
          tenantId: tenant.id,
          theme,
          subject,
          body,
          unsubscribeUrl: `${publicUrl}/nieuwsbrief/afmelden/…`,
        });
      await sendNewsletterEdition(tx, {
        tenantId: tenant.id,
        idempotencyKey: key,
        theme,
        subject,
        body,
        actorPersonId: actor.personId,
        now: new Date(),
      });
      return "sent";
    },
  );
  if (outcome === "unknown-theme")
    return invalidForm(submission.reply({ fieldErrors: { theme: ["participation.form.unknownChoice"] } }));
  if (outcome !== "sent") return { result: submission.reply(), preview: { ...outcome, key, theme, body } };
  services(context).queue.wake();
  return redirect("/beheer/nieuwsbrief?melding=verstuurd");
}

export default function NewsletterEditions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const { themes, editions, key } = loaderData;
  const [form, fields] = useForm<z.input<typeof editionForm>>({
    constraint: editionLimits,
    id: "editie",
    lastResult: actionData?.result,
  });
  const preview = actionData && "preview" in actionData ? actionData.preview : undefined;
  return (
    <PageShell title={t("participation.edition.title")}>
      <Heading1>{t("participation.edition.title")}</Heading1>
      <Notice message={search.get("melding") === "verstuurd" ? t("participation.edition.queued") : undefined} />
      <StaffNav base="/beheer" />
      {preview && (
        <section className="samenspel-mail-preview" aria-labelledby="voorbeeld">
          <Heading2 id="voorbeeld">{t("participation.edition.preview")}</Heading2>
          <Paragraph>
            {t("participation.edition.previewRecipients", { count: preview.recipientCount, theme: preview.theme })}
          </Paragraph>
          <div className="samenspel-mail-preview__mail">
            <p className="nl-paragraph">
              <strong>{t("participation.edition.subject")}:</strong> {preview.subject}
            </p>
            {preview.paragraphs.map((paragraph, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs may repeat and never move
              <p className="nl-paragraph" key={index}>
                {paragraph}
              </p>
            ))}
          </div>
          <Form method="post">
            <input type="hidden" name="key" value={preview.key} />
            <input type="hidden" name="theme" value={preview.theme} />
            <input type="hidden" name="subject" value={preview.subject} />
            <input type="hidden" name="body" value={preview.body} />
            <input type="hidden" name="intent" value="send" />
            <PrimaryActionButton type="submit">
              {t("participation.edition.confirm", { count: preview.recipientCount })}
            </PrimaryActionButton>
          </Form>
          <Paragraph>{t("participation.edition.changeBelow")}</Paragraph>
        </section>
      )}
      <Heading2>{preview ? t("participation.edition.change") : t("participation.edition.write")}</Heading2>
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
        <TextAreaField
          meta={fields.body}
          label={t("participation.edition.body")}
          description={t("participation.edition.bodyDescription")}
          rows={10}
          required
        />
        <SecondaryActionButton type="submit" name="intent" value="preview">
          {t("participation.edition.previewSubmit")}
        </SecondaryActionButton>
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
            t("participation.edition.delivered"),
          ]}
        >
          {editions.map((edition) => (
            <TableRow key={edition.id}>
              <TableHeaderCell scope="row">
                {formatDate(locale, edition.createdAt)} {formatTime(locale, edition.createdAt)}
              </TableHeaderCell>
              <TableCell>
                <Link className="utrecht-link" to={`/beheer/nieuwsbrief/${edition.id}`}>
                  {edition.subject}
                </Link>
              </TableCell>
              <TableCell lang="nl">{edition.theme}</TableCell>
              <TableCell>{edition.recipientCount ?? t("participation.edition.pending")}</TableCell>
              <TableCell>
                {t("participation.edition.deliveredCounts", {
                  sent: edition.deliveries.sent,
                  failed: edition.deliveries.failed,
                  waiting: edition.deliveries.queued,
                })}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </PageShell>
  );
}
