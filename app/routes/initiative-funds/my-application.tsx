import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, redirect } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import {
  applicationUrl,
  completeApplication,
  getApplication,
  InitiativesError,
  submitReport,
} from "../../../src/domain/initiatives/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { ErrorSummary, FileField, TextAreaField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { acceptsUpload } from "../../forms/body-limits.ts";
import { completeForm, reportForm } from "../../forms/initiative-funds.ts";
import { completeLimits, reportLimits } from "../../forms/initiative-funds-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatCalendarDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import {
  filesIn,
  fundErrors,
  municipalityOf,
  readFundForm,
  storeFundFiles,
} from "../../server/initiative-funds.server.ts";
import { requireActor } from "../../server/session.server.ts";
import type { Route } from "./+types/my-application";

/** The forms carry documents, receipts and photos. */
export const handle = acceptsUpload();

/** Someone else's application is a 404, as is one that does not exist: the page says nothing about either. */
async function ownApplication(
  request: Request,
  context: Route.LoaderArgs["context"],
  params: Route.LoaderArgs["params"],
) {
  const tenant = await municipalityOf(context, params.gemeente);
  const actor = await requireActor(request, context);
  const detail = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    getApplication(tx, { tenantId: tenant.id, applicationId: params.aanvraag }).catch((error: unknown) => {
      if (error instanceof InitiativesError) return undefined;
      throw error;
    }),
  );
  if (!detail || detail.application.applicantId !== actor.personId) notFound();
  return { tenant, actor, detail };
}

