import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect, useActionData } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { getAdvice, listCouncilNames, respondToAdvice, timingOf } from "../../../src/domain/councils/index.ts";
import { AdviceDetails } from "../../components/advice-details.tsx";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, TextAreaField } from "../../components/form-fields.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { adviceOutcomes, respondToAdviceForm } from "../../forms/advice.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { adviceErrors } from "../../server/advice.server.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-advice-item";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One piece of advice for staff: its dates and deadlines, and the form for the municipality's response. */
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
      return { ...advice, councilName: councils.find((c) => c.id === advice.councilId)?.name ?? "" };
    },
  );
  if (!found) notFound();
  return { base: staffBase(params.gemeente), advice: { ...found, timing: timingOf(found, new Date()) } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "advice:manage");
  if (!UUID.test(params.adviceId)) notFound();
  const submission = await parseForm(request, respondToAdviceForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
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
    return replyWithDomainError(error, submission, adviceErrors);
  }
  services(context).queue.wake();
  return redirect(`${staffBase(params.gemeente)}/advies/${params.adviceId}?melding=responded`);
}

const noticeKeys = {
  requested: "advice.notice.requested",
  responded: "advice.notice.responded",
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
      <AdviceDetails advice={advice} />
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
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof respondToAdviceForm>>({
    id: "respond",
    lastResult: answer && "result" in answer ? answer.result : undefined,
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
