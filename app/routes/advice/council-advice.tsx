import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
// A pure module, imported past the index: the page decides in the browser too which file forms it shows.
import { isSideOpen } from "../../../src/domain/councils/advice-states.ts";
import { giveAdvice, listAdvice, listAdviceFiles, timingOf } from "../../../src/domain/councils/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { AdviceDetails, AdviceFileList } from "../../components/advice-details.tsx";
import { AttachAdviceFileForm, RemoveAdviceFileForm } from "../../components/advice-files.tsx";
import { Notice } from "../../components/choice-fields.tsx";
import { ErrorSummary, FormKeyField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { giveAdviceForm, offerAdviceForm } from "../../forms/advice.ts";
import { giveAdviceLimits, offerAdviceLimits } from "../../forms/advice-limits.ts";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { adviceErrors, adviceFileAction, isAdviceFileForm } from "../../server/advice.server.ts";
import { services } from "../../server/context.ts";
import { requireCouncilSeat } from "../../server/councils.server.ts";
import { forForm, invalidForm, parseIntentForm, replyWithDomainError } from "../../server/forms.server.ts";
import { readMultipartForm } from "../../server/uploads.server.ts";
import type { Route } from "./+types/council-advice";

/**
 * The advice part of a council's workspace: the requests waiting for the council's advice, each with its form, the
 * form for unsolicited advice, and what came of earlier advice, each with its files. Only for those who hold a seat
 * on the council today; the domain lets the secretary or the chair send advice and attach or remove its PDFs.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, council, seat } = await requireCouncilSeat(request, context, params);
  const now = new Date();
  const { rows, files } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => ({
      rows: await listAdvice(tx, { tenantId: tenant.id, councilId: council.id }),
      files: await listAdviceFiles(tx, { tenantId: tenant.id, councilId: council.id, audience: "council" }),
    }),
  );
  return {
    gemeente: tenant.slug,
    council: { slug: council.slug, name: council.name },
    canSend: seat.role === "secretary" || seat.role === "chair",
    rows: rows.map((row) => ({
      ...row,
      councilName: council.name,
      timing: timingOf(row, now),
      files: files.filter((file) => file.adviceId === row.id),
    })),
    formKey: newToken().token,
  };
}

const forms = { give: giveAdviceForm, offer: offerAdviceForm } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, council } = await requireCouncilSeat(request, context, params);
  const formData = await readMultipartForm(request);
  if (isAdviceFileForm(formData)) {
    const answer = await adviceFileAction(context, formData, {
      tenantId: tenant.id,
      actorPersonId: actor.personId,
      councilId: council.id,
    });
    return "refused" in answer
      ? answer.refused
      : redirect(`/${tenant.slug}/raad/${council.slug}/advies?melding=${answer.notice}`);
  }
  const { intent, submission } = parseIntentForm(formData, forms);
  const formId = intent === "give" ? `give-${String(formData.get("request"))}` : intent;
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  const value = submission.value;
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      giveAdvice(tx, {
        tenantId: tenant.id,
        councilId: council.id,
        answer: value.intent === "give" ? { requestId: value.request } : { subject: value.subject },
        adviceText: value.advice,
        idempotencyKey: value.intent === "offer" ? value.key : null,
        actorPersonId: actor.personId,
        now: new Date(),
      }),
    );
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, adviceErrors));
  }
  services(context).queue.wake();
  return redirect(`/${tenant.slug}/raad/${council.slug}/advies?melding=given`);
}

type Loaded = Route.ComponentProps["loaderData"];

export default function CouncilAdvicePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const notice = useNotice({
    given: "advice.notice.given",
    attached: "advice.notice.attached",
    "file-removed": "advice.notice.fileRemoved",
  });
  const { gemeente, council, rows, canSend } = loaderData;
  const title = t("advice.workspace.title", { council: council.name });
  const open = rows.filter((row) => row.status === "requested");
  const rest = rows.filter((row) => row.status !== "requested");
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <Paragraph purpose="lead">{t("advice.workspace.lead")}</Paragraph>
      <Paragraph>
        <Link className="nl-link" to={`/${gemeente}/raad/${council.slug}`}>
          {council.name}
        </Link>
      </Paragraph>
      <Heading level={2}>{t("advice.workspace.open")}</Heading>
      {open.length === 0 && <Paragraph>{t("advice.workspace.noOpen")}</Paragraph>}
      {open.map((row) => (
        <article key={row.id} aria-labelledby={`kop-${row.id}`} className="samenspel-panel">
          <Heading level={3} id={`kop-${row.id}`}>
            {row.subject}
          </Heading>
          <Paragraph>
            {t("advice.col.adviceDueOn")}: {row.adviceDueOn ? formatCalendarDate(locale, row.adviceDueOn) : "–"}
          </Paragraph>
          <Heading level={4}>{t("advice.item.question")}</Heading>
          <Paragraph className="samenspel-pre-line">{row.question}</Paragraph>
          <AdviceFileList files={row.files} side="request" headingLevel={4} />
          <AdviceFileList
            files={row.files}
            side="advice"
            headingLevel={4}
            fileAction={canSend ? fileAction(row.id) : undefined}
          />
          {canSend && <AttachAdviceFileForm advice={row} side="advice" />}
          {canSend && <GiveForm requestId={row.id} subject={row.subject} />}
        </article>
      ))}
      {canSend && <OfferForm formKey={loaderData.formKey} />}
      {rest.length > 0 && <Heading level={2}>{t("advice.register.list")}</Heading>}
      {rest.map((row) => (
        <article key={row.id} aria-labelledby={`kop-${row.id}`} className="samenspel-panel">
          <Heading level={3} id={`kop-${row.id}`}>
            {row.subject}
          </Heading>
          <AdviceDetails
            advice={row}
            headingLevel={4}
            fileAction={canSend ? fileAction(row.id) : undefined}
            attach={(side) =>
              canSend &&
              side === "advice" &&
              isSideOpen(side, row.status) && <AttachAdviceFileForm advice={row} side={side} />
            }
          />
        </article>
      ))}
    </PageShell>
  );
}

/** The council's own files can be removed by its officers; the municipality's files are not theirs. */
const fileAction = (adviceId: string) => (file: Loaded["rows"][number]["files"][number]) =>
  file.side === "advice" && <RemoveAdviceFileForm adviceId={adviceId} file={file} />;

function GiveForm({ requestId, subject }: { requestId: string; subject: string }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof giveAdviceForm>>(`give-${requestId}`, {
    constraint: giveAdviceLimits,
  });
  return (
    <Form method="post" {...getFormProps(form)} aria-label={`${t("advice.give.title")}: ${subject}`}>
      <input type="hidden" name="intent" value="give" />
      <input type="hidden" name="request" value={requestId} />
      <ErrorSummary formErrors={form.errors} fields={[{ meta: fields.advice, label: t("advice.field.advice") }]} />
      <TextAreaField meta={fields.advice} label={t("advice.field.advice")} />
      <PrimaryActionButton type="submit">{t("advice.give.submit")}</PrimaryActionButton>
    </Form>
  );
}

function OfferForm({ formKey }: Pick<Loaded, "formKey">) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof offerAdviceForm>>("offer", {
    constraint: offerAdviceLimits,
  });
  return (
    <section aria-labelledby="ongevraagd" className="samenspel-panel">
      <Heading level={2} id="ongevraagd">
        {t("advice.offer.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="offer" />
        <FormKeyField meta={fields.key} fresh={formKey} />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.subject, label: t("advice.field.subject") },
            { meta: fields.advice, label: t("advice.field.advice") },
          ]}
        />
        <TextField meta={fields.subject} label={t("advice.field.subject")} />
        <TextAreaField meta={fields.advice} label={t("advice.field.advice")} />
        <PrimaryActionButton type="submit">{t("advice.offer.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
