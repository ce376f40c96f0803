import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  addAgendaItem,
  attachMeetingDocument,
  getMeeting,
  publishMeeting,
  recordMeetingReport,
} from "../../../src/domain/councils/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { AgendaItemBody, DocumentLinks, MeetingFacts } from "../../components/council-meeting.tsx";
import { ErrorSummary, FileField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import {
  agendaItemForm,
  agendaItemVisibilities,
  meetingDocumentForm,
  meetingReportForm,
  meetingReportKinds,
  publishMeetingForm,
} from "../../forms/council-meetings.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { meetingErrors, requireMeetingAccess } from "../../server/council-meetings.server.ts";
import { forForm, invalidForm, parseIntentForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { fileIn, readMultipartForm } from "../../server/uploads.server.ts";
import type { Route } from "./+types/meeting";

/**
 * One meeting in the workspace (or the staff area): its facts, the whole agenda with closed items and all
 * documents, and for the secretary the forms to add items and PDFs, to publish, and to write the report afterwards.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, council, canEdit, base } = await requireMeetingAccess(request, context, params);
  const meeting = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    getMeeting(tx, { tenantId: tenant.id, councilId: council.id, meetingId: params.vergadering }),
  );
  if (!meeting) notFound();
  const now = new Date();
  return {
    gemeente: tenant.slug,
    base,
    canEdit,
    council: { slug: council.slug, name: council.name },
    held: now >= meeting.startsAt,
    meeting: {
      ...meeting,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      publishedAt: meeting.publishedAt?.toISOString() ?? null,
    },
  };
}

const forms = {
  item: agendaItemForm,
  document: meetingDocumentForm,
  publish: publishMeetingForm,
  report: meetingReportForm,
} as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, council, base } = await requireMeetingAccess(request, context, params);
  const formData = await readMultipartForm(request);
  const { intent, submission } = parseIntentForm(formData, forms);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const file = intent === "document" ? await fileIn(formData, "file") : undefined;
  if (intent === "document" && !file)
    return forForm(
      intent,
      invalidForm(submission.reply({ fieldErrors: { file: ["councilMeetings.error.fileRequired"] } })),
    );
  const value = submission.value;
  const ref = {
    tenantId: tenant.id,
    councilId: council.id,
    meetingId: params.vergadering,
    actorPersonId: actor.personId,
    now: new Date(),
  };
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      if (value.intent === "item")
        await addAgendaItem(tx, {
          ...ref,
          title: value.title,
          explanation: value.explanation ?? "",
          visibility: value.visibility,
        });
      else if (value.intent === "document" && file)
        await attachMeetingDocument(tx, {
          ...ref,
          itemId: value.item === "meeting" ? null : value.item,
          title: value.title,
          bytes: file.bytes,
          fileName: file.name,
        });
      else if (value.intent === "publish") await publishMeeting(tx, ref);
      else if (value.intent === "report")
        await recordMeetingReport(tx, {
          ...ref,
          kind: value.kind,
          report: value.report ?? "",
          items: (value.items ?? []).map((item) => ({ itemId: item.id, report: item.report ?? "" })),
        });
    });
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, meetingErrors));
  }
  return redirect(`${base}/${params.vergadering}?melding=${intent}`);
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ gemeente, council, base, meeting }, t) => [
  ...(base.includes("/beheer/") ? [] : [{ label: council.name, to: `/${gemeente}/raad/${council.slug}` }]),
  { label: t("councilMeetings.workspace"), to: base },
  { label: meeting.title, to: `${base}/${meeting.id}` },
]);

type Loaded = Route.ComponentProps["loaderData"];

const noticeKeys = {
  created: "councilMeetings.notice.created",
  item: "councilMeetings.notice.item",
  document: "councilMeetings.notice.document",
  publish: "councilMeetings.notice.published",
  report: "councilMeetings.notice.report",
} as const satisfies Record<"created" | keyof typeof forms, MessageKey>;

export default function CouncilMeetingPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice(noticeKeys);
  const { gemeente, council, meeting, canEdit, held } = loaderData;
  const documentHref = (id: string) =>
    `/${gemeente}/raden/${council.slug}/vergaderingen/${meeting.id}/documenten/${id}`;
  return (
    <PageShell title={meeting.title}>
      <Heading level={1}>{meeting.title}</Heading>
      <Notice message={notice} />
      <MeetingFacts
        meeting={meeting}
        extra={[[t("councilMeetings.fact.status"), t(`councilMeetings.status.${meeting.status}`)]]}
      />
      {meeting.status === "published" && (
        <Paragraph>
          <Link className="nl-link" to={`/${gemeente}/raden/${council.slug}/vergaderingen/${meeting.id}`}>
            {t("councils.workspace.public")}
          </Link>
        </Paragraph>
      )}
      {meeting.documents.length > 0 && (
        <>
          <Heading level={2}>{t("councilMeetings.meetingDocuments")}</Heading>
          <DocumentLinks documents={meeting.documents} href={documentHref} />
        </>
      )}
      {meeting.report && (
        <>
          <Heading level={2}>{t(`councilMeetings.reportKind.${meeting.reportKind ?? "minutes"}`)}</Heading>
          <Paragraph className="samenspel-pre-line">{meeting.report}</Paragraph>
        </>
      )}
      <Heading level={2}>{t("councilMeetings.agenda")}</Heading>
      {meeting.items.length === 0 && <Paragraph>{t("councilMeetings.agenda.none")}</Paragraph>}
      {meeting.items.map((item) => (
        <AgendaItemBody key={item.id} item={item} documentHref={documentHref} reportKind={meeting.reportKind} />
      ))}
      {canEdit && (
        <>
          <ItemForm />
          <DocumentForm items={meeting.items} />
          {meeting.status === "draft" && <PublishForm />}
          {/* Remounted when the agenda changes: the form's fields start from the items it has now. */}
          <ReportSection key={meeting.items.map((item) => item.id).join()} meeting={meeting} held={held} />
        </>
      )}
      {!canEdit && <Paragraph>{t("councilMeetings.readOnly")}</Paragraph>}
    </PageShell>
  );
}

