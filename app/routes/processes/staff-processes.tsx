import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { data, Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  createProcess,
  ladderLevels,
  listParticipationRules,
  listProcesses,
  positionOf,
  processTemplates,
  setParticipationRule,
} from "../../../src/domain/processes/index.ts";
import { CheckboxField, Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { createProcessForm, ruleForm } from "../../forms/processes.ts";
import { createProcessLimits, ruleLimits } from "../../forms/processes-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { processErrors } from "../../server/processes.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-processes";

/** The municipality's processes (drafts too), starting one from a template, and the ordinance's main rules. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "processes:manage");
  const { processes, rules } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => ({
      processes: await listProcesses(tx, { tenantId: tenant.id, publishedOnly: false }),
      rules: await listParticipationRules(tx, { tenantId: tenant.id }),
    }),
  );
  return {
    tenant: { name: tenant.name },
    base: staffBase(params.gemeente),
    processes: processes.map((process) => {
      const { state, current } = positionOf(process);
      return {
        id: process.id,
        slug: process.slug,
        title: process.title,
        status: process.status,
        state,
        current: current && { title: current.title, level: current.level },
      };
    }),
    rules,
    // The page's choices come with the data: the domain's modules stay out of the browser's bundle.
    templates: processTemplates.map((template) => template.id),
    levels: [...ladderLevels],
  };
}

const forms = { create: createProcessForm, rule: ruleForm } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "processes:manage");
  const formData = await readForm(request);
  const intent = String(formData.get("intent")) as keyof typeof forms;
  if (!Object.hasOwn(forms, intent)) throw data(null, { status: 400 });
  const submission = parseFormData(formData, forms[intent]);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  const scope = { tenantId: tenant.id, personId: actor.personId };
  const base = `${staffBase(params.gemeente)}/processen`;
  try {
    const slug = await withTenant(services(context).db, scope, async (tx) => {
      if (value.intent === "create") {
        const created = await createProcess(tx, {
          tenantId: tenant.id,
          template: value.template,
          title: value.title,
          startsOn: value.startsOn,
          responsible: value.responsible,
          actorPersonId: actor.personId,
          now: new Date(),
        });
        return created.slug;
      }
      await setParticipationRule(tx, {
        tenantId: tenant.id,
        decisionKind: value.decisionKind,
        label: value.label,
        needsPlan: value.needsPlan,
        minimumLevel: value.minimumLevel,
        actorPersonId: actor.personId,
      });
      return undefined;
    });
    return redirect(slug ? `${base}/${slug}?melding=created` : `${base}?melding=rule`);
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, processErrors));
  }
}

const notices = { rule: "processes.notice.rule" } as const satisfies Record<string, MessageKey>;

export default function StaffProcesses({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { tenant, base, processes, rules, templates, levels } = loaderData;
  const title = t("processes.staff.title", { tenant: tenant.name });
  const notice = useNotice(notices);
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>{t("processes.staff.intro")}</Paragraph>
      {processes.length === 0 ? (
        <Paragraph>{t("processes.staff.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("processes.staff.caption")}
          columns={[t("processes.field.title"), t("processes.status"), t("processes.calendar.now"), ""]}
          items={processes}
          keyOf={(p) => p.id}
          cells={(p) => [
            <Link key="manage" className="nl-link" to={`${base}/processen/${p.slug}`}>
              {p.title}
            </Link>,
            t(`processes.status.${p.status}`),
            p.current
              ? `${p.current.title} (${t(`processes.level.${p.current.level}`)})`
              : t(`processes.state.${p.state}`),
            p.status === "published" ? (
              <Link key="public" className="nl-link" to={`/${params.gemeente}/processen/${p.slug}`}>
                {t("processes.staff.public")}
              </Link>
            ) : (
              ""
            ),
          ]}
        />
      )}
      <CreateForm templates={templates} />
      <section aria-labelledby="verordening" className="samenspel-panel">
        <Heading level={2} id="verordening">
          {t("processes.rules.title")}
        </Heading>
        <Paragraph>{t("processes.rules.intro")}</Paragraph>
        {rules.length === 0 ? (
          <Paragraph>{t("processes.rules.none")}</Paragraph>
        ) : (
          <DataTable
            caption={t("processes.rules.caption")}
            columns={[
              t("processes.rule.label"),
              t("processes.rule.kind"),
              t("processes.rule.plan"),
              t("processes.rule.minimum"),
            ]}
            items={rules}
            keyOf={(r) => r.id}
            cells={(r) => [
              r.label,
              r.decisionKind,
              t(r.needsPlan ? "processes.yes" : "processes.no"),
              t(`processes.level.${r.minimumLevel}`),
            ]}
          />
        )}
        <RuleForm levels={levels} />
      </section>
    </PageShell>
  );
}

type Loaded = Route.ComponentProps["loaderData"];

function CreateForm({ templates }: { templates: Loaded["templates"] }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof createProcessForm>>("create", {
    constraint: createProcessLimits,
  });
  return (
    <section aria-labelledby="nieuw" className="samenspel-panel">
      <Heading level={2} id="nieuw">
        {t("processes.create.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.template, label: t("processes.field.template") },
            { meta: fields.title, label: t("processes.field.title") },
            { meta: fields.startsOn, label: t("processes.field.startsOn") },
            { meta: fields.responsible, label: t("processes.field.responsible") },
          ]}
        />
        <SelectField
          meta={fields.template}
          label={t("processes.field.template")}
          options={templates.map((id) => ({ value: id, label: t(`processes.template.${id}`) }))}
        />
        <TextField meta={fields.title} label={t("processes.field.title")} />
        <TextField
          meta={fields.startsOn}
          label={t("processes.field.startsOn")}
          description={t("processes.field.startsOn.hint")}
          type="date"
        />
        <TextField
          meta={fields.responsible}
          label={t("processes.field.responsible")}
          description={t("processes.field.responsible.hint")}
        />
        <PrimaryActionButton type="submit">{t("processes.create.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function RuleForm({ levels }: { levels: Loaded["levels"] }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof ruleForm>>("rule", { constraint: ruleLimits });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="rule" />
      <Heading level={3}>{t("processes.rule.add")}</Heading>
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.label, label: t("processes.rule.label") },
          { meta: fields.decisionKind, label: t("processes.rule.kind") },
          { meta: fields.minimumLevel, label: t("processes.rule.minimum") },
        ]}
      />
      <TextField meta={fields.label} label={t("processes.rule.label")} description={t("processes.rule.label.hint")} />
      <TextField
        meta={fields.decisionKind}
        label={t("processes.rule.kind")}
        description={t("processes.rule.kind.hint")}
      />
      <CheckboxField meta={fields.needsPlan} label={t("processes.rule.plan")} />
      <SelectField
        meta={fields.minimumLevel}
        label={t("processes.rule.minimum")}
        options={levels.map((level) => ({ value: level, label: t(`processes.level.${level}`) }))}
      />
      <PrimaryActionButton type="submit">{t("processes.rule.submit")}</PrimaryActionButton>
    </Form>
  );
}
