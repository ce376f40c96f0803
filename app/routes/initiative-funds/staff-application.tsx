import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, PrimaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { data, Form, Link, redirect } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { rolesGrant } from "../../../src/domain/identity/index.ts";
import {
  advanceCents,
  applicationUrl,
  assessApplication,
  decideApplication,
  extendDecisionTerm,
  getApplication,
  InitiativesError,
  markIncomplete,
  outstandingCents,
  payTranche,
  recordRecovery,
} from "../../../src/domain/initiatives/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ExtendTermForm } from "../../components/extend-term-form.tsx";
import { ErrorSummary, FormKeyField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { assessForm, decideForm, incompleteForm, payForm, recoveryForm } from "../../forms/initiative-funds.ts";
import { assessLimits, decideLimits, incompleteLimits, recoveryLimits } from "../../forms/initiative-funds-limits.ts";
import { extendTermForm } from "../../forms/initiatives.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatCalendarDate, formatMoney } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { fundErrors } from "../../server/initiative-funds.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-application";

/**
 * One application for staff and assessors: its parts and documents, every assessor's declaration and scores, and
 * (for staff) sending it back as incomplete, the one extension, the decision with its letter, and the tranches.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(request, context, params.gemeente, "funds:assess");
  const detail = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    getApplication(tx, { tenantId: tenant.id, applicationId: params.aanvraag }).catch(notFoundIfMissing),
  );
  const { fund, application } = detail;
  const mine = detail.assessments.find((a) => a.assessorId === actor.personId);
  return {
    base: staffBase(params.gemeente),
    gemeente: params.gemeente,
    canManage: rolesGrant(roles, "funds:manage"),
    fund: {
      name: fund.name,
      criteria: fund.criteria,
      extensionLength: fund.extensionLength,
      unit: fund.decisionTermUnit,
    },
    application: {
      id: application.id,
      reference: application.reference,
      title: application.title,
      description: application.description,
      status: application.status,
      missing: application.missing,
      activityOn: application.activityOn,
      totalCostCents: application.totalCostCents,
      requestedCents: application.requestedCents,
      ownMoneyCents: application.ownMoneyCents,
      ownHours: application.ownHours,
      completeOn: application.completeOn,
      dueOn: application.dueOn,
      extended: application.extendedAt !== null,
      extensionReason: application.extensionReason,
      grantedCents: application.grantedCents,
      conditions: application.conditions,
      reasons: application.reasons,
      reportStatus: application.reportStatus,
      reportDueOn: application.reportDueOn,
      reportText: application.reportText,
      reclaimCents: application.reclaimCents,
      recoveredCents: application.recoveredCents,
      waivedCents: application.waivedCents,
      outstandingCents: outstandingCents(application),
      advanceCents:
        application.grantedCents && application.advancePercent
          ? advanceCents({ advancePercent: application.advancePercent }, application.grantedCents)
          : 0,
    },
    files: detail.files,
    assessments: detail.assessments.map((a) => ({
      id: a.id,
      assessorName: a.assessorName,
      conflict: a.conflict,
      conflictNote: a.conflictNote,
      scores: a.scores,
      remarks: a.remarks,
    })),
    myConflict: mine?.conflict ?? false,
    payments: detail.payments,
    paidCents: detail.paidCents,
    recoveries: detail.recoveries.map((r) => ({ ...r, at: r.at.toISOString() })),
    formKey: newToken().token,
  };
}

function notFoundIfMissing(error: unknown): never {
  if (error instanceof InitiativesError && error.code === "initiatives.fund-application-not-found") notFound();
  throw error;
}

const forms = {
  incomplete: incompleteForm,
  extend: extendTermForm,
  assess: assessForm,
  decide: decideForm,
  pay: payForm,
  recovery: recoveryForm,
};
type Intent = keyof typeof forms;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(request, context, params.gemeente, "funds:assess");
  const { intent, submission } = parseIntentForm(await readForm(request), forms);
  if (intent !== "assess" && !rolesGrant(roles, "funds:manage")) throw data(null, { status: 403 });
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const now = new Date();
  const { config } = services(context);
  const step = { tenantId: tenant.id, applicationId: params.aanvraag, actorPersonId: actor.personId, now };
  const url = applicationUrl(config.publicUrl, params.gemeente, params.aanvraag);
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      if (value.intent === "incomplete") await markIncomplete(tx, { ...step, url, missing: value.missing });
      else if (value.intent === "extend") await extendDecisionTerm(tx, { ...step, url, reason: value.reason });
      else if (value.intent === "pay") await payTranche(tx, { ...step, tranche: value.tranche });
      else if (value.intent === "recovery")
        await recordRecovery(tx, {
          ...step,
          idempotencyKey: value.key,
          booking:
            value.kind === "recovered"
              ? { kind: "recovered", amountCents: value.amount }
              : { kind: "waived", amountCents: value.amount, reasons: value.reasons ?? "" },
        });
      else if (value.intent === "decide")
        await decideApplication(tx, {
          ...step,
          tenantSlug: params.gemeente,
          url,
          decision:
            value.outcome === "granted"
              ? { outcome: "granted", amountCents: value.amount, conditions: value.conditions ?? "" }
              : { outcome: "refused", reasons: value.reasons },
        });
      else if (value.intent === "assess") {
        const { fund } = await getApplication(tx, { tenantId: tenant.id, applicationId: params.aanvraag });
        await assessApplication(tx, {
          ...step,
          assessorId: actor.personId,
          declaration:
            value.conflict === "yes"
              ? { conflict: true, note: value.note }
              : {
                  conflict: false,
                  scores: Object.fromEntries(value.scores.map((score, i) => [fund.criteria[i] ?? `#${i}`, score])),
                  remarks: value.remarks ?? "",
                },
        });
      }
    });
  } catch (error) {
    if (error instanceof InitiativesError && error.code === "initiatives.fund-application-not-found") notFound();
    return forForm(intent, replyWithDomainError(error, submission, fundErrors));
  }
  services(context).queue.wake();
  return redirect(`${staffBase(params.gemeente)}/fondsen/aanvragen/${params.aanvraag}?melding=${intent}`);
}

type Loaded = Route.ComponentProps["loaderData"];
const noticeKeys = {
  incomplete: "funds.notice.incomplete",
  extend: "funds.notice.extended",
  assess: "funds.notice.assessed",
  decide: "funds.notice.decided",
  pay: "funds.notice.paid",
  recovery: "funds.notice.recovery",
} as const satisfies Record<Intent, MessageKey>;

export default function StaffApplicationPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { base, gemeente, application: a, fund, canManage } = loaderData;
  const notice = useNotice(noticeKeys);
  const money = (cents: number) => formatMoney(locale, cents);
  const date = (on: string | null) => (on ? formatCalendarDate(locale, on) : "–");
  const title = `${a.reference}: ${a.title}`;
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
      <DataTable
        caption={t("funds.application.caption", { fund: fund.name })}
        columns={[t("funds.field"), t("funds.value")]}
      >
        {(
          [
            [t("funds.status"), t(`funds.status.${a.status}`)],
            [t("funds.apply.description"), a.description],
            [t("funds.apply.activityOn"), date(a.activityOn)],
            [t("funds.apply.totalCost"), money(a.totalCostCents)],
            [t("funds.apply.requested"), money(a.requestedCents)],
            [t("funds.apply.ownMoney"), money(a.ownMoneyCents)],
            [t("funds.apply.ownHours"), String(a.ownHours)],
            [t("funds.completeOn"), date(a.completeOn)],
            [
              t("funds.dueOn"),
              `${date(a.dueOn)}${a.extended ? ` (${t("funds.extended")}${a.extensionReason ? `: ${a.extensionReason}` : ""})` : ""}`,
            ],
          ] as const
        ).map(([label, value]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </DataTable>
      {a.missing && <Paragraph>{t("funds.missing", { missing: a.missing })}</Paragraph>}
      <Heading level={2}>{t("funds.files")}</Heading>
      {loaderData.files.length === 0 ? (
        <Paragraph>{t("funds.files.none")}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {loaderData.files.map((file) => (
            <li key={file.id}>
              {file.purpose}:{" "}
              <a className="nl-link" href={`/${gemeente}/bestanden/${file.uploadId}`}>
                {file.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      <Assessments loaderData={loaderData} />
      {a.status === "in-assessment" && !loaderData.myConflict && <AssessForm criteria={fund.criteria} />}
      {canManage && a.status === "in-assessment" && (
        <>
          <DecideForm requestedCents={a.requestedCents} />
          <IncompleteForm />
          {!a.extended && fund.extensionLength > 0 && (
            <ExtendTermForm
              intro={t("funds.extend.intro", {
                length: String(fund.extensionLength),
                unit: t(`funds.unit.${fund.unit}`),
              })}
            />
          )}
        </>
      )}
      {(a.status === "granted" || a.status === "refused") && <Decision loaderData={loaderData} />}
    </PageShell>
  );
}

function Assessments({ loaderData }: { loaderData: Loaded }) {
  const t = useT();
  const { assessments, fund } = loaderData;
  return (
    <section aria-labelledby="beoordelingen">
      <Heading level={2} id="beoordelingen">
        {t("funds.assessments")}
      </Heading>
      {assessments.length === 0 ? (
        <Paragraph>{t("funds.assessments.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("funds.assessments.caption")}
          columns={[t("funds.assessor"), ...fund.criteria, t("funds.assess.remarks")]}
        >
          {assessments.map((a) => (
            <TableRow key={a.id}>
              <TableCell>{a.assessorName}</TableCell>
              {a.conflict ? (
                <TableCell colSpan={fund.criteria.length + 1}>
                  {t("funds.assess.conflictDeclared", { note: a.conflictNote ?? "" })}
                </TableCell>
              ) : (
                <>
                  {fund.criteria.map((c) => (
                    <TableCell key={c}>{a.scores?.[c] ?? "–"}</TableCell>
                  ))}
                  <TableCell>{a.remarks}</TableCell>
                </>
              )}
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function AssessForm({ criteria }: { criteria: readonly string[] }) {
  const t = useT();
  const [form, fields] = useFormFor<Record<string, string>>("assess", { constraint: assessLimits });
  const scoreOptions = ["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: t(`funds.score.${v as "1"}`) }));
  return (
    <section aria-labelledby="beoordelen" className="samenspel-panel">
      <Heading level={2} id="beoordelen">
        {t("funds.assess.title")}
      </Heading>
      <Paragraph>{t("funds.assess.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="assess" />
        <ErrorSummary formErrors={form.errors} fields={[{ meta: fields.note!, label: t("funds.assess.note") }]} />
        <SelectField
          meta={fields.conflict!}
          label={t("funds.assess.conflict")}
          options={[
            { value: "no", label: t("funds.assess.conflict.no") },
            { value: "yes", label: t("funds.assess.conflict.yes") },
          ]}
        />
        <TextField meta={fields.note!} label={t("funds.assess.note")} description={t("funds.assess.note.hint")} />
        {criteria.map((criterion, i) => (
          <SelectField
            key={criterion}
            meta={fields[`scores[${i}]`]!}
            label={t("funds.assess.score", { criterion })}
            options={scoreOptions}
          />
        ))}
        <TextAreaField meta={fields.remarks!} label={t("funds.assess.remarks")} rows={3} />
        <PrimaryActionButton type="submit">{t("funds.assess.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function DecideForm({ requestedCents }: { requestedCents: number }) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useFormFor<Record<string, string>>("decide", { constraint: decideLimits });
  return (
    <section aria-labelledby="besluit" className="samenspel-panel">
      <Heading level={2} id="besluit">
        {t("funds.decide.title")}
      </Heading>
      <Paragraph>{t("funds.decide.intro", { requested: formatMoney(locale, requestedCents) })}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="decide" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.amount!, label: t("funds.decide.amount") },
            { meta: fields.reasons!, label: t("funds.decide.reasons") },
          ]}
        />
        <SelectField
          meta={fields.outcome!}
          label={t("funds.decide.outcome")}
          options={[
            { value: "granted", label: t("funds.status.granted") },
            { value: "refused", label: t("funds.status.refused") },
          ]}
        />
        <TextField meta={fields.amount!} label={t("funds.decide.amount")} description={t("funds.amount.hint")} />
        <TextAreaField meta={fields.conditions!} label={t("funds.decide.conditions")} rows={3} />
        <TextAreaField
          meta={fields.reasons!}
          label={t("funds.decide.reasons")}
          description={t("funds.decide.reasons.hint")}
          rows={4}
        />
        <PrimaryActionButton type="submit">{t("funds.decide.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function IncompleteForm() {
  const t = useT();
  const [form, fields] = useFormFor<Record<string, string>>("incomplete", { constraint: incompleteLimits });
  return (
    <section aria-labelledby="onvolledig" className="samenspel-panel">
      <Heading level={2} id="onvolledig">
        {t("funds.incomplete.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="incomplete" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.missing!, label: t("funds.incomplete.missing") }]}
        />
        <TextAreaField meta={fields.missing!} label={t("funds.incomplete.missing")} rows={3} />
        <Button type="submit" appearance="secondary-action-button">
          {t("funds.incomplete.submit")}
        </Button>
      </Form>
    </section>
  );
}

function Decision({ loaderData }: { loaderData: Loaded }) {
  const t = useT();
  const locale = useLocale();
  const { application: a, gemeente, canManage, payments, paidCents } = loaderData;
  const [form] = useFormFor("pay");
  const money = (cents: number) => formatMoney(locale, cents);
  const advancePaid = payments.length > 0;
  return (
    <section aria-labelledby="besluit-genomen">
      <Heading level={2} id="besluit-genomen">
        {t(`funds.status.${a.status}`)}
      </Heading>
      {a.status === "granted" ? (
        <Paragraph>
          {t("funds.granted", { amount: money(a.grantedCents ?? 0), conditions: a.conditions ?? "–" })}
        </Paragraph>
      ) : (
        <Paragraph>{t("funds.refused", { reasons: a.reasons ?? "" })}</Paragraph>
      )}
      <Paragraph>
        <a className="nl-link" href={`/${gemeente}/fondsen/aanvraag/${a.id}/besluit.pdf`}>
          {t("funds.letter")}
        </a>
      </Paragraph>
      {a.status === "granted" && (
        <>
          <Paragraph>
            {t("funds.paid", { paid: money(paidCents), granted: money(a.grantedCents ?? 0) })}{" "}
            {t(`funds.report.${a.reportStatus}`, {
              dueOn: a.reportDueOn ? formatCalendarDate(locale, a.reportDueOn) : "",
            })}
          </Paragraph>
          {a.reportText && <Paragraph>{t("funds.report.text", { text: a.reportText })}</Paragraph>}
          {a.reclaimCents !== null && <Recovery loaderData={loaderData} />}
          {canManage && (a.reportStatus === "due" || a.reportStatus === "received") && (
            <Form method="post" {...getFormProps(form)} className="samenspel-panel">
              <ErrorSummary formErrors={form.errors} fields={[]} />
              <input type="hidden" name="intent" value="pay" />
              <input type="hidden" name="tranche" value={advancePaid ? "final" : "advance"} />
              <PrimaryActionButton type="submit">
                {advancePaid
                  ? t("funds.pay.final", { amount: money((a.grantedCents ?? 0) - a.advanceCents) })
                  : t("funds.pay.advance", { amount: money(a.advanceCents) })}
              </PrimaryActionButton>
            </Form>
          )}
        </>
      )}
    </section>
  );
}

/** A grant in recovery: what is reclaimed, what came back or was waived, and (for staff) booking the next part. */
function Recovery({ loaderData }: { loaderData: Loaded }) {
  const t = useT();
  const locale = useLocale();
  const { application: a, canManage, recoveries, formKey } = loaderData;
  const [form, fields] = useFormFor<Record<string, string>>("recovery", {
    constraint: recoveryLimits,
    defaultValue: { kind: "recovered" },
  });
  const money = (cents: number) => formatMoney(locale, cents);
  return (
    <section aria-labelledby="terugvordering">
      <Heading level={2} id="terugvordering">
        {t("funds.recovery.title")}
      </Heading>
      <Paragraph>
        {t("funds.recovery.figures", {
          reclaim: money(a.reclaimCents ?? 0),
          recovered: money(a.recoveredCents),
          waived: money(a.waivedCents),
          outstanding: money(a.outstandingCents),
        })}
      </Paragraph>
      {recoveries.length > 0 && (
        <ul className="utrecht-unordered-list">
          {recoveries.map((r) => (
            <li key={r.id}>
              {t(`funds.recovery.line.${r.kind}`, {
                amount: money(r.amountCents),
                on: formatCalendarDate(locale, r.at.slice(0, 10)),
                reasons: r.reasons ?? "",
              })}
            </li>
          ))}
        </ul>
      )}
      {canManage && a.outstandingCents > 0 && (
        <Form method="post" {...getFormProps(form)} className="samenspel-panel">
          <input type="hidden" name="intent" value="recovery" />
          <FormKeyField meta={fields.key!} fresh={formKey} />
          <ErrorSummary
            formErrors={form.errors}
            fields={[
              { meta: fields.amount!, label: t("funds.recovery.amount") },
              { meta: fields.reasons!, label: t("funds.recovery.reasons") },
            ]}
          />
          <SelectField
            meta={fields.kind!}
            label={t("funds.recovery.kind")}
            options={[
              { value: "recovered", label: t("funds.recovery.kind.recovered") },
              { value: "waived", label: t("funds.recovery.kind.waived") },
            ]}
          />
          <TextField meta={fields.amount!} label={t("funds.recovery.amount")} required />
          <TextAreaField
            meta={fields.reasons!}
            label={t("funds.recovery.reasons")}
            description={t("funds.recovery.reasons.hint")}
            rows={3}
          />
          <PrimaryActionButton type="submit">{t("funds.recovery.submit")}</PrimaryActionButton>
        </Form>
      )}
    </section>
  );
}