function ItemForm() {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof agendaItemForm>>("item");
  return (
    <section aria-labelledby="agendapunt" className="samenspel-panel">
      <Heading level={2} id="agendapunt">
        {t("councilMeetings.addItem.title")}
      </Heading>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="item" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.title, label: t("councilMeetings.field.itemTitle") },
            { meta: fields.explanation, label: t("councilMeetings.field.explanation") },
            { meta: fields.visibility, label: t("councilMeetings.field.visibility") },
          ]}
        />
        <TextField meta={fields.title} label={t("councilMeetings.field.itemTitle")} />
        <TextAreaField meta={fields.explanation} label={t("councilMeetings.field.explanation")} rows={3} />
        <SelectField
          meta={fields.visibility}
          label={t("councilMeetings.field.visibility")}
          options={agendaItemVisibilities.map((v) => ({ value: v, label: t(`councilMeetings.visibility.${v}`) }))}
        />
        <PrimaryActionButton type="submit">{t("councilMeetings.addItem.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function DocumentForm({ items }: { items: Loaded["meeting"]["items"] }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof meetingDocumentForm>>("document");
  return (
    <section aria-labelledby="stuk" className="samenspel-panel">
      <Heading level={2} id="stuk">
        {t("councilMeetings.addDocument.title")}
      </Heading>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="document" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.item, label: t("councilMeetings.field.documentItem") },
            { meta: fields.title, label: t("councilMeetings.field.documentTitle") },
          ]}
        />
        <SelectField
          meta={fields.item}
          label={t("councilMeetings.field.documentItem")}
          options={[
            { value: "meeting", label: t("councilMeetings.field.documentItem.meeting") },
            ...items.map((item) => ({
              value: item.id,
              label: t("councilMeetings.item.heading", { position: item.position, title: item.title }),
            })),
          ]}
        />
        <TextField meta={fields.title} label={t("councilMeetings.field.documentTitle")} />
        <FileField
          meta={{ id: "document-file", name: "file", errors: form.allErrors.file }}
          label={t("councilMeetings.field.file")}
          description={t("councilMeetings.field.file.hint")}
          accept="application/pdf"
        />
        <PrimaryActionButton type="submit">{t("councilMeetings.addDocument.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function PublishForm() {
  const t = useT();
  const [form] = useFormFor<z.input<typeof publishMeetingForm>>("publish");
  return (
    <section aria-labelledby="publiceren" className="samenspel-panel">
      <Heading level={2} id="publiceren">
        {t("councilMeetings.publish.title")}
      </Heading>
      <Paragraph>{t("councilMeetings.publish.body")}</Paragraph>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="publish" />
        <ErrorSummary formErrors={form.errors} fields={[]} />
        <PrimaryActionButton type="submit">{t("councilMeetings.publish.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function ReportSection({ meeting, held }: { meeting: Loaded["meeting"]; held: boolean }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof meetingReportForm>>("report", {
    defaultValue: {
      kind: meeting.reportKind ?? "minutes",
      report: meeting.report ?? "",
      items: meeting.items.map((item) => ({ id: item.id, report: item.report ?? "" })),
    },
  });
  const itemFields = fields.items.getFieldList();
  return (
    <section aria-labelledby="verslag" className="samenspel-panel">
      <Heading level={2} id="verslag">
        {t("councilMeetings.report.title")}
      </Heading>
      {meeting.status === "draft" ? (
        <Paragraph>{t("councilMeetings.report.draft")}</Paragraph>
      ) : !held ? (
        <Paragraph>{t("councilMeetings.report.later")}</Paragraph>
      ) : (
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="report" />
          <ErrorSummary
            formErrors={form.errors}
            fields={[
              { meta: fields.kind, label: t("councilMeetings.field.reportKind") },
              { meta: fields.report, label: t("councilMeetings.field.report") },
            ]}
          />
          <SelectField
            meta={fields.kind}
            label={t("councilMeetings.field.reportKind")}
            options={meetingReportKinds.map((k) => ({ value: k, label: t(`councilMeetings.reportKind.${k}`) }))}
          />
          <TextAreaField meta={fields.report} label={t("councilMeetings.field.report")} />
          {meeting.items.map((item, index) => {
            const row = itemFields[index]?.getFieldset();
            if (!row) return null;
            return (
              <div key={item.id}>
                <input type="hidden" name={row.id.name} value={item.id} />
                <TextAreaField
                  meta={row.report}
                  rows={3}
                  label={t("councilMeetings.field.itemReport", { position: item.position, title: item.title })}
                />
              </div>
            );
          })}
          <PrimaryActionButton type="submit">{t("councilMeetings.report.submit")}</PrimaryActionButton>
        </Form>
      )}
    </section>
  );
}
