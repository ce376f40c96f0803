import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, PrimaryActionButton, UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  addAgendaItem,
  attachMeetingDocument,
  cancelMeeting,
  getMeeting,
  publishMeeting,
  recordMeetingReport,
  removeAgendaItem,
  removeMeetingDocument,
  restoreAgendaItem,
  restoreMeetingDocument,
  updateMeeting,
} from "../../../src/domain/councils/index.ts";
import { dutchDateOf, dutchTime, dutchWallClock } from "../../../src/domain/shared/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import {
  AgendaItemBody,
  councilHome,
  DocumentLinks,
  MeetingFacts,
  MeetingFactsFields,
} from "../../components/council-meeting.tsx";
import { ErrorSummary, FileField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import {
  agendaItemForm,
  cancelMeetingForm,
  changeMeetingForm,
  meetingDocumentForm,
  meetingReportForm,
  publishMeetingForm,
  removeDocumentForm,
  removeItemForm,
  restoreDocumentForm,
  restoreItemForm,
} from "../../forms/council-meetings.ts";
import {
  agendaItemLimits,
  agendaItemVisibilities,
  meetingDocumentLimits,
  meetingFactsLimits,
  meetingReportKinds,
  meetingReportLimits,
} from "../../forms/council-meetings-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { meetingErrors, requireMeetingAccess } from "../../server/council-meetings.server.ts";
import { followLinks } from "../../server/following.server.ts";
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
  const clock = (instant: Date) => dutchWallClock(instant).toISOString().slice(11, 16);
  return {
    gemeente: tenant.slug,
    base,
    // Nothing of a cancelled meeting changes any more (the domain refuses it too).
    canEdit: canEdit && meeting.cancelledAt === null,
    council: { slug: council.slug, name: council.name },
    held: now >= meeting.startsAt,
    meeting: {
      ...meeting,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      publishedAt: meeting.publishedAt?.toISOString() ?? null,
      cancelledAt: meeting.cancelledAt?.toISOString() ?? null,
    },
    /** The change form's fields as the meeting has them now, in Dutch time. */
    facts: {
      title: meeting.title,
      date: dutchDateOf(meeting.startsAt),
      startTime: clock(meeting.startsAt),
      endTime: clock(meeting.endsAt),
      place: meeting.place,
      onlineUrl: meeting.onlineUrl ?? "",
      version: String(meeting.sequence),
    },
  };
}

const forms = {
  item: agendaItemForm,
  document: meetingDocumentForm,
  publish: publishMeetingForm,
  report: meetingReportForm,
  change: changeMeetingForm,
  cancel: cancelMeetingForm,
  "remove-item": removeItemForm,
  "remove-document": removeDocumentForm,
  "restore-item": restoreItemForm,
  "restore-document": restoreDocumentForm,
} as const;

/** The form a post came from: the remove buttons repeat per item and per document. */
function formIdOf(intent: keyof typeof forms, formData: FormData) {
  if (intent === "remove-item" || intent === "restore-item") return `${intent}-${String(formData.get("item"))}`;
  if (intent === "remove-document" || intent === "restore-document")
    return `${intent}-${String(formData.get("document"))}`;
  return intent;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, council, base } = await requireMeetingAccess(request, context, params);
  const formData = await readMultipartForm(request);
  const { intent, submission } = parseIntentForm(formData, forms);
  const formId = formIdOf(intent, formData);
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
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
  const { config, db, queue } = services(context);
  const links = {
    meeting: (id: string) => `${config.publicUrl}/${tenant.slug}/raden/${council.slug}/vergaderingen/${id}`,
    unsubscribeBase: followLinks(context, tenant.slug).unsubscribeBase,
  };
  try {
    await withTenant(db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
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
      else if (value.intent === "change")
        await updateMeeting(tx, {
          ...ref,
          title: value.title,
          startsAt: dutchTime(value.date, value.startTime),
          endsAt: dutchTime(value.date, value.endTime),
          place: value.place,
          onlineUrl: value.onlineUrl || null,
          version: value.version,
          links,
        });
      else if (value.intent === "cancel")
        await cancelMeeting(tx, { ...ref, reason: value.reason, version: value.version, links });
      else if (value.intent === "remove-item") await removeAgendaItem(tx, { ...ref, itemId: value.item });
      else if (value.intent === "remove-document")
        await removeMeetingDocument(tx, { ...ref, documentId: value.document });
      else if (value.intent === "restore-item")
        await restoreAgendaItem(tx, { ...ref, itemId: value.item, version: value.version });
      else if (value.intent === "restore-document")
        await restoreMeetingDocument(tx, { ...ref, documentId: value.document, version: value.version });
    });
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, meetingErrors));
  }
  queue.wake();
  return redirect(`${base}/${params.vergadering}?melding=${intent}`);
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ council, base, meeting }, t) => [
  { label: council.name, to: councilHome(base) },
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
  change: "councilMeetings.notice.changed",
  cancel: "councilMeetings.notice.cancelled",
  "remove-item": "councilMeetings.notice.itemRemoved",
  "remove-document": "councilMeetings.notice.documentRemoved",
  "restore-item": "councilMeetings.notice.itemRestored",
  "restore-document": "councilMeetings.notice.documentRestored",
} as const satisfies Record<"created" | keyof typeof forms, MessageKey>;

