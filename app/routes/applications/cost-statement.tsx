import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { Form, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  type CostShare,
  getApplication,
  getCostStatement,
  recordCostItem,
  reverseCostItem,
} from "../../../src/domain/programme/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { programmeSharePercent, useCostShareRule } from "../../components/cost-share-rule.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, FormKeyField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { costItemForm, reverseCostItemForm } from "../../forms/applications.ts";
import { costItemLimits, reverseCostItemLimits } from "../../forms/applications-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatCalendarDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { idOrNotFound, notFound } from "../../server/http.server.ts";
import { programmeTenant } from "../../server/programme.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { gemeenteOf, StaffNav } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/cost-statement";

/**
 * Mounted twice: staff with `costs:manage` at `/beheer/trajecten/:slug/kosten/:id` record quotes and invoices; the
 * municipality reads its own statement at `/:gemeente/beheer/aanmeldingen/kosten/:id`.
 */
async function access(request: Request, context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const gemeente = gemeenteOf(params);
  const { actor, tenant } = await requireTenantPermission(
    request,
    context,
    gemeente,
    gemeente ? "staff-area:view" : "costs:manage",
  );
  const programme = gemeente ? await programmeTenant(context) : tenant;
  return { actor, tenant, programmeTenantId: programme.id, editable: !gemeente };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, programmeTenantId, editable } = await access(request, context, params);
  idOrNotFound(params.applicationId);
  const view = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
    const application = await getApplication(tx, { programmeTenantId, applicationId: params.applicationId });
    if (application?.status !== "admitted") return undefined;
    if ("slug" in params && application.trajectorySlug !== params.slug) return undefined;
    return {
      application: {
        municipalityName: application.municipalityName,
        trajectoryTitle: application.trajectoryTitle,
        trajectorySlug: application.trajectorySlug,
      },
      statement: await getCostStatement(tx, application.id),
    };
  });
  if (!view) notFound();
  return {
    ...view,
    editable,
    formKey: newToken().token,
  };
}

const forms = { record: costItemForm, reverse: reverseCostItemForm } as const;
const notices = { vastgelegd: "costs.recorded", tegengeboekt: "costs.reversed" } as const satisfies Record<
  string,
  MessageKey
>;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, editable } = await access(request, context, params);
  if (!editable) notFound();
  const { intent, submission } = parseIntentForm(await readForm(request), forms);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const base = {
    programmeTenantId: tenant.id,
    applicationId: params.applicationId,
    actorPersonId: actor.personId,
    idempotencyKey: value.key,
    now: new Date(),
  };
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) => {
      if ("item" in value) return reverseCostItem(tx, { ...base, itemId: value.item, reason: value.reason });
      const { amount, eligible, key: _key, ...item } = value;
      return recordCostItem(tx, { ...base, ...item, amountCents: amount, eligible: eligible === "yes" });
    });
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, programmeErrors));
  }
  const notice = intent === "reverse" ? "tegengeboekt" : "vastgelegd";
  // Built from the params: with JavaScript the request's own URL is the `.data` fetch, not the page.
  return redirect(`/beheer/trajecten/${params.slug}/kosten/${params.applicationId}?melding=${notice}`);
}

