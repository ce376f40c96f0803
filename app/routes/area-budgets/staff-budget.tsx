import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, PrimaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { data, Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  getAreaBudget,
  recordCommitment,
  recordExpenditure,
  releaseCommitment,
  reverseBudgetEntry,
} from "../../../src/domain/area-budgets/index.ts";
// The leaf module, not the index: the page component uses it, and the index would bring the database to the browser.
import { spendCategories } from "../../../src/domain/area-budgets/kinds.ts";
import { findArea } from "../../../src/domain/areas/index.ts";
import { rolesGrant } from "../../../src/domain/identity/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { receiptTypes, storeUpload } from "../../../src/platform/uploads/index.ts";
import { BudgetFiguresTable } from "../../components/budget-figures.tsx";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, FileField, FormKeyField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { commitmentForm, expenditureForm, releaseForm, reverseForm } from "../../forms/area-budgets.ts";
import { acceptsUpload } from "../../forms/body-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatCalendarDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { areaBudgetErrors, todayOn, yearAsked } from "../../server/area-budgets.server.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { fileIn, readMultipartForm } from "../../server/uploads.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-budget";

/** The spend form carries the receipt. */
export const handle = acceptsUpload();

/**
 * One area's budget for a year: its figures and every entry. Council members and staff record the council's
 * commitments and spends (with the receipt); staff also correct entries with a reversal.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(
    request,
    context,
    params.gemeente,
    "area-budgets:record",
  );
  const canManage = rolesGrant(roles, "area-budgets:manage");
  const year = yearAsked(request, new Date());
  const view = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
    const area = await findArea(tx, { tenantId: tenant.id, areaId: params.areaId });
    if (!area || area.kind === "municipality") return undefined;
    return { area, budget: await getAreaBudget(tx, { tenantId: tenant.id, areaId: area.id, year }) };
  });
  if (!view) notFound();
  const { budget } = view;
  return {
    base: staffBase(params.gemeente),
    gemeente: params.gemeente,
    area: { id: view.area.id, name: view.area.name, code: view.area.code },
    year,
    figures: budget.figures,
    closed: budget.yearEnd !== null,
    entries: budget.entries.map((e) => ({
      id: e.id,
      on: e.on,
      kind: e.kind,
      effect: e.effect,
      amountCents: e.amountCents,
      description: e.description,
      reference: e.reference,
      category: e.category,
      attachmentId: e.attachmentId,
      isReversal: e.reversesId !== null,
      isRelease: e.effect === "hold" && e.holdId !== e.id && e.reversesId === null,
      isCommitment: e.effect === "hold" && e.holdId === e.id,
      caused: e.causedById !== null,
      reversed: e.reversed,
      openCents: e.openCents,
    })),
    canManage,
    formKey: newToken().token,
  };
}

const forms = {
  commit: commitmentForm,
  spend: expenditureForm,
  release: releaseForm,
  reverse: reverseForm,
} as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(
    request,
    context,
    params.gemeente,
    "area-budgets:record",
  );
  const canManage = rolesGrant(roles, "area-budgets:manage");
  const year = yearAsked(request, new Date());
  const formData = await readMultipartForm(request);
  const { intent, submission } = parseIntentForm(formData, forms);
  if (intent === "reverse" && !canManage) throw data(null, { status: 403 });
  const formId =
    intent === "reverse" || intent === "release"
      ? `${intent}-${formData.get(intent === "reverse" ? "entry" : "commitment")}`
      : intent;
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  const receipt = intent === "spend" ? await fileIn(formData, "receipt") : undefined;
  if (intent === "spend" && !receipt)
    return forForm(
      formId,
      invalidForm(submission.reply({ fieldErrors: { receipt: ["areaBudgets.error.receiptRequired"] } })),
    );
  const value = submission.value;
  const now = new Date();
  const ref = { tenantId: tenant.id, areaId: params.areaId, year, actorPersonId: actor.personId, now };
  try {
    const found = await withTenant(
      services(context).db,
      { tenantId: tenant.id, personId: actor.personId },
      async (tx) => {
        const area = await findArea(tx, { tenantId: tenant.id, areaId: params.areaId });
        if (!area || area.kind === "municipality") return false;
        if (value.intent === "commit") {
          await recordCommitment(tx, {
            ...ref,
            amountCents: value.amount,
            decidedOn: value.decidedOn,
            minutesReference: value.minutesReference,
            description: value.description,
            idempotencyKey: value.key,
          });
        } else if (value.intent === "spend" && receipt) {
          const stored = await storeUpload(tx, {
            tenantId: tenant.id,
            bytes: receipt.bytes,
            fileName: receipt.name,
            accept: receiptTypes,
            visibility: "internal",
            actorPersonId: actor.personId,
            now,
          });
          await recordExpenditure(tx, {
            ...ref,
            amountCents: value.amount,
            paidOn: value.paidOn,
            description: value.description,
            category: value.category,
            commitmentId: value.commitment ?? null,
            reference: value.reference ?? null,
            receiptId: stored.id,
            idempotencyKey: value.key,
          });
        } else if (value.intent === "release") {
          await releaseCommitment(tx, {
            ...ref,
            commitmentId: value.commitment,
            reason: value.reason,
            on: todayOn(now),
          });
        } else if (value.intent === "reverse") {
          await reverseBudgetEntry(tx, { ...ref, entryId: value.entry, reason: value.reason, on: todayOn(now) });
        }
        return true;
      },
    );
    if (!found) notFound();
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, areaBudgetErrors));
  }
  return redirect(`${staffBase(params.gemeente)}/gebiedsbudgetten/${params.areaId}?jaar=${year}&melding=${intent}`);
}

type Loaded = Route.ComponentProps["loaderData"];
type Entry = Loaded["entries"][number];

const noticeKeys = {
  commit: "areaBudgets.notice.committed",
  spend: "areaBudgets.notice.spent",
  release: "areaBudgets.notice.released",
  reverse: "areaBudgets.notice.reversed",
} as const satisfies Record<keyof typeof forms, MessageKey>;

export default function StaffBudgetPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { base, area, year, figures, closed, entries, canManage, gemeente } = loaderData;
  const title = t("areaBudgets.budget.title", { area: area.name, year: String(year) });
  const notice = useNotice(noticeKeys);
  const openCommitments = entries.filter((e) => e.isCommitment && !e.reversed && (e.openCents ?? 0) > 0);
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>
        <Link className="nl-link" to={`${base}/gebiedsbudgetten?jaar=${year}`}>
          {t("areaBudgets.back")}
        </Link>
      </Paragraph>
      {closed && <Paragraph>{t("areaBudgets.closed", { year: String(year) })}</Paragraph>}
      <BudgetFiguresTable
        figures={figures}
        caption={t("areaBudgets.figures.caption", { area: area.name, year: String(year) })}
      />
      <Entries entries={entries} canManage={canManage} gemeente={gemeente} />
      {!closed && <CommitmentForm formKey={loaderData.formKey} />}
      <ExpenditureForm formKey={loaderData.formKey} commitments={openCommitments} />
    </PageShell>
  );
}

function Entries({ entries, canManage, gemeente }: { entries: Entry[]; canManage: boolean; gemeente: string }) {
  const t = useT();
  const locale = useLocale();
  if (entries.length === 0) return <Paragraph>{t("areaBudgets.entries.empty")}</Paragraph>;
  return (
    <DataTable
      caption={t("areaBudgets.entries.caption")}
      columns={[
        t("areaBudgets.csv.date"),
        t("areaBudgets.csv.kind"),
        t("areaBudgets.csv.description"),
        t("areaBudgets.csv.reference"),
        t("areaBudgets.csv.amount"),
        t("areaBudgets.entries.state"),
      ]}
    >
      {entries.map((entry) => (
        <TableRow key={entry.id}>
          <TableCell>{formatCalendarDate(locale, entry.on)}</TableCell>
          <TableCell>
            {entry.isRelease ? t("areaBudgets.csv.release") : t(`areaBudgets.kind.${entry.kind as "allocation"}`)}
            {entry.isReversal && ` (${t("areaBudgets.entries.reversal")})`}
            {entry.category && (
              <>
                <br />
                {t(`areaBudgets.category.${entry.category as "other"}`)}
              </>
            )}
          </TableCell>
          <TableCell>{entry.description}</TableCell>
          <TableCell>
            {entry.reference}
            {entry.attachmentId && (
              <>
                {entry.reference && <br />}
                <a className="nl-link" href={`/${gemeente}/bestanden/${entry.attachmentId}`}>
                  {t("areaBudgets.entries.receipt")}
                </a>
              </>
            )}
          </TableCell>
          <TableCell className="samenspel-amount">{formatMoney(locale, Math.abs(entry.amountCents))}</TableCell>
          <TableCell>
            <EntryState entry={entry} canManage={canManage} />
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

function EntryState({ entry, canManage }: { entry: Entry; canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (entry.reversed) return <>{t("areaBudgets.entries.reversed")}</>;
  const open = entry.isCommitment && (entry.openCents ?? 0) > 0;
  return (
    <>
      {entry.isCommitment && t("areaBudgets.entries.open", { amount: formatMoney(locale, entry.openCents ?? 0) })}
      {open && <ReasonForm intent="release" field="commitment" id={entry.id} label={t("areaBudgets.release.submit")} />}
      {canManage && !entry.isReversal && !entry.caused && !entry.isRelease && (
        <ReasonForm intent="reverse" field="entry" id={entry.id} label={t("areaBudgets.reverse.submit")} />
      )}
    </>
  );
}

/** A small form on an entry: release what a commitment still holds, or reverse the entry; both ask why. */
function ReasonForm({
  intent,
  field,
  id,
  label,
}: {
  intent: "release" | "reverse";
  field: string;
  id: string;
  label: string;
}) {
  const t = useT();
  const formId = `${intent}-${id}`;
  const [form, fields] = useFormFor<z.input<typeof reverseForm>>(formId);
  return (
    <Form method="post" {...getFormProps(form)} className="samenspel-inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={field} value={id} />
      <ErrorSummary formErrors={form.errors} fields={[{ meta: fields.reason, label: t("areaBudgets.reason") }]} />
      <TextField meta={fields.reason} label={t("areaBudgets.reason")} />
      <Button type="submit" appearance="secondary-action-button">
        {label}
      </Button>
    </Form>
  );
}

