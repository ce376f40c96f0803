import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { createCouncil, listCouncils } from "../../../src/domain/councils/index.ts";
import { type CouncilChoices, CouncilFields, councilFieldLabels } from "../../components/council-fields.tsx";
import { CouncilList } from "../../components/council-list.tsx";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { useFormFor } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { createCouncilForm } from "../../forms/councils.ts";
import { createCouncilLimits } from "../../forms/councils-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { councilChoices, councilDetails, councilErrors } from "../../server/councils.server.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-councils";

/** The municipality's councils for staff: every council with its kind and areas, and the form for a new one. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "councils:manage");
  const { councils, choices } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => ({
      councils: await listCouncils(tx, { tenantId: tenant.id }),
      choices: await councilChoices(tx, tenant.id),
    }),
  );
  return {
    base: staffBase(params.gemeente),
    tenant: { name: tenant.name },
    councils: councils.map((c) => ({ slug: c.slug, name: c.name, kind: c.kind, areas: c.areas.map((a) => a.name) })),
    choices,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "councils:manage");
  const { submission } = parseIntentForm(await readForm(request), { create: createCouncilForm });
  if (submission.status !== "success") return forForm("create", invalidForm(submission.reply()));
  const value = submission.value;
  try {
    const council = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      createCouncil(tx, {
        tenantId: tenant.id,
        slug: value.slug,
        ...councilDetails(value),
        actorPersonId: actor.personId,
        now: new Date(),
      }),
    );
    return redirect(`${staffBase(params.gemeente)}/raden/${council.slug}?melding=created`);
  } catch (error) {
    return forForm("create", replyWithDomainError(error, submission, councilErrors));
  }
}

export default function StaffCouncilsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { base, tenant, councils, choices } = loaderData;
  const title = t("councils.staff.title", { tenant: tenant.name });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <StaffNav base={base} />
      <Paragraph>{t("councils.staff.lead")}</Paragraph>
      {councils.length === 0 ? (
        <Paragraph>{t("councils.list.none")}</Paragraph>
      ) : (
        <CouncilList councils={councils} base={`${base}/raden`} />
      )}
      {choices.areas.length === 0 ? (
        <Paragraph>
          {t("councils.staff.noAreas")}{" "}
          <Link className="nl-link" to={`${base}/gebieden`}>
            {t("areas.nav")}
          </Link>
        </Paragraph>
      ) : (
        <CreateForm choices={choices} />
      )}
    </PageShell>
  );
}

function CreateForm({ choices }: { choices: CouncilChoices }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof createCouncilForm>>("create", {
    constraint: createCouncilLimits,
    defaultValue: { memberSeats: "7" },
  });
  return (
    <section aria-labelledby="raad-toevoegen" className="samenspel-panel">
      <Heading level={2} id="raad-toevoegen">
        {t("councils.create.title")}
      </Heading>
      <Paragraph>{t("councils.create.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.slug, label: t("councils.field.slug") }, ...councilFieldLabels(fields, t)]}
        />
        <TextField
          meta={fields.slug}
          label={t("councils.field.slug")}
          description={t("councils.field.slug.hint")}
          required
        />
        <CouncilFields fields={fields} choices={choices} />
        <PrimaryActionButton type="submit">{t("councils.create.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
