import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
// A pure module, imported past the index: the page decides in the browser too which file forms it shows.
import { isSideOpen } from "../../../src/domain/councils/advice-states.ts";
import {
  getAdvice,
  listAdviceFiles,
  listCouncilNames,
  respondToAdvice,
  timingOf,
} from "../../../src/domain/councils/index.ts";
import { AdviceDetails } from "../../components/advice-details.tsx";
import { AttachAdviceFileForm, RemoveAdviceFileForm } from "../../components/advice-files.tsx";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, TextAreaField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { respondToAdviceForm } from "../../forms/advice.ts";
import { adviceOutcomes, respondToAdviceLimits } from "../../forms/advice-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { adviceErrors, adviceFileAction, isAdviceFileForm } from "../../server/advice.server.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseFormData, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { readMultipartForm } from "../../server/uploads.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-advice-item";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One piece of advice for staff: its dates and deadlines with every file, the form for the municipality's response,
 * and the file forms of the request and the response (the council's advice files are the council's).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "advice:manage");
  if (!UUID.test(params.adviceId)) notFound();
  const found = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => {
      const advice = await getAdvice(tx, { tenantId: tenant.id, adviceId: params.adviceId });
      if (!advice) return undefined;
      const councils = await listCouncilNames(tx, { tenantId: tenant.id });
      const files = await listAdviceFiles(tx, {
        tenantId: tenant.id,
        councilId: advice.councilId,
        audience: "council",
      });
      return {
        ...advice,
        councilName: councils.find((c) => c.id === advice.councilId)?.name ?? "",
        files: files.filter((file) => file.adviceId === advice.id),
      };
    },
  );
  if (!found) notFound();
  return { base: staffBase(params.gemeente), advice: { ...found, timing: timingOf(found, new Date()) } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "advice:manage");
  if (!UUID.test(params.adviceId)) notFound();
  const here = `${staffBase(params.gemeente)}/advies/${params.adviceId}`;
  const formData = await readMultipartForm(request);
  if (isAdviceFileForm(formData)) {
    if (formData.get("advice") !== params.adviceId) notFound();
    const answer = await adviceFileAction(context, formData, {
      tenantId: tenant.id,
      actorPersonId: actor.personId,
      councilId: null,
    });
    return "refused" in answer ? answer.refused : redirect(`${here}?melding=${answer.notice}`);
  }
  const submission = parseFormData(formData, respondToAdviceForm);
  if (submission.status !== "success") return forForm("respond", invalidForm(submission.reply()));
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      respondToAdvice(tx, {
        tenantId: tenant.id,
        adviceId: params.adviceId,
        outcome: submission.value.outcome,
        reasons: submission.value.reasons,
        actorPersonId: actor.personId,
        now: new Date(),
      }),
    );
  } catch (error) {
    return forForm("respond", replyWithDomainError(error, submission, adviceErrors));
  }
  services(context).queue.wake();
  return redirect(`${here}?melding=responded`);
}

const noticeKeys = {
  requested: "advice.notice.requested",
  responded: "advice.notice.responded",
  attached: "advice.notice.attached",
  "file-removed": "advice.notice.fileRemoved",
} as const satisfies Record<string, MessageKey>;

export default function StaffAdviceItemPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice(noticeKeys);
  const { base, advice } = loaderData;
  const title = t("advice.item.title", { subject: advice.subject });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <AdviceDetails
        advice={advice}
        fileAction={(file) => file.side !== "advice" && <RemoveAdviceFileForm adviceId={advice.id} file={file} />}
        attach={(side) =>
          side !== "advice" && isSideOpen(side, advice.status) && <AttachAdviceFileForm advice={advice} side={side} />
        }
      />
      {advice.status === "advised" && <RespondForm />}
      <Paragraph>
        <Link className="nl-link" to={`${base}/advies`}>
          {t("advice.item.back")}
        </Link>
      </Paragraph>
    </PageShell>
  );
}

function RespondForm() {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof respondToAdviceForm>>("respond", {
    constraint: respondToAdviceLimits,
  });
  return (
    <section aria-labelledby="reageren" className="samenspel-panel">
      <Heading level={2} id="reageren">
        {t("advice.respond.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="respond" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.outcome, label: t("advice.field.outcome") },
            { meta: fields.reasons, label: t("advice.field.reasons") },
          ]}
        />
        <SelectField
          meta={fields.outcome}
          label={t("advice.field.outcome")}
          options={adviceOutcomes.map((outcome) => ({ value: outcome, label: t(`advice.outcome.${outcome}`) }))}
        />
        <TextAreaField
          meta={fields.reasons}
          label={t("advice.field.reasons")}
          description={t("advice.field.reasons.hint")}
        />
        <PrimaryActionButton type="submit">{t("advice.respond.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