/** The applicant's own page: where the application stands, what is missing, the decision, payments and the report. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { detail } = await ownApplication(request, context, params);
  const { application: a, fund } = detail;
  const have = new Set(detail.files.map((f) => f.purpose));
  return {
    fundName: fund.name,
    application: {
      id: a.id,
      reference: a.reference,
      title: a.title,
      status: a.status,
      missing: a.missing,
      dueOn: a.dueOn,
      grantedCents: a.grantedCents,
      conditions: a.conditions,
      reasons: a.reasons,
      reportStatus: a.reportStatus,
      reportDueOn: a.reportDueOn,
    },
    missingDocuments: fund.requiredDocuments.map((document, index) => ({ document, index, have: have.has(document) })),
    files: detail.files.map((f) => ({ id: f.id, purpose: f.purpose, fileName: f.fileName })),
    paidCents: detail.paidCents,
  };
}

const forms = { complete: completeForm, report: reportForm } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { tenant, actor, detail } = await ownApplication(request, context, params);
  const formData = await readFundForm(request);
  const { intent, submission } = parseIntentForm(formData, forms);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const now = new Date();
  const { db, config } = services(context);
  const base = { tenantId: tenant.id, applicationId: detail.application.id, now };
  try {
    await withTenant(db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      const who = { tenantId: tenant.id, actorPersonId: actor.personId, now };
      if (value.intent === "complete") {
        const files = (await filesIn(formData, "document")).flatMap((file) => {
          const purpose = detail.fund.requiredDocuments[Number(file.field.slice("document-".length))];
          return purpose ? [{ ...file, purpose }] : [];
        });
        await completeApplication(tx, {
          ...base,
          actorPersonId: actor.personId,
          url: applicationUrl(config.publicUrl, params.gemeente, detail.application.id),
          documents: await storeFundFiles(tx, who, files),
          explanation: value.explanation ?? "",
        });
      } else {
        const files = (await filesIn(formData, "files")).map((file) => ({ ...file, purpose: "report" }));
        await submitReport(tx, {
          ...base,
          applicantId: actor.personId,
          text: value.text,
          files: await storeFundFiles(tx, who, files),
        });
      }
    });
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, fundErrors));
  }
  services(context).queue.wake();
  return redirect(`/${params.gemeente}/fondsen/aanvraag/${detail.application.id}?melding=${intent}`);
}

const noticeKeys = {
  applied: "funds.notice.applied",
  complete: "funds.notice.completed",
  report: "funds.notice.reported",
} as const satisfies Record<string, MessageKey>;

export default function MyApplicationPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { application: a, fundName } = loaderData;
  const notice = useNotice(noticeKeys);
  const title = t("funds.mine.title", { reference: a.reference });
  const date = (on: string | null) => (on ? formatCalendarDate(locale, on) : "");
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <Paragraph purpose="lead">
        {a.title} ({fundName})
      </Paragraph>
      <Paragraph>
        {t("funds.status")}: <strong>{t(`funds.status.${a.status}`)}</strong>
      </Paragraph>
      {a.status === "in-assessment" && a.dueOn && (
        <Paragraph>{t("funds.mine.due", { dueOn: date(a.dueOn) })}</Paragraph>
      )}
      {a.status === "incomplete" && <CompleteForm missing={a.missing ?? ""} documents={loaderData.missingDocuments} />}
      {(a.status === "granted" || a.status === "refused") && (
        <section aria-labelledby="besluit">
          <Heading level={2} id="besluit">
            {t("funds.mine.decision")}
          </Heading>
          {a.status === "granted" ? (
            <Paragraph>
              {t("funds.granted", {
                amount: formatMoney(locale, a.grantedCents ?? 0),
                conditions: a.conditions ?? "–",
              })}
            </Paragraph>
          ) : (
            <Paragraph>{t("funds.refused", { reasons: a.reasons ?? "" })}</Paragraph>
          )}
          <Paragraph>
            <a className="nl-link" href={`/${params.gemeente}/fondsen/aanvraag/${a.id}/besluit.pdf`}>
              {t("funds.letter")}
            </a>
          </Paragraph>
          {a.status === "granted" && (
            <Paragraph>
              {t("funds.mine.paid", { paid: formatMoney(locale, loaderData.paidCents) })}{" "}
              {t(`funds.report.${a.reportStatus}`, { dueOn: date(a.reportDueOn) })}
            </Paragraph>
          )}
        </section>
      )}
      {a.status === "granted" && a.reportStatus === "due" && <ReportForm />}
    </PageShell>
  );
}

function CompleteForm({
  missing,
  documents,
}: {
  missing: string;
  documents: ReadonlyArray<{ document: string; index: number; have: boolean }>;
}) {
  const t = useT();
  const [form, fields] = useFormFor<Record<string, string>>("complete", { constraint: completeLimits });
  return (
    <section aria-labelledby="aanvullen" className="samenspel-panel">
      <Heading level={2} id="aanvullen">
        {t("funds.complete.title")}
      </Heading>
      <Paragraph>{t("funds.missing", { missing })}</Paragraph>
      <Paragraph>{t("funds.complete.intro")}</Paragraph>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="complete" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.explanation!, label: t("funds.complete.explanation") }]}
        />
        {documents
          .filter((d) => !d.have)
          .map((d) => (
            <FileField
              key={d.document}
              meta={{ id: `document-${d.index}`, name: `document-${d.index}`, errors: undefined }}
              label={d.document}
              description={t("funds.apply.document.hint")}
              accept="application/pdf,image/jpeg,image/png,image/webp"
            />
          ))}
        <TextAreaField meta={fields.explanation!} label={t("funds.complete.explanation")} rows={3} />
        <PrimaryActionButton type="submit">{t("funds.complete.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function ReportForm() {
  const t = useT();
  const [form, fields] = useFormFor<Record<string, string>>("report", { constraint: reportLimits });
  return (
    <section aria-labelledby="verslag" className="samenspel-panel">
      <Heading level={2} id="verslag">
        {t("funds.report.title")}
      </Heading>
      <Paragraph>{t("funds.report.intro")}</Paragraph>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="report" />
        <ErrorSummary formErrors={form.errors} fields={[{ meta: fields.text!, label: t("funds.report.textLabel") }]} />
        <TextAreaField meta={fields.text!} label={t("funds.report.textLabel")} rows={5} />
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="report-files">
              {t("funds.report.files")}
            </label>
          </div>
          <p className="utrecht-form-field-description" id="report-files-hint">
            {t("funds.report.files.hint")}
          </p>
          <div className="utrecht-form-field__input">
            <input
              type="file"
              id="report-files"
              name="files"
              multiple
              accept="application/pdf,image/jpeg,image/png,image/webp"
              className="utrecht-textbox"
              aria-describedby="report-files-hint"
            />
          </div>
        </div>
        <PrimaryActionButton type="submit">{t("funds.report.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
