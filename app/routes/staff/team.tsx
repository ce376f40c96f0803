import { getFormProps, useForm } from "@conform-to/react";
import { Heading1, Heading2, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { addTeamMember, listTeam, teamRoles } from "../../../src/domain/identity/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { addTeamMemberForm } from "../../forms/identity.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { identityErrors } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/team";
import { gemeenteOf, StaffNav, staffBase } from "./staff-nav.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const gemeente = gemeenteOf(params);
  const { actor, tenant } = await requireTenantPermission(request, context, gemeente, "staff-area:view");
  const team = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listTeam(tx, { tenantId: tenant.id }),
  );
  return { tenant: { name: tenant.name }, base: staffBase(gemeente), team, roles: teamRoles[tenant.kind] };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const gemeente = gemeenteOf(params);
  const { actor, tenant } = await requireTenantPermission(request, context, gemeente, "tenant:manage");
  const submission = await parseForm(request, addTeamMemberForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      addTeamMember(tx, { tenantId: tenant.id, actorPersonId: actor.personId, ...submission.value, now: new Date() }),
    );
    return redirect(`${staffBase(gemeente)}/team?melding=toegevoegd`);
  } catch (error) {
    return replyWithDomainError(error, submission, identityErrors);
  }
}

export default function Team({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice({ toegevoegd: "staff.team.added" });
  const { tenant, base, team, roles } = loaderData;
  const [form, fields] = useForm<z.input<typeof addTeamMemberForm>>({
    id: "add-team-member",
    lastResult: actionData?.result,
  });
  return (
    <PageShell>
      <title>{`${t("staff.team.title", { tenant: tenant.name })} – ${t("site.name")}`}</title>
      <Heading1>{t("staff.team.title", { tenant: tenant.name })}</Heading1>
      <Notice message={notice} />
      <StaffNav base={base} />
      <DataTable
        label={t("staff.team.title", { tenant: tenant.name })}
        columns={[t("staff.team.name"), t("staff.team.email"), t("staff.team.role")]}
        items={team}
        keyOf={(member) => `${member.personId}-${member.role}`}
        cells={(member) => [member.displayName, member.email, t(`role.${member.role}`)]}
      />
      <Heading2>{t("staff.team.add.title")}</Heading2>
      <Paragraph>{t("staff.team.add.intro")}</Paragraph>
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.email, label: t("staff.team.email") },
          { meta: fields.role, label: t("staff.team.role") },
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.email} label={t("staff.team.email")} type="email" autoComplete="off" required />
        <SelectField
          meta={fields.role}
          label={t("staff.team.role")}
          options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <PrimaryActionButton type="submit">{t("staff.team.add.submit")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
