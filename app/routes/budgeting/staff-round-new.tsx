import { type FieldMetadata, getFormProps, useForm } from "@conform-to/react";
import { Heading1, Heading2, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { listAreas } from "../../../src/domain/areas/index.ts";
import {
  BALLOT_FORMS,
  type BallotForm,
  type BallotRules,
  createRound,
  IDENTIFICATION_METHODS,
  type IdentificationMethod,
  type RoundRules,
  WINNER_RULES,
  type WinnerRule,
} from "../../../src/domain/budgeting/index.ts";
import { dutchTime, newToken } from "../../../src/domain/shared/index.ts";
import { SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, FormKeyField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { roundForm } from "../../forms/budgeting.ts";
import { AREA_ROWS, DATED_PHASES, roundLimits } from "../../forms/budgeting-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { roundFormErrors } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-round-new";

/** The municipality's areas a round can budget for: the whole municipality and its wijken or kernen. */
async function budgetAreas(context: Route.LoaderArgs["context"], tenantId: string, personId: string) {
  const areas = await withTenant(services(context).db, { tenantId, personId }, (tx) => listAreas(tx, { tenantId }));
  return areas.filter((a) => a.kind !== "buurt").map((a) => ({ id: a.id, name: a.name, kind: a.kind }));
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "budgeting:manage");
  return {
    tenant: { name: tenant.name },
    base: staffBase(params.gemeente),
    areas: await budgetAreas(context, tenant.id, actor.personId),
    formKey: newToken().token,
    // The choices come from the loader, so the domain's modules stay out of the browser's bundle.
    choices: { forms: BALLOT_FORMS, rules: WINNER_RULES, identification: IDENTIFICATION_METHODS },
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "budgeting:manage");
  const submission = parseFormData(await readForm(request), roundForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const v = submission.value;
  const names = new Map((await budgetAreas(context, tenant.id, actor.personId)).map((a) => [a.id, a.name]));
  const form = v.form as BallotForm;
  const ballot: BallotRules =
    form === "knapsack"
      ? { form, minSharePercent: v.minShare ?? null }
      : form === "approval"
        ? { form, minPlans: v.minPlans ?? 1, maxPlans: v.maxPlans ?? null }
        : form === "cumulative"
          ? { form, points: v.points ?? 1, maxPointsPerPlan: v.maxPointsPerPlan ?? 1 }
          : { form, rankCount: v.rankCount ?? 1 };
  const rules: RoundRules = {
    ballot,
    rule: v.rule as WinnerRule,
    comparisonRule: v.comparisonRule as WinnerRule,
    tieBreak: "most-supporters",
    minAge: v.minAge ?? null,
  };
  const areas = (v.areas ?? []).flatMap((row) =>
    row.area && row.budget !== undefined
      ? [{ areaId: row.area, name: names.get(row.area) ?? row.area, budgetEuros: row.budget }]
      : [],
  );
  const starts = (v.starts ?? {}) as Partial<Record<(typeof DATED_PHASES)[number], string>>;
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      createRound(tx, {
        tenantId: tenant.id,
        actorPersonId: actor.personId,
        slug: v.slug,
        title: v.title,
        body: v.body ?? "",
        rules,
        eligibility: {
          residentsOnly: v.residentsOnly === "on",
          identification: v.identification as IdentificationMethod,
        },
        areas,
        schedule: DATED_PHASES.map((phase) => ({
          phase,
          startsAt: starts[phase] ? dutchTime(starts[phase]) : null,
        })),
        idempotencyKey: v.key,
        now: new Date(),
      }),
    );
  } catch (error) {
    return replyWithDomainError(error, submission, roundFormErrors);
  }
  services(context).queue.wake();
  return redirect(`${staffBase(params.gemeente)}/burgerbegroting/${v.slug}?melding=created`);
}

type Fields = ReturnType<typeof useForm<z.input<typeof roundForm>>>[1];

