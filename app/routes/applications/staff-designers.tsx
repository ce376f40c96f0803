import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { SecondaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { deleteDesignerSignUp, getTrajectory, listDesignerSignUps } from "../../../src/domain/programme/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { Notice } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { DownloadLinks } from "../../components/download-links.tsx";
import { ErrorSummary } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { deleteDesignerSignUpForm } from "../../forms/applications.ts";
import { formatDate, formatTime } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-designers";

/** The designers who signed up for one trajectory on its public page, for the staff who manage its applications. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "applications:manage");
  const view = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
    const trajectory = await getTrajectory(tx, { tenantId: tenant.id, slug: params.slug });
    if (!trajectory) return undefined;
    return {
      trajectory: {
        slug: trajectory.slug,
        title: trajectory.title,
        takesDesignerSignUps: trajectory.takesDesignerSignUps,
      },
      signUps: await listDesignerSignUps(tx, { programmeTenantId: tenant.id, trajectoryId: trajectory.id }),
    };
  });
  if (!view) notFound();
  return view;
}

/** Staff delete a sign-up (a designer asks to be removed: they have no account to do it themselves); audited. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "applications:manage");
  const submission = await parseForm(request, deleteDesignerSignUpForm);
  const formId = `delete-${String((submission.payload as Record<string, unknown>).signUp)}`;
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  try {
    const found = await withTenant(
      services(context).db,
      { tenantId: tenant.id, personId: actor.personId },
      async (tx) => {
        const trajectory = await getTrajectory(tx, { tenantId: tenant.id, slug: params.slug });
        if (!trajectory) return false;
        await deleteDesignerSignUp(tx, {
          programmeTenantId: tenant.id,
          trajectoryId: trajectory.id,
          signUpId: submission.value.signUp,
          actorPersonId: actor.personId,
        });
        return true;
      },
    );
    if (!found) notFound();
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, programmeErrors));
  }
  return redirect(`/beheer/trajecten/${params.slug}/ontwerpers?melding=verwijderd`);
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ trajectory }, t) => [
  { label: t("staff.nav.overview"), to: "/beheer" },
  { label: t("staff.nav.trajectories"), to: "/beheer/trajecten" },
  { label: trajectory.title, to: `/beheer/trajecten/${trajectory.slug}` },
  { label: t("designers.staff.crumb"), to: `/beheer/trajecten/${trajectory.slug}/ontwerpers` },
]);

export default function StaffDesigners({ loaderData: { trajectory, signUps } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const notice = useNotice({ verwijderd: "designers.staff.deleted" });
  const title = t("designers.staff.title", { trajectory: trajectory.title });
  const base = `/beheer/trajecten/${trajectory.slug}`;
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base="/beheer" />
      <Paragraph>
        {t(trajectory.takesDesignerSignUps ? "designers.staff.on" : "designers.staff.off")}{" "}
        <Link className="nl-link" to={base}>
          {trajectory.title}
        </Link>
      </Paragraph>
      {signUps.length === 0 ? (
        <Paragraph>{t("designers.staff.empty")}</Paragraph>
      ) : (
        <>
          <DataTable
            caption={t("designers.staff.caption")}
            columns={[
              t("designers.staff.name"),
              t("designers.staff.email"),
              t("designers.staff.organisation"),
              t("designers.staff.motivation"),
              t("designers.staff.signedUpAt"),
              t("designers.staff.delete"),
            ]}
            items={signUps}
            keyOf={(signUp) => signUp.id}
            cells={(signUp) => [
              signUp.name,
              <a key="email" className="nl-link" href={`mailto:${signUp.email}`}>
                {signUp.email}
              </a>,
              signUp.organisation,
              signUp.motivation,
              `${formatDate(locale, new Date(signUp.createdAt))} ${formatTime(locale, new Date(signUp.createdAt))}`,
              <DeleteForm key="delete" id={signUp.id} name={signUp.name} />,
            ]}
          />
          <DownloadLinks
            stem={`${base}/ontwerpers`}
            csv={t("designers.export.csv")}
            xlsx={t("designers.export.xlsx")}
          />
        </>
      )}
    </PageShell>
  );
}

function DeleteForm({ id, name }: { id: string; name: string }) {
  const t = useT();
  const [form] = useFormFor<{ intent: string; signUp: string }>(`delete-${id}`);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary formErrors={form.errors} fields={[]} />
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="signUp" value={id} />
      <SecondaryActionButton type="submit">{t("designers.staff.deleteLabel", { name })}</SecondaryActionButton>
    </Form>
  );
}
