import { type FieldMetadata, getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert, Button, PrimaryActionButton } from "@utrecht/component-library-react";
import { Fragment } from "react";
import { data, Form, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { listRounds } from "../../../src/domain/budgeting/index.ts";
import { listAdvice } from "../../../src/domain/councils/index.ts";
import { listFunds } from "../../../src/domain/initiatives/index.ts";
import {
  addMoment,
  addPhase,
  deciders,
  evaluationResults,
  findOrdinanceFlags,
  findRemark,
  getProcess,
  ladderLevels,
  listParticipationRules,
  momentMethods,
  type ProcessMoment,
  type ProcessPhase,
  positionOf,
  processStages,
  publishFeedback,
  publishProcess,
  removePhase,
  takeRemarkForLesson,
  updateMoment,
  updatePhase,
  updateProcess,
} from "../../../src/domain/processes/index.ts";
import { getTrajectory, recordLesson } from "../../../src/domain/programme/index.ts";
import { dutchDateOf, dutchTime, newToken } from "../../../src/domain/shared/index.ts";
import { findProgrammeTenant } from "../../../src/domain/tenancy/index.ts";
import { ActionLinks } from "../../components/action-links.tsx";
import { CheckboxField, Notice, SelectField } from "../../components/choice-fields.tsx";
import {
  ErrorSummary,
  FormKeyField,
  LengthLimitNote,
  limitId,
  TextAreaField,
  TextField,
} from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { FEEDBACK_ROWS } from "../../forms/feedback-rows.ts";
import {
  addMomentForm,
  addPhaseForm,
  feedbackForm,
  lessonForm,
  momentForm,
  phaseForm,
  processForm,
  publishForm,
  removePhaseForm,
} from "../../forms/processes.ts";
import {
  addMomentLimits,
  feedbackLimits,
  phaseLimits,
  processLimits,
  removePhaseLimits,
} from "../../forms/processes-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { followLinks } from "../../server/following.server.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { processErrors, processLinks, processOrNotFound } from "../../server/processes.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-process";

/** The trajectory whose knowledge bundle a process's lessons go to. */
export const SPELREGELS_TRAJECTORY = "spelregels-voor-democratische-processen";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "processes:manage");
  const view = await processOrNotFound(
    withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      const process = await getProcess(tx, { tenantId: tenant.id, slug: params.proces });
      if (!process) return undefined;
      return {
        process,
        position: positionOf(process),
        flags: await findOrdinanceFlags(tx, tenant.id, process),
        rules: await listParticipationRules(tx, { tenantId: tenant.id }),
        // The other instruments a moment of influence can be.
        instruments: {
          rounds: (await listRounds(tx, { tenantId: tenant.id })).map((r) => ({ value: r.id, label: r.title })),
          advice: (await listAdvice(tx, { tenantId: tenant.id })).map((a) => ({ value: a.id, label: a.subject })),
          funds: (await listFunds(tx, { tenantId: tenant.id })).map((f) => ({ value: f.id, label: f.name })),
        },
        evaluations: await evaluationResults(tx, { tenantId: tenant.id, processId: process.id }),
      };
    }),
  );
  return {
    ...view,
    base: staffBase(params.gemeente),
    links: processLinks(context, params.gemeente, view.process.slug),
    formKey: newToken().token,
    today: dutchDateOf(new Date()),
    // The page's choices come with the data: the domain's modules stay out of the browser's bundle.
    choices: {
      levels: [...ladderLevels],
      methods: [...momentMethods],
      deciders: [...deciders],
      stages: [...processStages],
    },
  };
}

const forms = {
  process: processForm,
  phase: phaseForm,
  "add-phase": addPhaseForm,
  "remove-phase": removePhaseForm,
  "add-moment": addMomentForm,
  moment: momentForm,
  publish: publishForm,
  feedback: feedbackForm,
  lesson: lessonForm,
} as const;