function CommitmentForm({ formKey }: { formKey: string }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof commitmentForm>>("commit");
  return (
    <section aria-labelledby="toezegging" className="samenspel-panel">
      <Heading level={2} id="toezegging">
        {t("areaBudgets.commit.title")}
      </Heading>
      <Paragraph>{t("areaBudgets.commit.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="commit" />
        <FormKeyField meta={fields.key} fresh={formKey} />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.description, label: t("areaBudgets.description") },
            { meta: fields.amount, label: t("areaBudgets.amount") },
            { meta: fields.decidedOn, label: t("areaBudgets.commit.decidedOn") },
            { meta: fields.minutesReference, label: t("areaBudgets.commit.minutes") },
          ]}
        />
        <TextField meta={fields.description} label={t("areaBudgets.description")} />
        <TextField meta={fields.amount} label={t("areaBudgets.amount")} description={t("areaBudgets.amount.hint")} />
        <TextField meta={fields.decidedOn} label={t("areaBudgets.commit.decidedOn")} type="date" />
        <TextField
          meta={fields.minutesReference}
          label={t("areaBudgets.commit.minutes")}
          description={t("areaBudgets.commit.minutes.hint")}
        />
        <PrimaryActionButton type="submit">{t("areaBudgets.commit.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function ExpenditureForm({ formKey, commitments }: { formKey: string; commitments: Entry[] }) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useFormFor<z.input<typeof expenditureForm>>("spend");
  return (
    <section aria-labelledby="uitgave" className="samenspel-panel">
      <Heading level={2} id="uitgave">
        {t("areaBudgets.spend.title")}
      </Heading>
      <Paragraph>{t("areaBudgets.spend.intro")}</Paragraph>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="spend" />
        <FormKeyField meta={fields.key} fresh={formKey} />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.description, label: t("areaBudgets.description") },
            { meta: fields.amount, label: t("areaBudgets.amount") },
            { meta: fields.paidOn, label: t("areaBudgets.spend.paidOn") },
            { meta: fields.category, label: t("areaBudgets.csv.category") },
            { meta: fields.commitment, label: t("areaBudgets.spend.commitment") },
          ]}
        />
        <TextField meta={fields.description} label={t("areaBudgets.description")} />
        <TextField meta={fields.amount} label={t("areaBudgets.amount")} description={t("areaBudgets.amount.hint")} />
        <TextField meta={fields.paidOn} label={t("areaBudgets.spend.paidOn")} type="date" />
        <SelectField
          meta={fields.category}
          label={t("areaBudgets.csv.category")}
          options={spendCategories.map((c) => ({ value: c, label: t(`areaBudgets.category.${c}`) }))}
        />
        <SelectField
          meta={fields.commitment}
          label={t("areaBudgets.spend.commitment")}
          options={[
            { value: "", label: t("areaBudgets.spend.noCommitment") },
            ...commitments.map((c) => ({
              value: c.id,
              label: `${c.description} (${t("areaBudgets.entries.open", { amount: formatMoney(locale, c.openCents ?? 0) })})`,
            })),
          ]}
        />
        <TextField meta={fields.reference} label={t("areaBudgets.spend.reference")} />
        <FileField
          meta={{ id: "spend-receipt", name: "receipt", errors: form.allErrors.receipt }}
          label={t("areaBudgets.spend.receipt")}
          description={t("areaBudgets.spend.receipt.hint")}
          accept="application/pdf,image/jpeg,image/png,image/webp"
        />
        <PrimaryActionButton type="submit">{t("areaBudgets.spend.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