export default function NewRound({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, areas, formKey, choices } = loaderData;
  const [form, fields] = useForm<z.input<typeof roundForm>>({
    constraint: roundLimits,
    id: "round",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    defaultValue: {
      areas: Array.from({ length: AREA_ROWS }, () => ({ area: "", budget: "" })),
      form: "knapsack",
      rule: "equal-shares-add1",
      comparisonRule: "greedy",
      identification: "postal-code",
      residentsOnly: "on",
    },
    shouldValidate: "onSubmit",
  });
  const rows = fields.areas.getFieldList();
  const starts = fields.starts.getFieldset();
  const title = t("budgeting.staff.new");
  const label = (key: MessageKey, params?: Record<string, string | number>) => t(key, params);
  return (
    <PageShell title={title}>
      <Heading1>{title}</Heading1>
      <StaffNav base={base} />
      {areas.length === 0 ? (
        <Paragraph>
          {t("budgeting.staff.noAreas")}{" "}
          <Link className="utrecht-link" to={`${base}/gebieden`}>
            {t("areas.nav")}
          </Link>
        </Paragraph>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormKeyField meta={fields.key} fresh={formKey} />
          <ErrorSummary
            formErrors={form.errors}
            fields={[
              { meta: fields.title, label: label("budgeting.field.title") },
              { meta: fields.slug, label: label("budgeting.field.slug") },
              ...rows.flatMap((row, i) => [
                { meta: row.getFieldset().area, label: label("budgeting.field.areaName", { n: i + 1 }) },
                { meta: row.getFieldset().budget, label: label("budgeting.field.areaBudget", { n: i + 1 }) },
              ]),
              ...DATED_PHASES.map((p) => ({
                meta: starts[p] as FieldMetadata<unknown>,
                label: label("budgeting.field.phaseStart", { phase: t(`budgeting.phase.${p}`) }),
              })),
              { meta: fields.minShare, label: label("budgeting.field.minShare") },
              { meta: fields.minPlans, label: label("budgeting.field.minPlans") },
              { meta: fields.maxPlans, label: label("budgeting.field.maxPlans") },
              { meta: fields.points, label: label("budgeting.field.points") },
              { meta: fields.maxPointsPerPlan, label: label("budgeting.field.maxPointsPerPlan") },
              { meta: fields.rankCount, label: label("budgeting.field.rankCount") },
              { meta: fields.rule, label: label("budgeting.field.rule") },
              { meta: fields.comparisonRule, label: label("budgeting.field.comparisonRule") },
              { meta: fields.minAge, label: label("budgeting.field.minAge") },
            ]}
          />
          <TextField meta={fields.title} label={t("budgeting.field.title")} required />
          <TextField
            meta={fields.slug}
            label={t("budgeting.field.slug")}
            description={t("budgeting.field.slug.hint")}
          />
          <TextAreaField meta={fields.body} label={t("budgeting.field.body")} />

          <Heading2>{t("budgeting.areas.title")}</Heading2>
          <Paragraph>{t("budgeting.field.areas.hint")}</Paragraph>
          {rows.map((row, i) => {
            const cells = row.getFieldset();
            return (
              <div key={row.key} className="samenspel-field-row">
                <SelectField
                  meta={cells.area as FieldMetadata<string | undefined>}
                  label={t("budgeting.field.areaName", { n: i + 1 })}
                  options={[
                    { value: "", label: t("budgeting.field.noArea") },
                    ...areas.map((a) => ({ value: a.id, label: a.name })),
                  ]}
                />
                <TextField
                  meta={cells.budget as FieldMetadata<string | undefined>}
                  label={t("budgeting.field.areaBudget", { n: i + 1 })}
                />
              </div>
            );
          })}

          <Heading2>{t("budgeting.phase.schedule")}</Heading2>
          {DATED_PHASES.map((p) => (
            <TextField
              key={p}
              meta={starts[p] as FieldMetadata<string | undefined>}
              label={t("budgeting.field.phaseStart", { phase: t(`budgeting.phase.${p}`) })}
              description={t("budgeting.field.phaseStart.hint")}
              type="date"
            />
          ))}

          <Heading2>{t("budgeting.rules.title")}</Heading2>
          <Paragraph>{t("budgeting.rules.intro")}</Paragraph>
          <RadioGroup
            meta={fields.form}
            legend={t("budgeting.field.form")}
            options={choices.forms.map((f) => ({
              value: f,
              label: t(`budgeting.form.${f}`),
              sentence: t(`budgeting.form.${f}.sentence`),
            }))}
          />
          <FormSettings fields={fields} />
          <RadioGroup
            meta={fields.rule}
            legend={t("budgeting.field.rule")}
            options={choices.rules.map((r) => ({
              value: r,
              label: t(`budgeting.rule.${r}`),
              sentence: t(`budgeting.sentence.rule.${r}`),
            }))}
          />
          <SelectField
            meta={fields.comparisonRule}
            label={t("budgeting.field.comparisonRule")}
            options={choices.rules.map((r) => ({ value: r, label: t(`budgeting.rule.${r}`) }))}
          />

          <Heading2>{t("budgeting.eligibility.title")}</Heading2>
          <TextField meta={fields.minAge} label={t("budgeting.field.minAge")} />
          <div className="samenspel-checkbox">
            <input
              type="checkbox"
              id={fields.residentsOnly.id}
              name={fields.residentsOnly.name}
              className="utrecht-checkbox utrecht-checkbox--html-input"
              defaultChecked={fields.residentsOnly.initialValue === "on"}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={fields.residentsOnly.id}>
              {t("budgeting.field.residentsOnly")}
            </label>
          </div>
          <SelectField
            meta={fields.identification}
            label={t("budgeting.field.identification")}
            options={choices.identification.map((m) => ({ value: m, label: t(`budgeting.identification.${m}`) }))}
          />
          <PrimaryActionButton type="submit">{t("budgeting.staff.create")}</PrimaryActionButton>
        </Form>
      )}
    </PageShell>
  );
}