/** The form a reply belongs to: one per intent, and per phase or moment where the page has several. */
const targetOf: Record<string, string> = {
  phase: "phase",
  "remove-phase": "phase",
  "add-moment": "phase",
  moment: "moment",
  feedback: "moment",
};
const formIdOf = (intent: string, formData: FormData) =>
  targetOf[intent] ? `${intent}-${String(formData.get(targetOf[intent]) ?? "")}` : intent;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "processes:manage");
  const { db, queue } = services(context);
  const formData = await readForm(request);
  const intent = String(formData.get("intent")) as keyof typeof forms;
  if (!Object.hasOwn(forms, intent)) throw data(null, { status: 400 });
  const formId = formIdOf(intent, formData);
  const submission = parseFormData(formData, forms[intent]);
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  const value = submission.value;
  const tenantId = tenant.id;
  const actorPersonId = actor.personId;
  const now = new Date();
  const scope = { tenantId, personId: actorPersonId };
  const here = `${staffBase(params.gemeente)}/processen`;
  try {
    const process = await withTenant(db, scope, (tx) => getProcess(tx, { tenantId, slug: params.proces }));
    if (!process) throw data(null, { status: 404 });
    const owns = {
      phase: (id: string) => process.phases.some((phase) => phase.id === id),
      moment: (id: string) => process.phases.some((phase) => phase.moments.some((m) => m.id === id)),
    };
    if (value.intent === "lesson") {
      await draftLesson(context, { tenantId, actorPersonId, evaluationId: value.evaluation, processId: process.id });
    } else {
      await withTenant(db, scope, async (tx) => {
        switch (value.intent) {
          case "process":
            return updateProcess(tx, {
              tenantId,
              processId: process.id,
              actorPersonId,
              title: value.title,
              description: value.description,
              fixed: value.fixed,
              open: value.open,
              decisionKind: value.decisionKind,
              decidedBy: value.decidedBy,
              responsible: value.responsible,
            });
          case "phase":
            if (!owns.phase(value.phase)) throw data(null, { status: 404 });
            return updatePhase(tx, { tenantId, phaseId: value.phase, ...phaseValues(value), actorPersonId });
          case "add-phase":
            await addPhase(tx, {
              tenantId,
              processId: process.id,
              stage: value.stage,
              ...phaseValues(value),
              actorPersonId,
              now,
            });
            return;
          case "remove-phase":
            // Scoped to this process by the domain; a phase already gone is a repeat and changes nothing.
            return removePhase(tx, {
              tenantId,
              processId: process.id,
              phaseId: value.phase,
              reason: value.reason,
              actorPersonId,
              now,
            });
          case "add-moment":
            if (!owns.phase(value.phase)) throw data(null, { status: 404 });
            await addMoment(tx, {
              tenantId,
              tenantSlug: params.gemeente,
              phaseId: value.phase,
              ...momentValues(value),
              idempotencyKey: value.key,
              actorPersonId,
              now,
            });
            return;
          case "moment":
            if (!owns.moment(value.moment)) throw data(null, { status: 404 });
            return updateMoment(tx, {
              tenantId,
              tenantSlug: params.gemeente,
              momentId: value.moment,
              expectedVersion: value.version,
              ...momentValues(value),
              actorPersonId,
              now,
            });
          case "publish":
            return publishProcess(tx, {
              tenantId,
              tenantSlug: params.gemeente,
              processId: process.id,
              acceptFlags: value.acceptFlags,
              actorPersonId,
              now,
            });
          case "feedback": {
            if (!owns.moment(value.moment)) throw data(null, { status: 404 });
            await publishFeedback(tx, {
              tenantId,
              momentId: value.moment,
              points: value.points,
              processUrl: processLinks(context, params.gemeente, process.slug).absolute,
              unsubscribeBase: followLinks(context, params.gemeente).unsubscribeBase,
              actorPersonId,
              now,
            });
            return;
          }
        }
      });
    }
    queue.wake();
    return redirect(`${here}/${process.slug}?melding=${intent}`);
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, processErrors));
  }
}

