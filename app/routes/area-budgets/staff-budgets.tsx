import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, PrimaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { data, Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  allocateBudget,
  endYear,
  getCarryOverRule,
  listAreaBudgets,
  setCarryOverRule,
} from "../../../src/domain/area-budgets/index.ts";
import { findArea } from "../../../src/domain/areas/index.ts";
import { rolesGrant } from "../../../src/domain/identity/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { CheckboxField, Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, FormKeyField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { allocationForm, carryOverRuleForm, endYearForm } from "../../forms/area-budgets.ts";
import { allocationLimits } from "../../forms/area-budgets-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { areaBudgetErrors, budgetAreas, yearAsked } from "../../server/area-budgets.server.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-budgets";

/**
 * Every area's budget for a year. Staff record the municipality's allocations, set the carry-over rule, end the
 * year and download the finance export; council members open their area's ledger from here.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(
    request,
    context,
    params.gemeente,
    "area-budgets:record",
  );
  const year = yearAsked(request, new Date());
  const { budgets, rule, areas } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => {
      const budgets = await listAreaBudgets(tx, { tenantId: tenant.id, year });
      return {
        budgets,
        rule: await getCarryOverRule(tx, { tenantId: tenant.id }),
        areas: await budgetAreas(tx, tenant.id, new Set(budgets.keys())),
      };
    },
  );
  return {
    base: staffBase(params.gemeente),
    tenant: { name: tenant.name },
    year,
    rule,
    rows: areas.map((area) => ({ area, figures: budgets.get(area.id) ?? null })),
    canManage: rolesGrant(roles, "area-budgets:manage"),
    formKey: newToken().token,
  };
}

const forms = { allocate: allocationForm, rule: carryOverRuleForm, "end-year": endYearForm } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "area-budgets:manage");
  const year = yearAsked(request, new Date());
  const formData = await readForm(request);
  const { intent, submission } = parseIntentForm(formData, forms);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const now = new Date();
  const scope = { tenantId: tenant.id, personId: actor.personId };
  try {
    await withTenant(services(context).db, scope, async (tx) => {
      if (value.intent === "allocate") {
        const area = await findArea(tx, { tenantId: tenant.id, areaId: value.area });
        if (!area || area.kind === "municipality") throw data(null, { status: 404 });
        await allocateBudget(tx, {
          tenantId: tenant.id,
          areaId: area.id,
          year,
          amountCents: value.amount,
          decidedOn: value.decidedOn,
          reference: value.reference,
          idempotencyKey: value.key,
          actorPersonId: actor.personId,
          now,
        });
      } else if (value.intent === "rule") {
        const rule =
          value.rule === "percentage"
            ? { kind: "percentage" as const, percent: value.percent ?? 0 }
            : { kind: value.rule };
        await setCarryOverRule(tx, { tenantId: tenant.id, rule, actorPersonId: actor.personId, now });
      } else {
        const budgets = await listAreaBudgets(tx, { tenantId: tenant.id, year });
        for (const [areaId, figures] of budgets)
          if (!figures.closed)
            await endYear(tx, { tenantId: tenant.id, areaId, year, actorPersonId: actor.personId, now });
      }
    });
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, areaBudgetErrors));
  }
  return redirect(`${staffBase(params.gemeente)}/gebiedsbudgetten?jaar=${year}&melding=${intent}`);
}

type Loaded = Route.ComponentProps["loaderData"];

const noticeKeys = {
  allocate: "areaBudgets.notice.allocated",
  rule: "areaBudgets.notice.rule",
  "end-year": "areaBudgets.notice.yearEnded",
} as const satisfies Record<keyof typeof forms, MessageKey>;

export default function StaffBudgetsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { base, tenant, year, rows, canManage } = loaderData;
  const title = t("areaBudgets.overview.title", { tenant: tenant.name, year: String(year) });
  const notice = useNotice(noticeKeys);
  const money = (cents: number | undefined) => (cents === undefined ? "–" : formatMoney(locale, cents));
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Form method="get" className="samenspel-inline-form">
        <label className="utrecht-form-label" htmlFor="jaar">
          {t("areaBudgets.year")}
        </label>{" "}
        <input
          id="jaar"
          name="jaar"
          type="number"
          min={2000}
          max={2100}
          defaultValue={year}
          className="utrecht-textbox"
        />{" "}
        <Button type="submit" appearance="secondary-action-button">
          {t("areaBudgets.year.show")}
        </Button>
      </Form>
      {rows.length === 0 ? (
        <Paragraph>{t("areaBudgets.overview.noAreas")}</Paragraph>
      ) : (
        <DataTable
          caption={t("areaBudgets.overview.caption", { year: String(year) })}
          columns={[
            t("areaBudgets.csv.area"),
            t("areaBudgets.figures.allocation"),
            t("areaBudgets.figures.carryOver"),
            t("areaBudgets.figures.committed"),
            t("areaBudgets.figures.spent"),
            t("areaBudgets.figures.balance"),
            t("areaBudgets.figures.available"),
          ]}
        >
          {rows.map(({ area, figures }) => (
            <TableRow key={area.id}>
              <TableCell>
                <Link className="nl-link" to={`${base}/gebiedsbudgetten/${area.id}?jaar=${year}`}>
                  {area.name}
                </Link>
              </TableCell>
              <TableCell className="samenspel-amount">{money(figures?.allocationCents)}</TableCell>
              <TableCell className="samenspel-amount">{money(figures?.carryOverCents)}</TableCell>
              <TableCell className="samenspel-amount">{money(figures?.committedCents)}</TableCell>
              <TableCell className="samenspel-amount">{money(figures?.spentCents)}</TableCell>
              <TableCell className="samenspel-amount">{money(figures?.balanceCents)}</TableCell>
              <TableCell className="samenspel-amount">{money(figures?.availableCents)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {canManage && (
        <>
          <Paragraph>
            <a className="nl-link" href={`${base}/gebiedsbudgetten/export.csv?jaar=${year}`} download>
              {t("areaBudgets.export", { year: String(year) })}
            </a>
          </Paragraph>
          <AllocationForm rows={rows} formKey={loaderData.formKey} />
          <RuleForm rule={loaderData.rule} />
          <EndYearForm year={year} />
        </>
      )}
    </PageShell>
  );
}

function AllocationForm({ rows, formKey }: { rows: Loaded["rows"]; formKey: string }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof allocationForm>>("allocate", {
    constraint: allocationLimits,
  });
  return (
    <section aria-labelledby="toekennen" className="samenspel-panel">
      <Heading level={2} id="toekennen">
        {t("areaBudgets.allocate.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="allocate" />
        <FormKeyField meta={fields.key} fresh={formKey} />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.area, label: t("areaBudgets.csv.area") },
            { meta: fields.amount, label: t("areaBudgets.amount") },
            { meta: fields.decidedOn, label: t("areaBudgets.allocate.decidedOn") },
            { meta: fields.reference, label: t("areaBudgets.allocate.reference") },
          ]}
        />
        <SelectField
          meta={fields.area}
          label={t("areaBudgets.csv.area")}
          options={rows.map(({ area }) => ({ value: area.id, label: area.name }))}
        />
        <TextField meta={fields.amount} label={t("areaBudgets.amount")} description={t("areaBudgets.amount.hint")} />
        <TextField meta={fields.decidedOn} label={t("areaBudgets.allocate.decidedOn")} type="date" />
        <TextField meta={fields.reference} label={t("areaBudgets.allocate.reference")} />
        <PrimaryActionButton type="submit">{t("areaBudgets.allocate.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function RuleForm({ rule }: { rule: Loaded["rule"] }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof carryOverRuleForm>>("rule", {
    defaultValue: { rule: rule.kind, percent: rule.kind === "percentage" ? String(rule.percent) : "" },
  });
  return (
    <section aria-labelledby="overhevelen" className="samenspel-panel">
      <Heading level={2} id="overhevelen">
        {t("areaBudgets.rule.title")}
      </Heading>
      <Paragraph>{t("areaBudgets.rule.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="rule" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.rule, label: t("areaBudgets.rule.label") },
            { meta: fields.percent, label: t("areaBudgets.rule.percent") },
          ]}
        />
        <SelectField
          meta={fields.rule}
          label={t("areaBudgets.rule.label")}
          options={(["none", "percentage", "all"] as const).map((kind) => ({
            value: kind,
            label: t(`areaBudgets.rule.${kind}`),
          }))}
        />
        <TextField
          meta={fields.percent}
          label={t("areaBudgets.rule.percent")}
          description={t("areaBudgets.rule.percent.hint")}
        />
        <PrimaryActionButton type="submit">{t("areaBudgets.rule.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function EndYearForm({ year }: { year: number }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof endYearForm>>("end-year");
  return (
    <section aria-labelledby="afsluiten" className="samenspel-panel">
      <Heading level={2} id="afsluiten">
        {t("areaBudgets.endYear.title", { year: String(year) })}
      </Heading>
      <Paragraph>{t("areaBudgets.endYear.intro", { year: String(year), next: String(year + 1) })}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="end-year" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.confirm, label: t("areaBudgets.endYear.confirm") }]}
        />
        <CheckboxField meta={fields.confirm} label={t("areaBudgets.endYear.confirm", { year: String(year) })} />
        <Button type="submit" appearance="secondary-action-button">
          {t("areaBudgets.endYear.submit", { year: String(year) })}
        </Button>
      </Form>
    </section>
  );
}