/** The settings of each ballot form; only those of the chosen form are used, so the page needs no script. */
function FormSettings({ fields }: { fields: Fields }) {
  const t = useT();
  return (
    <>
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t("budgeting.form.knapsack")}</legend>
        <TextField meta={fields.minShare} label={t("budgeting.field.minShare")} />
      </fieldset>
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t("budgeting.form.approval")}</legend>
        <TextField meta={fields.minPlans} label={t("budgeting.field.minPlans")} />
        <TextField meta={fields.maxPlans} label={t("budgeting.field.maxPlans")} />
      </fieldset>
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t("budgeting.form.cumulative")}</legend>
        <TextField meta={fields.points} label={t("budgeting.field.points")} />
        <TextField meta={fields.maxPointsPerPlan} label={t("budgeting.field.maxPointsPerPlan")} />
      </fieldset>
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t("budgeting.form.ranking")}</legend>
        <TextField meta={fields.rankCount} label={t("budgeting.field.rankCount")} />
      </fieldset>
    </>
  );
}

/** Radio buttons, each with the plain sentence voters will read. */
function RadioGroup({
  meta,
  legend,
  options,
}: {
  meta: FieldMetadata<string | undefined>;
  legend: string;
  options: readonly { value: string; label: string; sentence: string }[];
}) {
  const t = useT();
  const error = meta.errors?.length ? meta.errors.map((e) => t(e as MessageKey)).join(" ") : undefined;
  const errorId = `${meta.id}-error`;
  return (
    <fieldset
      className={`utrecht-form-fieldset${error ? " utrecht-form-fieldset--invalid" : ""}`}
      id={meta.id}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {error && (
        <p className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </p>
      )}
      {options.map((option) => {
        const id = `${meta.id}-${option.value}`;
        return (
          <div key={option.value} className="utrecht-form-field utrecht-form-field--radio">
            <input
              type="radio"
              id={id}
              name={meta.name}
              value={option.value}
              className="utrecht-radio-button utrecht-radio-button--html-input"
              defaultChecked={meta.initialValue === option.value}
              aria-describedby={`${id}-sentence`}
            />{" "}
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
              {option.label}
            </label>
            <p className="utrecht-form-field-description" id={`${id}-sentence`}>
              {option.sentence}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
