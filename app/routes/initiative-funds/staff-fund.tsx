import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  createFund,
  type Fund,
  type FundRules,
  findFundBySlug,
  fundBudgetFromYear,
  updateFund,
} from "../../../src/domain/initiatives/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { fundRulesForm, newFundForm } from "../../forms/initiative-funds.ts";
import { newFundLimits } from "../../forms/initiative-funds-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { fundErrors } from "../../server/initiative-funds.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-fund";

/** Cents as the euro field takes them back: `5000` or `12,50`. */
const euros = (cents: number | null) =>
  cents === null
    ? ""
    : cents % 100 === 0
      ? String(cents / 100)
      : `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;

/** A fund's rules as the form's fields, to edit them. */
function formValues(fund: Fund) {
  return {
    name: fund.name,
    description: fund.description,
    maxPerApplication: euros(fund.maxPerApplicationCents),
    yearlyBudget: euros(fund.yearlyBudgetCents),
    coFinancingPercent: fund.coFinancingPercent === null ? "" : String(fund.coFinancingPercent),
    hourValue: euros(fund.hourValueCents),
    leadTimeDays: String(fund.leadTimeDays),
    decisionTermLength: String(fund.decisionTermLength),
    decisionTermUnit: fund.decisionTermUnit,
    extensionLength: String(fund.extensionLength),
    intake: fund.intake,
    decisionDates: fund.decisionDates.join("\n"),
    criteria: fund.criteria.join("\n"),
    requiredDocuments: fund.requiredDocuments.join("\n"),
    advancePercent: String(fund.advancePercent),
    reportTermWeeks: String(fund.reportTermWeeks),
  };
}

/** Amsterdam-like rules as the starting point of a new fund (issue 12). */
const NEW_FUND = {
  maxPerApplication: "5000",
  yearlyBudget: "",
  leadTimeDays: "56",
  decisionTermLength: "8",
  decisionTermUnit: "weeks",
  extensionLength: "4",
  intake: "continuous",
  advancePercent: "80",
  reportTermWeeks: "8",
};

/**
 * Staff make a fund (`/beheer/fondsen/nieuw`) or change its rules (`/beheer/fondsen/:fonds`). A change applies to
 * what comes next: terms that run, decisions and their tranches keep what they were given (see `updateFund`).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "funds:manage");
  const base = staffBase(params.gemeente);
  if (!params.fonds) return { base, fund: null, values: NEW_FUND, budgetFromYear: null };
  const found = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => {
      const fund = await findFundBySlug(tx, { tenantId: tenant.id, slug: params.fonds! });
      return fund ? { fund, budgetFromYear: await fundBudgetFromYear(tx, fund, new Date()) } : undefined;
    },
  );
  if (!found) notFound();
  return {
    base,
    fund: { name: found.fund.name, slug: found.fund.slug },
    values: formValues(found.fund),
    budgetFromYear: found.budgetFromYear,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "funds:manage");
  const formData = await readForm(request);
  const base = staffBase(params.gemeente);
  const common = { tenantId: tenant.id, actorPersonId: actor.personId, now: new Date() };
  const db = services(context).db;
  const scope = { tenantId: tenant.id, personId: actor.personId };
  if (!params.fonds) {
    const submission = parseFormData(formData, newFundForm);
    if (submission.status !== "success") return invalidForm(submission.reply());
    const { slug, name, description, ...rest } = submission.value;
    try {
      await withTenant(db, scope, (tx) =>
        createFund(tx, { ...common, ...rulesOf(rest), slug, name, description: description ?? "" }),
      );
    } catch (error) {
      return replyWithDomainError(error, submission, fundErrors);
    }
    return redirect(`${base}/fondsen/${slug}?melding=created`);
  }
  const submission = parseFormData(formData, fundRulesForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const { name, description, ...rest } = submission.value;
  try {
    await withTenant(db, scope, async (tx) => {
      const fund = await findFundBySlug(tx, { tenantId: tenant.id, slug: params.fonds! });
      if (!fund) notFound();
      await updateFund(tx, { ...common, ...rulesOf(rest), fundId: fund.id, name, description: description ?? "" });
    });
  } catch (error) {
    return replyWithDomainError(error, submission, fundErrors);
  }
  return redirect(`${base}/fondsen/${params.fonds}?melding=saved`);
}

/** The form's euros and lines as the domain's rules in cents. */
function rulesOf(v: Omit<z.output<typeof fundRulesForm>, "name" | "description">): FundRules {
  return {
    maxPerApplicationCents: v.maxPerApplication,
    yearlyBudgetCents: v.yearlyBudget,
    coFinancingPercent: v.coFinancingPercent,
    hourValueCents: v.hourValue,
    leadTimeDays: v.leadTimeDays,
    decisionTermLength: v.decisionTermLength,
    decisionTermUnit: v.decisionTermUnit,
    extensionLength: v.extensionLength,
    intake: v.intake,
    decisionDates: v.intake === "decision-dates" ? v.decisionDates : [],
    criteria: v.criteria,
    requiredDocuments: v.requiredDocuments,
    advancePercent: v.advancePercent,
    reportTermWeeks: v.reportTermWeeks,
  };
}

const notices = { created: "funds.notice.fundCreated", saved: "funds.notice.fundSaved" } as const;

export default function StaffFundPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, fund, values, budgetFromYear } = loaderData;
  const notice = useNotice(notices);
  const [form, fields] = useForm<z.input<typeof newFundForm>>({
    constraint: newFundLimits,
    id: "fund",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    defaultValue: values,
    shouldValidate: "onSubmit",
  });
  const title = fund ? t("funds.edit.title", { fund: fund.name }) : t("funds.new.title");
  const label = (key: MessageKey) => t(key);
  const boxes = [
    ["name", "funds.field.name"],
    ["slug", "funds.field.slug"],
    ["description", "funds.field.description"],
    ["maxPerApplication", "funds.field.maxPerApplication"],
    ["yearlyBudget", "funds.field.yearlyBudget"],
    ["coFinancingPercent", "funds.field.coFinancingPercent"],
    ["hourValue", "funds.field.hourValue"],
    ["leadTimeDays", "funds.field.leadTimeDays"],
    ["decisionTermLength", "funds.field.decisionTermLength"],
    ["decisionTermUnit", "funds.field.decisionTermUnit"],
    ["extensionLength", "funds.field.extensionLength"],
    ["intake", "funds.field.intake"],
    ["decisionDates", "funds.field.decisionDates"],
    ["criteria", "funds.field.criteria"],
    ["requiredDocuments", "funds.field.requiredDocuments"],
    ["advancePercent", "funds.field.advancePercent"],
    ["reportTermWeeks", "funds.field.reportTermWeeks"],
  ] as const satisfies ReadonlyArray<readonly [keyof typeof fields, MessageKey]>;
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>
        <Link className="nl-link" to={`${base}/fondsen`}>
          {t("funds.back")}
        </Link>
      </Paragraph>
      <Paragraph>{t(fund ? "funds.edit.intro" : "funds.new.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary
          formErrors={form.errors}
          fields={boxes
            .filter(([name]) => fund === null || name !== "slug")
            .map(([name, key]) => ({ meta: fields[name], label: label(key) }))}
        />
        <TextField meta={fields.name} label={t("funds.field.name")} required />
        {fund === null && (
          <TextField
            meta={fields.slug}
            label={t("funds.field.slug")}
            description={t("funds.field.slug.hint")}
            required
          />
        )}
        <TextAreaField meta={fields.description} label={t("funds.field.description")} rows={3} />

        <Heading level={2}>{t("funds.edit.money")}</Heading>
        <TextField meta={fields.maxPerApplication} label={t("funds.field.maxPerApplication")} required />
        <TextField
          meta={fields.yearlyBudget}
          label={t("funds.field.yearlyBudget")}
          description={
            budgetFromYear === null
              ? t("funds.field.yearlyBudget.hint")
              : t("funds.field.yearlyBudget.from", { year: String(budgetFromYear) })
          }
          required
        />
        <TextField
          meta={fields.coFinancingPercent}
          label={t("funds.field.coFinancingPercent")}
          description={t("funds.field.coFinancingPercent.hint")}
        />
        <TextField
          meta={fields.hourValue}
          label={t("funds.field.hourValue")}
          description={t("funds.field.hourValue.hint")}
        />
        <TextField
          meta={fields.advancePercent}
          label={t("funds.field.advancePercent")}
          description={t("funds.field.advancePercent.hint")}
          required
        />
        <TextField meta={fields.reportTermWeeks} label={t("funds.field.reportTermWeeks")} required />

        <Heading level={2}>{t("funds.edit.terms")}</Heading>
        <TextField meta={fields.leadTimeDays} label={t("funds.field.leadTimeDays")} required />
        <TextField meta={fields.decisionTermLength} label={t("funds.field.decisionTermLength")} required />
        <SelectField
          meta={fields.decisionTermUnit}
          label={t("funds.field.decisionTermUnit")}
          options={(["weeks", "working-days", "calendar-days"] as const).map((unit) => ({
            value: unit,
            label: t(`funds.unit.${unit}`),
          }))}
        />
        <TextField
          meta={fields.extensionLength}
          label={t("funds.field.extensionLength")}
          description={t("funds.field.extensionLength.hint")}
          required
        />
        <SelectField
          meta={fields.intake}
          label={t("funds.field.intake")}
          options={(["continuous", "decision-dates"] as const).map((intake) => ({
            value: intake,
            label: t(`funds.intake.${intake}`),
          }))}
        />
        <TextAreaField
          meta={fields.decisionDates}
          label={t("funds.field.decisionDates")}
          description={t("funds.field.decisionDates.hint")}
          rows={4}
        />

        <Heading level={2}>{t("funds.edit.assessment")}</Heading>
        <TextAreaField
          meta={fields.criteria}
          label={t("funds.field.criteria")}
          description={t("funds.field.lines.hint")}
          rows={4}
          required
        />
        <TextAreaField
          meta={fields.requiredDocuments}
          label={t("funds.field.requiredDocuments")}
          description={t("funds.field.lines.hint")}
          rows={3}
        />
        <PrimaryActionButton type="submit">{t(fund ? "funds.edit.submit" : "funds.new.submit")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