function phaseValues(value: z.output<typeof phaseForm> | z.output<typeof addPhaseForm>) {
  const { title, startsOn, endsOn, level, participants } = value;
  return { title, startsOn, endsOn, level, participants };
}

function momentValues(value: z.output<typeof momentForm> | z.output<typeof addMomentForm>) {
  return {
    title: value.title,
    subject: value.subject,
    method: value.method,
    methodDetail: value.methodDetail,
    budgetRoundId: value.round,
    adviceId: value.advice,
    fundId: value.fund,
    opensAt: dutchTime(value.opensOn, value.opensTime),
    closesAt: dutchTime(value.closesOn, value.closesTime),
    feedbackOn: value.feedbackOn,
    feedbackHow: value.feedbackHow,
  };
}

/**
 * One action turns a remark into a draft lesson in the programme's knowledge bundle (under the Spelregels
 * trajectory, marked as this municipality's). The draft is keyed by the evaluation, so a retry or a double click
 * makes one lesson; the remark is marked once the draft exists.
 */
async function draftLesson(
  context: Route.ActionArgs["context"],
  o: { tenantId: string; actorPersonId: string; evaluationId: string; processId: string },
) {
  const { db } = services(context);
  const scope = { tenantId: o.tenantId, personId: o.actorPersonId };
  const remark = await withTenant(db, scope, (tx) =>
    findRemark(tx, { tenantId: o.tenantId, evaluationId: o.evaluationId }),
  );
  if (remark.drafted) return;
  const programme = await findProgrammeTenant(db);
  if (!programme) throw data(null, { status: 409 });
  await withTenant(db, { tenantId: programme.id, personId: o.actorPersonId }, async (tx) => {
    const trajectory = await getTrajectory(tx, { tenantId: programme.id, slug: SPELREGELS_TRAJECTORY });
    if (!trajectory) throw data(null, { status: 409 });
    await recordLesson(tx, {
      programmeTenantId: programme.id,
      trajectoryId: trajectory.id,
      municipalityId: o.tenantId,
      kind: "municipal",
      theme: trajectory.theme,
      title: `Les uit ${remark.processTitle}`,
      body: remark.remark,
      actorPersonId: o.actorPersonId,
      idempotencyKey: `process-evaluation-${o.evaluationId}`,
    });
  });
  await withTenant(db, scope, (tx) =>
    takeRemarkForLesson(tx, { tenantId: o.tenantId, evaluationId: o.evaluationId, actorPersonId: o.actorPersonId }),
  );
}

type Loaded = Route.ComponentProps["loaderData"];

const notices = {
  created: "processes.notice.created",
  process: "processes.notice.saved",
  phase: "processes.notice.saved",
  "add-phase": "processes.notice.phaseAdded",
  "remove-phase": "processes.notice.phaseRemoved",
  "add-moment": "processes.notice.momentAdded",
  moment: "processes.notice.saved",
  publish: "processes.notice.published",
  feedback: "processes.notice.feedback",
  lesson: "processes.notice.lesson",
} as const satisfies Record<string, MessageKey>;

const amsterdamTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const amsterdamDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });
const localParts = (instant: Date) => ({ on: amsterdamDate.format(instant), time: amsterdamTime.format(instant) });