export default function CouncilMeetingPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice(noticeKeys);
  const { gemeente, council, meeting, canEdit, held, facts } = loaderData;
  const documentHref = (id: string) =>
    `/${gemeente}/raden/${council.slug}/vergaderingen/${meeting.id}/documenten/${id}`;
  const status = meeting.cancelledAt ? "cancelled" : meeting.status;
  const removeDocument = canEdit
    ? (document: { id: string; title: string }) => (
        <RemoveForm
          intent="remove-document"
          id={document.id}
          label={t("councilMeetings.removeDocument.form", { title: document.title })}
          submit={t("councilMeetings.removeDocument.submit", { title: document.title })}
        />
      )
    : undefined;
  const agenda = meeting.items.filter((item) => !item.withdrawn);
  return (
    <PageShell title={meeting.title}>
      <Heading level={1}>{meeting.title}</Heading>
      <Notice message={notice} />
      <MeetingFacts
        meeting={meeting}
        extra={[[t("councilMeetings.fact.status"), t(`councilMeetings.status.${status}`)]]}
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
          <DocumentLinks documents={meeting.documents} href={documentHref} action={removeDocument} />
        </>
      )}
      {meeting.report && (
        <>
          <Heading level={2}>{t(`councilMeetings.reportKind.${meeting.reportKind ?? "minutes"}`)}</Heading>
          <Paragraph className="samenspel-pre-line">{meeting.report}</Paragraph>
        </>
      )}
      {canEdit && meeting.removedDocuments.length > 0 && (
        <section aria-labelledby="verwijderde-stukken">
          <Heading level={2} id="verwijderde-stukken">
            {t("councilMeetings.removedDocuments")}
          </Heading>
          <Paragraph>{t("councilMeetings.removedDocuments.body")}</Paragraph>
          <UnorderedList>
            {meeting.removedDocuments.map((document) => (
              <UnorderedListItem key={document.id}>
                {document.itemPosition === null
                  ? document.title
                  : t("councilMeetings.removedDocuments.item", {
                      title: document.title,
                      position: document.itemPosition,
                    })}
                <RemoveForm
                  intent="restore-document"
                  id={document.id}
                  version={facts.version}
                  label={t("councilMeetings.restoreDocument.form", { title: document.title })}
                  submit={t("councilMeetings.restoreDocument.submit", { title: document.title })}
                />
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      )}
      <Heading level={2}>{t("councilMeetings.agenda")}</Heading>
      {meeting.items.length === 0 && <Paragraph>{t("councilMeetings.agenda.none")}</Paragraph>}
      {meeting.items.map((item) => (
        <AgendaItemBody
          key={item.id}
          item={item}
          documentHref={documentHref}
          reportKind={meeting.reportKind}
          documentAction={removeDocument}
          actions={
            canEdit &&
            (item.withdrawn ? (
              <RemoveForm
                intent="restore-item"
                id={item.id}
                version={facts.version}
                label={t("councilMeetings.restoreItem.form", { position: item.position })}
                submit={t("councilMeetings.restoreItem.submit", { position: item.position })}
              />
            ) : (
              <RemoveForm
                intent="remove-item"
                id={item.id}
                label={t("councilMeetings.removeItem.form", { position: item.position })}
                submit={t(
                  meeting.status === "published"
                    ? "councilMeetings.removeItem.withdraw"
                    : "councilMeetings.removeItem.delete",
                  { position: item.position },
                )}
              />
            ))
          }
        />
      ))}
      {canEdit && (
        <>
          <ItemForm />
          <DocumentForm items={agenda} />
          {meeting.status === "draft" && <PublishForm />}
          {/* Remounted when the agenda changes: the form's fields start from the items it has now. */}
          <ReportSection
            key={agenda.map((item) => item.id).join()}
            meeting={{ ...meeting, items: agenda }}
            held={held}
          />
          {/* Remounted after each change, so the fields and the version start from the meeting as it is now. */}
          <ChangeForm key={`change-${facts.version}`} facts={facts} held={held} />
          {!held && <CancelForm key={`cancel-${facts.version}`} version={facts.version} />}
        </>
      )}
      {!canEdit && (
        <Paragraph>
          {t(meeting.cancelledAt ? "councilMeetings.cancelledReadOnly" : "councilMeetings.readOnly")}
        </Paragraph>
      )}
    </PageShell>
  );
}

/**
 * One button that takes an item off the agenda (deleted from a draft, withdrawn with its number kept from a published
 * agenda) or a document off the meeting (after publication the file is kept: ADR 0025, addendum), or puts a
 * withdrawn item or a removed document back (with the version the page was read at).
 */
function RemoveForm({
  intent,
  id,
  version,
  label,
  submit,
}: {
  intent: "remove-item" | "remove-document" | "restore-item" | "restore-document";
  id: string;
  version?: string;
  label: string;
  submit: string;
}) {
  const [form] = useFormFor(`${intent}-${id}`);
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="samenspel-inline-form"
      aria-label={label}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={intent.endsWith("-item") ? "item" : "document"} value={id} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <ErrorSummary formErrors={form.errors} fields={[]} />
      <Button type="submit" appearance="secondary-action-button">
        {submit}
      </Button>
    </Form>
  );
}