export default function CostStatementPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { application, statement, editable, formKey } = loaderData;
  const rule = useCostShareRule();
  const notice = useNotice(notices);
  const money = (cents: number) => formatMoney(locale, cents);
  const reversed = new Set(statement.items.flatMap((item) => (item.reversesId ? [item.reversesId] : [])));
  const title = t("costs.title", { municipality: application.municipalityName });
  return (
    <PageShell title={title}>
      <div className="samenspel-statement">
        <Heading level={1}>{title}</Heading>
        <Paragraph purpose="lead">{t("costs.lead", { trajectory: application.trajectoryTitle })}</Paragraph>
        <Notice message={notice} />
        {editable && <StaffNav base="/beheer" />}
        {statement.items.length === 0 ? (
          <Paragraph>{t("costs.empty")}</Paragraph>
        ) : (
          <DataTable
            caption={t("costs.lines")}
            columns={[
              t("costs.documentOn"),
              t("costs.kind"),
              t("costs.supplier"),
              t("costs.description"),
              t("costs.eligible"),
              t("costs.amount"),
            ]}
          >
            {statement.items.map((item) => (
              <TableRow key={item.id}>
                <TableCell>{formatCalendarDate(locale, item.documentOn)}</TableCell>
                <TableCell>{t(`costs.kind.${item.kind}`)}</TableCell>
                <TableCell>{item.supplier}</TableCell>
                <TableCell>
                  {item.reason === null ? item.description : t("costs.reversal", { reason: item.reason })}
                  {reversed.has(item.id) && ` ${t("costs.reversedLine")}`}
                </TableCell>
                <TableCell>{t(item.eligible ? "costs.yes" : "costs.no")}</TableCell>
                <TableCell className="samenspel-amount">{money(item.amountCents)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
        <Shares caption={t("costs.invoiced")} share={statement.invoiced} />
        <Shares caption={t("costs.expected", { quoted: money(statement.quotedCents) })} share={statement.expected} />
        <Paragraph>{rule}</Paragraph>
        <Paragraph>{t("costs.rounding")}</Paragraph>
        <Paragraph className="samenspel-no-print">{t("costs.print")}</Paragraph>
      </div>
      {editable && <RecordCostItem formKey={formKey} />}
      {editable && (
        <ReverseCostItem
          formKey={formKey}
          lines={statement.items
            .filter((item) => item.reversesId === null && !reversed.has(item.id))
            .map((item) => ({
              value: item.id,
              label: `${formatCalendarDate(locale, item.documentOn)}, ${t(`costs.kind.${item.kind}`)}, ${item.supplier}, ${money(item.amountCents)}`,
            }))}
        />
      )}
    </PageShell>
  );
}

function Shares({ caption, share }: { caption: string; share: CostShare }) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(locale, cents);
  return (
    <DataTable caption={caption} columns={[t("costs.part"), t("costs.amount")]}>
      <TableRow>
        <TableCell>{t("costs.eligibleTotal")}</TableCell>
        <TableCell className="samenspel-amount">{money(share.eligibleCents)}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell>{t("costs.otherTotal")}</TableCell>
        <TableCell className="samenspel-amount">{money(share.otherCents)}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell>
          {share.capped
            ? t("costs.programmeShare.capped")
            : t("costs.programmeShare", { percent: programmeSharePercent })}
        </TableCell>
        <TableCell className="samenspel-amount">{money(share.programmeCents)}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell>{t("costs.municipalityShare")}</TableCell>
        <TableCell className="samenspel-amount">{money(share.municipalityCents)}</TableCell>
      </TableRow>
    </DataTable>
  );
}

function RecordCostItem({ formKey }: { formKey: string }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof costItemForm>>("record", { constraint: costItemLimits });
  return (
    <section aria-labelledby="vastleggen" className="samenspel-no-print">
      <Heading level={2} id="vastleggen">
        {t("costs.record.title")}
      </Heading>
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.kind, label: t("costs.kind") },
          { meta: fields.supplier, label: t("costs.supplier") },
          { meta: fields.description, label: t("costs.description") },
          { meta: fields.amount, label: t("costs.amount") },
          { meta: fields.eligible, label: t("costs.eligible") },
          { meta: fields.documentOn, label: t("costs.documentOn") },
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="record" />
        <FormKeyField meta={fields.key} fresh={formKey} />
        <SelectField
          meta={fields.kind}
          label={t("costs.kind")}
          options={[
            { value: "quote", label: t("costs.kind.quote") },
            { value: "invoice", label: t("costs.kind.invoice") },
          ]}
        />
        <TextField meta={fields.supplier} label={t("costs.supplier")} />
        <TextField meta={fields.description} label={t("costs.description")} />
        <TextField meta={fields.amount} label={t("costs.amount")} description={t("costs.amount.hint")} />
        <SelectField
          meta={fields.eligible}
          label={t("costs.eligible")}
          options={[
            { value: "yes", label: t("costs.eligible.yes") },
            { value: "no", label: t("costs.eligible.no") },
          ]}
        />
        <TextField meta={fields.documentOn} label={t("costs.documentOn")} type="date" />
        <PrimaryActionButton type="submit">{t("costs.record.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

/** A mistake is put right by a reversing line; the list offers only lines that are neither reversals nor reversed. */
function ReverseCostItem({ formKey, lines }: { formKey: string; lines: { value: string; label: string }[] }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof reverseCostItemForm>>("reverse", {
    constraint: reverseCostItemLimits,
  });
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="corrigeren" className="samenspel-no-print">
      <Heading level={2} id="corrigeren">
        {t("costs.reverse.title")}
      </Heading>
      <Paragraph>{t("costs.reverse.intro")}</Paragraph>
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.item, label: t("costs.reverse.item") },
          { meta: fields.reason, label: t("costs.reverse.reason") },
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="reverse" />
        <FormKeyField meta={fields.key} fresh={formKey} />
        <SelectField meta={fields.item} label={t("costs.reverse.item")} options={lines} />
        <TextField
          meta={fields.reason}
          label={t("costs.reverse.reason")}
          description={t("costs.reverse.reason.hint")}
        />
        <PrimaryActionButton type="submit">{t("costs.reverse.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