export default function StaffProcess({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { process, flags, base, links, evaluations, position } = loaderData;
  const notice = useNotice(notices);
  return (
    <PageShell title={process.title}>
      <Heading level={1}>{process.title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>
        {t(`processes.status.${process.status}`)}
        {position.current ? ` · ${t("processes.card.now", { phase: position.current.title })}` : ""}
      </Paragraph>
      {process.status === "published" && (
        <ActionLinks
          links={[
            { to: links.card, label: t("processes.staff.public") },
            { to: links.pdf, label: t("processes.card.pdf"), document: true },
          ]}
        />
      )}
      {flags.length > 0 && (
        <Alert type="warning">
          <Heading level={2}>{t("processes.flags.title")}</Heading>
          <ul>
            {flags.map((flag) => (
              <li key={flag.kind}>
                {flag.kind === "below-minimum"
                  ? t("processes.flags.belowMinimum", {
                      rule: flag.rule,
                      minimum: t(`processes.level.${flag.minimum}`),
                      highest: flag.highest ? t(`processes.level.${flag.highest}`) : "–",
                    })
                  : t("processes.flags.noMoments", { rule: flag.rule })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {process.status === "draft" && <PublishForm hasFlags={flags.length > 0} />}
      <ProcessRulesForm loaded={loaderData} />
      <Heading level={2}>{t("processes.phases.title")}</Heading>
      {process.phases.map((phase) => (
        <section key={phase.id} className="samenspel-panel" aria-labelledby={`fase-${phase.id}`}>
          <Heading level={3} id={`fase-${phase.id}`}>
            {phase.title} ({t(`processes.stage.${phase.stage}`)})
          </Heading>
          <Paragraph>
            {formatCalendarDate(locale, phase.startsOn)} – {formatCalendarDate(locale, phase.endsOn)} ·{" "}
            {t(`processes.level.${phase.level}`)}
          </Paragraph>
          <PhaseForm phase={phase} levels={loaderData.choices.levels} />
          {process.status === "published" && phase.startsOn <= loaderData.today ? (
            <Paragraph>{t("processes.phase.started")}</Paragraph>
          ) : (
            <RemovePhaseForm phase={phase} published={process.status === "published"} />
          )}
          {phase.moments.map((moment) => (
            <div key={moment.id} className="samenspel-card">
              <Heading level={4}>{moment.title}</Heading>
              <details>
                <summary>{t("processes.moment.edit")}</summary>
                <MomentForm
                  moment={moment}
                  phase={phase}
                  instruments={loaderData.instruments}
                  methods={loaderData.choices.methods}
                />
              </details>
              {process.status === "published" && <FeedbackForm moment={moment} />}
            </div>
          ))}
          <details>
            <summary>{t("processes.moment.add")}</summary>
            <MomentForm
              phase={phase}
              instruments={loaderData.instruments}
              methods={loaderData.choices.methods}
              formKey={loaderData.formKey}
            />
          </details>
        </section>
      ))}
      <AddPhaseForm loaded={loaderData} />
      <section aria-labelledby="evaluatie" className="samenspel-panel">
        <Heading level={2} id="evaluatie">
          {t("processes.evaluation.results")}
        </Heading>
        {evaluations.count === 0 ? (
          <Paragraph>{t("processes.evaluation.none")}</Paragraph>
        ) : (
          <>
            <dl className="samenspel-fields">
              <dt>{t("processes.evaluation.count")}</dt>
              <dd>{evaluations.count}</dd>
              {(["clear", "heard", "feedbackGood"] as const).map((key) => (
                <Fragment key={key}>
                  <dt>{t(`processes.evaluation.${key}`)}</dt>
                  <dd>{t("processes.evaluation.average", { score: evaluations[key] ?? "–" })}</dd>
                </Fragment>
              ))}
            </dl>
            <Heading level={3}>{t("processes.evaluation.remarks")}</Heading>
            <ul>
              {evaluations.remarks.map((remark) => (
                <li key={remark.id}>
                  <Paragraph>{remark.remark}</Paragraph>
                  {remark.drafted ? (
                    <Paragraph>{t("processes.lesson.drafted")}</Paragraph>
                  ) : (
                    <LessonForm evaluationId={remark.id} />
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </PageShell>
  );
}

function PublishForm({ hasFlags }: { hasFlags: boolean }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof publishForm>>("publish");
  return (
    <Form method="post" {...getFormProps(form)} className="samenspel-panel">
      <input type="hidden" name="intent" value="publish" />
      <ErrorSummary
        formErrors={form.errors}
        fields={[{ meta: fields.acceptFlags, label: t("processes.publish.accept") }]}
      />
      <Paragraph>{t("processes.publish.intro")}</Paragraph>
      {hasFlags && <CheckboxField meta={fields.acceptFlags} label={t("processes.publish.accept")} />}
      <PrimaryActionButton type="submit">{t("processes.publish.submit")}</PrimaryActionButton>
    </Form>
  );
}

function ProcessRulesForm({ loaded }: { loaded: Loaded }) {
  const t = useT();
  const { process, rules } = loaded;
  const [form, fields] = useFormFor<z.input<typeof processForm>>("process", {
    constraint: processLimits,
    defaultValue: {
      title: process.title,
      description: process.description,
      fixed: process.fixed,
      open: process.open,
      decisionKind: process.decisionKind ?? "",
      decidedBy: process.decidedBy,
      responsible: process.responsible,
    },
  });
  return (
    <section aria-labelledby="spelregels" className="samenspel-panel">
      <Heading level={2} id="spelregels">
        {t("processes.rulesOfGame.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="process" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.title, label: t("processes.field.title") },
            { meta: fields.description, label: t("processes.field.description") },
            { meta: fields.responsible, label: t("processes.field.responsible") },
          ]}
        />
        <TextField meta={fields.title} label={t("processes.field.title")} />
        <TextAreaField meta={fields.description} label={t("processes.field.description")} rows={3} />
        <TextAreaField meta={fields.fixed} label={t("processes.card.fixed")} rows={3} />
        <TextAreaField meta={fields.open} label={t("processes.card.open")} rows={3} />
        <SelectField
          meta={fields.decisionKind}
          label={t("processes.field.decisionKind")}
          options={[
            { value: "", label: t("processes.field.decisionKind.none") },
            ...rules.map((rule) => ({ value: rule.decisionKind, label: rule.label })),
            ...(process.decisionKind && !rules.some((r) => r.decisionKind === process.decisionKind)
              ? [{ value: process.decisionKind, label: process.decisionKind }]
              : []),
          ]}
        />
        <SelectField
          meta={fields.decidedBy}
          label={t("processes.card.decidedBy")}
          options={loaded.choices.deciders.map((d) => ({ value: d, label: t(`processes.decider.${d}`) }))}
        />
        <TextField meta={fields.responsible} label={t("processes.field.responsible")} />
        <PrimaryActionButton type="submit">{t("processes.save")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function PhaseForm({ phase, levels }: { phase: ProcessPhase; levels: Loaded["choices"]["levels"] }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof phaseForm>>(`phase-${phase.id}`, {
    constraint: phaseLimits,
    defaultValue: {
      title: phase.title,
      startsOn: phase.startsOn,
      endsOn: phase.endsOn,
      level: phase.level,
      participants: phase.participants.join(", "),
    },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="phase" />
      <input type="hidden" name="phase" value={phase.id} />
      <ErrorSummary formErrors={form.errors} fields={phaseSummary(fields, t)} />
      <PhaseFields fields={fields} levels={levels} />
      <Button type="submit" appearance="secondary-action-button">
        {t("processes.phase.save", { phase: phase.title })}
      </Button>
    </Form>
  );
}

type PhaseFieldsMeta = Record<
  "title" | "startsOn" | "endsOn" | "level" | "participants",
  FieldMetadata<string | undefined>
>;

const phaseSummary = (fields: PhaseFieldsMeta, t: ReturnType<typeof useT>) => [
  { meta: fields.title, label: t("processes.field.phaseTitle") },
  { meta: fields.startsOn, label: t("processes.field.phaseStarts") },
  { meta: fields.endsOn, label: t("processes.field.phaseEnds") },
];

/** A phase's own fields, the same when it is added and when it is adapted. */
function PhaseFields({ fields, levels }: { fields: PhaseFieldsMeta; levels: Loaded["choices"]["levels"] }) {
  const t = useT();
  return (
    <>
      <TextField meta={fields.title} label={t("processes.field.phaseTitle")} />
      <TextField meta={fields.startsOn} label={t("processes.field.phaseStarts")} type="date" />
      <TextField meta={fields.endsOn} label={t("processes.field.phaseEnds")} type="date" />
      <SelectField
        meta={fields.level}
        label={t("processes.field.level")}
        options={levels.map((level) => ({ value: level, label: t(`processes.level.${level}`) }))}
      />
      <TextField
        meta={fields.participants}
        label={t("processes.field.participants")}
        description={t("processes.field.participants.hint")}
      />
    </>
  );
}

/** A phase for a stage the process does not use yet; the stages it uses are not offered. */
function AddPhaseForm({ loaded }: { loaded: Loaded }) {
  const t = useT();
  const free = loaded.choices.stages.filter((stage) => !loaded.process.phases.some((p) => p.stage === stage));
  const [form, fields] = useFormFor<z.input<typeof addPhaseForm>>("add-phase", {
    constraint: phaseLimits,
    defaultValue: { level: "raadplegen" },
  });
  return (
    <section aria-labelledby="nieuwe-fase" className="samenspel-panel">
      <Heading level={2} id="nieuwe-fase">
        {t("processes.phase.add")}
      </Heading>
      {free.length === 0 ? (
        <Paragraph>{t("processes.phase.allUsed")}</Paragraph>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="add-phase" />
          <ErrorSummary
            formErrors={form.errors}
            fields={[{ meta: fields.stage, label: t("processes.field.stage") }, ...phaseSummary(fields, t)]}
          />
          <Paragraph>{t("processes.phase.addIntro")}</Paragraph>
          <SelectField
            meta={fields.stage}
            label={t("processes.field.stage")}
            options={free.map((stage) => ({ value: stage, label: t(`processes.stage.${stage}`) }))}
          />
          <PhaseFields fields={fields} levels={loaded.choices.levels} />
          <Button type="submit" appearance="secondary-action-button">
            {t("processes.phase.addSubmit")}
          </Button>
        </Form>
      )}
    </section>
  );
}

/** Removing a phase: at once on a draft; on a published process only before it starts, with a reason. */
function RemovePhaseForm({ phase, published }: { phase: ProcessPhase; published: boolean }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof removePhaseForm>>(`remove-phase-${phase.id}`, {
    constraint: removePhaseLimits,
  });
  const answered = Boolean(form.errors?.length || fields.reason.errors?.length);
  return (
    <details open={answered || undefined}>
      <summary>{t("processes.phase.remove")}</summary>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="remove-phase" />
        <input type="hidden" name="phase" value={phase.id} />
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.reason, label: t("processes.phase.removeReason") }]}
        />
        <Paragraph>{published ? t("processes.phase.removePublished") : t("processes.phase.removeDraft")}</Paragraph>
        {published && <TextAreaField meta={fields.reason} label={t("processes.phase.removeReason")} rows={2} />}
        <Button type="submit" appearance="secondary-action-button">
          {t("processes.phase.removeSubmit", { phase: phase.title })}
        </Button>
      </Form>
    </details>
  );
}

function MomentForm({
  moment,
  phase,
  instruments,
  methods,
  formKey,
}: {
  moment?: ProcessMoment;
  phase: ProcessPhase;
  instruments: Loaded["instruments"];
  methods: Loaded["choices"]["methods"];
  formKey?: string;
}) {
  const t = useT();
  const id = moment ? `moment-${moment.id}` : `add-moment-${phase.id}`;
  const opens = moment ? localParts(new Date(moment.opensAt)) : { on: phase.startsOn, time: "09:00" };
  const closes = moment ? localParts(new Date(moment.closesAt)) : { on: phase.endsOn, time: "17:00" };
  const [form, fields] = useFormFor<z.input<typeof addMomentForm>>(id, {
    constraint: addMomentLimits,
    defaultValue: {
      title: moment?.title ?? "",
      subject: moment?.subject ?? "",
      method: moment?.method ?? "meeting",
      methodDetail: moment?.methodDetail ?? "",
      round: moment?.budgetRoundId ?? "",
      advice: moment?.adviceId ?? "",
      fund: moment?.fundId ?? "",
      opensOn: opens.on,
      opensTime: opens.time,
      closesOn: closes.on,
      closesTime: closes.time,
      feedbackOn: moment?.feedbackOn ?? "",
      feedbackHow: moment?.feedbackHow ?? t("processes.moment.feedbackHow.default"),
    },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={moment ? "moment" : "add-moment"} />
      {moment ? (
        <>
          <input type="hidden" name="moment" value={moment.id} />
          <input type="hidden" name="version" value={moment.version} />
        </>
      ) : (
        <>
          <input type="hidden" name="phase" value={phase.id} />
          <FormKeyField meta={fields.key} fresh={formKey ?? ""} />
        </>
      )}
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.title, label: t("processes.field.momentTitle") },
          { meta: fields.subject, label: t("processes.card.subject") },
          { meta: fields.round, label: t("processes.field.round") },
          { meta: fields.advice, label: t("processes.field.advice") },
          { meta: fields.fund, label: t("processes.field.fund") },
          { meta: fields.opensOn, label: t("processes.field.opensOn") },
          { meta: fields.opensTime, label: t("processes.field.opensTime") },
          { meta: fields.closesOn, label: t("processes.field.closesOn") },
          { meta: fields.closesTime, label: t("processes.field.closesTime") },
          { meta: fields.feedbackOn, label: t("processes.field.feedbackOn") },
          { meta: fields.feedbackHow, label: t("processes.field.feedbackHow") },
        ]}
      />
      <TextField meta={fields.title} label={t("processes.field.momentTitle")} />
      <TextField meta={fields.subject} label={t("processes.card.subject")} />
      <SelectField
        meta={fields.method}
        label={t("processes.field.method")}
        options={methods.map((m) => ({ value: m, label: t(`processes.method.${m}`) }))}
      />
      <TextField
        meta={fields.methodDetail}
        label={t("processes.field.methodDetail")}
        description={t("processes.field.methodDetail.hint")}
      />
      <SelectField
        meta={fields.round}
        label={t("processes.field.round")}
        options={[{ value: "", label: t("processes.field.round.none") }, ...instruments.rounds]}
      />
      <SelectField
        meta={fields.advice}
        label={t("processes.field.advice")}
        options={[{ value: "", label: t("processes.field.advice.none") }, ...instruments.advice]}
      />
      <SelectField
        meta={fields.fund}
        label={t("processes.field.fund")}
        options={[{ value: "", label: t("processes.field.fund.none") }, ...instruments.funds]}
      />
      <TextField meta={fields.opensOn} label={t("processes.field.opensOn")} type="date" />
      <TextField meta={fields.opensTime} label={t("processes.field.opensTime")} type="time" />
      <TextField meta={fields.closesOn} label={t("processes.field.closesOn")} type="date" />
      <TextField meta={fields.closesTime} label={t("processes.field.closesTime")} type="time" />
      <TextField meta={fields.feedbackOn} label={t("processes.field.feedbackOn")} type="date" />
      <TextField meta={fields.feedbackHow} label={t("processes.field.feedbackHow")} />
      <Button type="submit" appearance="secondary-action-button">
        {moment ? t("processes.moment.save", { moment: moment.title }) : t("processes.moment.addSubmit")}
      </Button>
    </Form>
  );
}

function FeedbackForm({ moment }: { moment: ProcessMoment }) {
  const t = useT();
  const id = `feedback-${moment.id}`;
  const [form] = useFormFor<{ points?: { point?: string; outcome?: string; reason?: string }[] }>(id);
  const answered = Object.keys(form.allErrors).length > 0;
  const errors = (name: string) => form.allErrors[name];
  type Row = { point?: string; outcome?: string; reason?: string };
  const initial = ((answered ? form.initialValue : undefined) ?? {}) as { points?: Row[] };
  const rows = Array.from({ length: FEEDBACK_ROWS }, (_, i) => ({
    point: initial.points?.[i]?.point ?? moment.feedback[i]?.point ?? "",
    outcome: initial.points?.[i]?.outcome ?? moment.feedback[i]?.outcome ?? "",
    reason: initial.points?.[i]?.reason ?? moment.feedback[i]?.reason ?? "",
  }));
  const formErrors = Object.values(form.allErrors).flat();
  const field = (i: number, name: "point" | "outcome" | "reason") => ({
    id: `${id}-${i}-${name}`,
    name: `points[${i}].${name}`,
    error: errors(`points[${i}].${name}`),
  });
  return (
    <details open={answered || undefined}>
      <summary>
        {moment.feedbackPublishedAt ? t("processes.feedback.correct") : t("processes.feedback.publish")}
      </summary>
      <Form method="post" id={id} aria-label={t("processes.feedback.formLabel", { moment: moment.title })}>
        <input type="hidden" name="intent" value="feedback" />
        <input type="hidden" name="moment" value={moment.id} />
        {formErrors.length > 0 && (
          <Alert type="error" role="alert">
            <Paragraph>{[...new Set(formErrors)].map((e) => t(e as MessageKey)).join(" ")}</Paragraph>
          </Alert>
        )}
        <Paragraph>{t("processes.feedback.intro")}</Paragraph>
        {rows.map((row, i) => {
          const point = field(i, "point");
          const outcome = field(i, "outcome");
          const reason = field(i, "reason");
          return (
            <fieldset key={point.id} className="utrecht-form-fieldset samenspel-feedback-row">
              <legend className="utrecht-form-fieldset__legend">{t("processes.feedback.row", { n: i + 1 })}</legend>
              <label className="utrecht-form-label" htmlFor={point.id}>
                {t("processes.feedback.point")}
              </label>
              <input
                className="utrecht-textbox"
                id={point.id}
                name={point.name}
                defaultValue={row.point}
                maxLength={feedbackLimits["points[].point"].maxLength}
                aria-describedby={limitId(point.id)}
                aria-invalid={point.error ? true : undefined}
              />
              <LengthLimitNote id={point.id} maxLength={feedbackLimits["points[].point"].maxLength} />
              <label className="utrecht-form-label" htmlFor={outcome.id}>
                {t("processes.feedback.outcome")}
              </label>
              <select
                className="utrecht-select utrecht-select--html-select"
                id={outcome.id}
                name={outcome.name}
                defaultValue={row.outcome}
                aria-invalid={outcome.error ? true : undefined}
              >
                <option value="">{t("processes.feedback.outcome.choose")}</option>
                {(["taken-over", "partly", "not"] as const).map((o) => (
                  <option key={o} value={o}>
                    {t(`processes.outcome.${o}`)}
                  </option>
                ))}
              </select>
              <label className="utrecht-form-label" htmlFor={reason.id}>
                {t("processes.feedback.reason")}
              </label>
              <input
                className="utrecht-textbox"
                id={reason.id}
                name={reason.name}
                defaultValue={row.reason}
                maxLength={feedbackLimits["points[].reason"].maxLength}
                aria-describedby={limitId(reason.id)}
                aria-invalid={reason.error ? true : undefined}
              />
              <LengthLimitNote id={reason.id} maxLength={feedbackLimits["points[].reason"].maxLength} />
            </fieldset>
          );
        })}
        <PrimaryActionButton type="submit">{t("processes.feedback.submit")}</PrimaryActionButton>
      </Form>
    </details>
  );
}

function LessonForm({ evaluationId }: { evaluationId: string }) {
  const t = useT();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="lesson" />
      <input type="hidden" name="evaluation" value={evaluationId} />
      <Button type="submit" appearance="secondary-action-button">
        {t("processes.lesson.submit")}
      </Button>
    </Form>
  );
}
