import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { data, Form, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { requestFollow, topicOf } from "../../../src/domain/following/index.ts";
import { getProcess, phasePositions, positionOf, submitEvaluation } from "../../../src/domain/processes/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { FollowForm } from "../../components/follow-form.tsx";
import { ErrorSummary, FormKeyField, HoneypotField, TextAreaField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { ProcessTimeline } from "../../components/process-timeline.tsx";
import { followForm } from "../../forms/following.ts";
import { evaluationForm } from "../../forms/processes.ts";
import { evaluationLimits } from "../../forms/processes-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { followLinks, inMunicipality, publicMunicipality } from "../../server/following.server.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { processErrors, processLinks } from "../../server/processes.server.ts";
import type { Route } from "./+types/card";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function readProcess(context: Route.LoaderArgs["context"], gemeente: string, key: string) {
  const tenant = await publicMunicipality(context, gemeente);
  const process = await withTenant(services(context).db, { tenantId: tenant.id }, (tx) =>
    getProcess(tx, {
      tenantId: tenant.id,
      ...(UUID.test(key) ? { id: key } : { slug: key }),
      publishedOnly: true,
    }),
  );
  if (!process) notFound();
  return { tenant, process };
}

/** The spelregelkaart: a process's rules of the game on one page, its phases with today's place, follow, evaluate. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { process } = await readProcess(context, params.gemeente, params.proces);
  // A follow mail's link names the process by its id (a topic); the card has one address.
  if (process.slug !== params.proces) throw redirect(`/${params.gemeente}/processen/${process.slug}`);
  return {
    process,
    position: positionOf(process),
    positions: phasePositions(process),
    links: processLinks(context, params.gemeente, process.slug),
    formKey: newToken().token,
  };
}

const forms = { follow: followForm, evaluate: evaluationForm } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const formData = await readForm(request);
  const intent = String(formData.get("intent")) as keyof typeof forms;
  if (!Object.hasOwn(forms, intent)) throw data(null, { status: 400 });
  const submission = parseFormData(formData, forms[intent]);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const { process } = await readProcess(context, params.gemeente, params.proces);
  const now = new Date();
  const here = `/${params.gemeente}/processen/${process.slug}`;
  if (value.website) return redirect(`${here}?melding=${intent}`);
  try {
    const locale = await localeOf(request);
    await inMunicipality(context, params.gemeente, (tx, tenantId) =>
      value.intent === "follow"
        ? requestFollow(tx, {
            tenantId,
            email: value.email,
            topic: topicOf("process", process.id),
            title: process.title,
            locale,
            linkFor: followLinks(context, params.gemeente).confirm,
            now,
          })
        : submitEvaluation(tx, {
            tenantId,
            processId: process.id,
            clear: value.clear,
            heard: value.heard,
            feedbackGood: value.feedbackGood,
            remark: value.remark,
            idempotencyKey: value.key,
            now,
          }),
    );
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, processErrors));
  }
  return redirect(`${here}?melding=${intent}#${intent === "follow" ? "volgen" : "evaluatie"}`);
}

const notices = {
  follow: "processes.follow.sent",
  evaluate: "processes.evaluation.thanks",
} as const satisfies Record<keyof typeof forms, MessageKey>;

export default function ProcessCard({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { process, position, positions, links } = loaderData;
  const notice = useNotice(notices);
  const now = position.current
    ? t("processes.card.now", { phase: position.current.title })
    : t(`processes.state.${position.state}`);
  return (
    <PageShell title={process.title}>
      <Heading level={1}>{process.title}</Heading>
      <Notice message={notice} />
      <Paragraph purpose="lead">{process.description}</Paragraph>
      <Paragraph>
        <strong>{now}</strong>
      </Paragraph>
      <dl className="samenspel-fields">
        <dt>{t("processes.card.fixed")}</dt>
        <dd>{process.fixed || "–"}</dd>
        <dt>{t("processes.card.open")}</dt>
        <dd>{process.open || "–"}</dd>
        <dt>{t("processes.card.decidedBy")}</dt>
        <dd>{t(`processes.decider.${process.decidedBy}`)}</dd>
        <dt>{t("processes.card.responsible")}</dt>
        <dd>{process.responsible}</dd>
      </dl>
      <Paragraph>
        <a className="nl-link" href={links.pdf}>
          {t("processes.card.pdf")}
        </a>
      </Paragraph>
      <section aria-labelledby="fasen">
        <Heading level={2} id="fasen">
          {t("processes.card.phases")}
        </Heading>
        <ProcessTimeline phases={process.phases} positions={positions} gemeente={params.gemeente} />
      </section>
      <FollowForm title={t("processes.follow.title")} intro={t("processes.follow.intro")} />
      {position.state === "closed" && <EvaluationForm formKey={loaderData.formKey} />}
    </PageShell>
  );
}

function ScoreField({
  id,
  name,
  label,
  error,
}: {
  id: string;
  name: string;
  label: string;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <fieldset className="utrecht-form-fieldset" id={id}>
      <legend className="utrecht-form-fieldset__legend">{label}</legend>
      {error && <p className="utrecht-form-field-error-message">{error}</p>}
      <div className="samenspel-scores">
        {[1, 2, 3, 4, 5].map((score) => (
          <label key={score} className="utrecht-form-label utrecht-form-label--radio">
            <input type="radio" className="utrecht-radio-button" name={name} value={score} />{" "}
            {t(`processes.score.${score}` as MessageKey)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function EvaluationForm({ formKey }: { formKey: string }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof evaluationForm>>("evaluate", {
    constraint: evaluationLimits,
  });
  const error = (meta: { errors?: string[] }) => (meta.errors?.length ? t(meta.errors[0] as MessageKey) : undefined);
  return (
    <section aria-labelledby="evaluatie" className="samenspel-panel">
      <Heading level={2} id="evaluatie">
        {t("processes.evaluation.title")}
      </Heading>
      <Paragraph>{t("processes.evaluation.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="evaluate" />
        <FormKeyField meta={fields.key} fresh={formKey} />
        <HoneypotField />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.clear, label: t("processes.evaluation.clear") },
            { meta: fields.heard, label: t("processes.evaluation.heard") },
            { meta: fields.feedbackGood, label: t("processes.evaluation.feedbackGood") },
          ]}
        />
        <ScoreField
          id={fields.clear.id}
          name="clear"
          label={t("processes.evaluation.clear")}
          error={error(fields.clear)}
        />
        <ScoreField
          id={fields.heard.id}
          name="heard"
          label={t("processes.evaluation.heard")}
          error={error(fields.heard)}
        />
        <ScoreField
          id={fields.feedbackGood.id}
          name="feedbackGood"
          label={t("processes.evaluation.feedbackGood")}
          error={error(fields.feedbackGood)}
        />
        <TextAreaField meta={fields.remark} label={t("processes.evaluation.remark")} rows={3} />
        <PrimaryActionButton type="submit">{t("processes.evaluation.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
