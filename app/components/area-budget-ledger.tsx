import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, PrimaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { Form } from "react-router";
import type { z } from "zod";
// The leaf module, not the index: this component runs in the browser, and the index would bring the database there.
import { spendCategories } from "../../src/domain/area-budgets/kinds.ts";
import type { commitmentForm, expenditureForm, reverseForm } from "../forms/area-budgets.ts";
import { commitmentLimits, expenditureLimits, reverseLimits } from "../forms/area-budgets-limits.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { formatCalendarDate, formatMoney } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";
import type { LedgerEntry, LedgerIntent, LedgerView } from "../server/area-budget-ledger.server.ts";
import { BudgetFiguresTable } from "./budget-figures.tsx";
import { SelectField } from "./choice-fields.tsx";
import { DataTable } from "./data-table.tsx";
import { ErrorSummary, FileField, FormKeyField, TextField } from "./form-fields.tsx";
import { useFormFor } from "./page-forms.ts";

type Entry = LedgerEntry;

/** The notice after each of the ledger's forms (`?melding=<intent>`). */
export const ledgerNotices = {
  commit: "areaBudgets.notice.committed",
  spend: "areaBudgets.notice.spent",
  release: "areaBudgets.notice.released",
  reverse: "areaBudgets.notice.reversed",
} as const satisfies Record<LedgerIntent, MessageKey>;

/**
 * An area's ledger for a year with its forms: the figures, every entry, and the forms to record a council's
 * commitment and a spend with its receipt. Staff with `canManage` also reverse entries. The page around it says
 * who may act (staff by right, a council member by their seat); the action is `actOnLedger`.
 */
export function AreaBudgetLedger({
  ledger,
  area,
  year,
  canManage,
  gemeente,
}: {
  ledger: LedgerView;
  area: { name: string };
  year: number;
  canManage: boolean;
  gemeente: string;
}) {
  const t = useT();
  const { figures, closed, entries, formKey } = ledger;
  const openCommitments = entries.filter((e) => e.isCommitment && !e.reversed && (e.openCents ?? 0) > 0);
  return (
    <>
      {closed && <Paragraph>{t("areaBudgets.closed", { year: String(year) })}</Paragraph>}
      <BudgetFiguresTable
        figures={figures}
        caption={t("areaBudgets.figures.caption", { area: area.name, year: String(year) })}
      />
      <Entries entries={entries} canManage={canManage} gemeente={gemeente} />
      {!closed && <CommitmentForm formKey={formKey} />}
      <ExpenditureForm formKey={formKey} commitments={openCommitments} />
    </>
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
  const [form, fields] = useFormFor<z.input<typeof reverseForm>>(formId, { constraint: reverseLimits });
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
  const [form, fields] = useFormFor<z.input<typeof commitmentForm>>("commit", {
    constraint: commitmentLimits,
  });
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
  const [form, fields] = useFormFor<z.input<typeof expenditureForm>>("spend", {
    constraint: expenditureLimits,
  });
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