/** The meeting's facts: its name, place and link, and (before it begins) its date and times, to move it. */
function ChangeForm({ facts, held }: { facts: Loaded["facts"]; held: boolean }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof changeMeetingForm>>("change", {
    constraint: meetingFactsLimits,
    defaultValue: facts,
  });
  return (
    <Panel id="wijzigen" title={t("councilMeetings.change.title")}>
      <Paragraph>{t(held ? "councilMeetings.change.held" : "councilMeetings.change.body")}</Paragraph>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="change" />
        <input type="hidden" name={fields.version.name} value={facts.version} />
        <MeetingFactsFields fields={fields} formErrors={form.errors} />
        <PrimaryActionButton type="submit">{t("councilMeetings.change.submit")}</PrimaryActionButton>
      </Form>
    </Panel>
  );
}

/** Calls the meeting off before it begins; the public page and the feed keep it, marked as cancelled. */
function CancelForm({ version }: { version: string }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof cancelMeetingForm>>("cancel");
  return (
    <Panel id="afgelasten" title={t("councilMeetings.cancel.title")}>
      <Paragraph>{t("councilMeetings.cancel.body")}</Paragraph>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name={fields.version.name} value={version} />
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.reason, label: t("councilMeetings.field.reason") }]}
        />
        <TextAreaField
          meta={fields.reason}
          label={t("councilMeetings.field.reason")}
          description={t("councilMeetings.field.reason.hint")}
          rows={3}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t("councilMeetings.cancel.submit")}
        </Button>
      </Form>
    </Panel>
  );
}

function ItemForm() {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof agendaItemForm>>("item", { constraint: agendaItemLimits });
  return (
    <Panel id="agendapunt" title={t("councilMeetings.addItem.title")}>
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
    </Panel>
  );
}

function DocumentForm({ items }: { items: Loaded["meeting"]["items"] }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof meetingDocumentForm>>("document", {
    constraint: meetingDocumentLimits,
  });
  return (
    <Panel id="stuk" title={t("councilMeetings.addDocument.title")}>
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
    </Panel>
  );
}

function PublishForm() {
  const t = useT();
  const [form] = useFormFor<z.input<typeof publishMeetingForm>>("publish");
  return (
    <Panel id="publiceren" title={t("councilMeetings.publish.title")}>
      <Paragraph>{t("councilMeetings.publish.body")}</Paragraph>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="publish" />
        <ErrorSummary formErrors={form.errors} fields={[]} />
        <PrimaryActionButton type="submit">{t("councilMeetings.publish.submit")}</PrimaryActionButton>
      </Form>
    </Panel>
  );
}

function ReportSection({ meeting, held }: { meeting: Loaded["meeting"]; held: boolean }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof meetingReportForm>>("report", {
    constraint: meetingReportLimits,
    defaultValue: {
      kind: meeting.reportKind ?? "minutes",
      report: meeting.report ?? "",
      items: meeting.items.map((item) => ({ id: item.id, report: item.report ?? "" })),
    },
  });
  const itemFields = fields.items.getFieldList();
  return (
    <Panel id="verslag" title={t("councilMeetings.report.title")}>
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
    </Panel>
  );
}

/** One of the secretary's forms, in a panel under its own heading. */
function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="samenspel-panel">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
