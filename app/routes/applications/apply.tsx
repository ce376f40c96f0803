import { type FieldMetadata, type FormMetadata, getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert, Fieldset, FieldsetLegend, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import {
  findApplicationRefusal,
  getTrajectory,
  notifyApplication,
  submitApplication,
} from "../../../src/domain/programme/index.ts";
import { SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { applyForm } from "../../forms/applications.ts";
import { applyLimits, CONTACT_ROWS } from "../../forms/applications-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { municipalApplicationsUrl, requireCoordinator } from "../../server/applications.server.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import type { Route } from "./+types/apply";

/** Only a municipal coordinator applies, for one of the municipalities they coordinate. */
async function load(request: Request, context: Route.LoaderArgs["context"], slug: string) {
  const { actor, municipalities } = await requireCoordinator(request, context);
  const trajectory = await readProgramme(context, (tx, tenantId) => getTrajectory(tx, { tenantId, slug }));
  if (!trajectory) notFound();
  return { actor, trajectory, municipalities };
}

/**
 * A late or second application is refused when the form is opened, not after it is filled in: past the deadline
 * there is no form; a municipality that already applied is named with the way to its application and left out of
 * the choice, and with none left there is no form either.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, trajectory, municipalities } = await load(request, context, params.slug);
  const now = new Date();
  const refused: { slug: string; name: string; message: MessageKey }[] = [];
  const open: typeof municipalities = [];
  for (const municipality of municipalities) {
    const refusal = await withTenant(
      services(context).db,
      { tenantId: municipality.id, personId: actor.personId },
      (tx) =>
        findApplicationRefusal(tx, {
          trajectoryId: trajectory.id,
          applicationDeadlineOn: trajectory.applicationDeadlineOn,
          municipalityId: municipality.id,
          now,
        }),
    );
    if (refusal) refused.push({ ...municipality, message: programmeErrors[refusal].message });
    else open.push(municipality);
  }
  return { trajectory: { slug: trajectory.slug, title: trajectory.title }, municipalities: open, refused };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, trajectory, municipalities } = await load(request, context, params.slug);
  const submission = await parseForm(request, applyForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const { municipality: slug, contacts, ...form } = submission.value;
  const municipality = municipalities.find((m) => m.slug === slug);
  if (!municipality) {
    return invalidForm(submission.reply({ fieldErrors: { municipality: ["applications.municipality.required"] } }));
  }
  try {
    const now = new Date();
    await withTenant(services(context).db, { tenantId: municipality.id, personId: actor.personId }, async (tx) => {
      const application = await submitApplication(tx, {
        programmeTenantId: trajectory.tenantId,
        trajectoryId: trajectory.id,
        municipalityId: municipality.id,
        personId: actor.personId,
        project: form.project,
        learningQuestion: form.learningQuestion,
        commitment: {
          college: form.commitmentCollege,
          council: form.commitmentCouncil,
          civilService: form.commitmentCivilService,
        },
        contacts,
        now,
      });
      await notifyApplication(tx, { application, url: (slug) => municipalApplicationsUrl(context, slug), now });
    });
  } catch (error) {
    return replyWithDomainError(error, submission, programmeErrors);
  }
  services(context).queue.wake();
  return redirect(`/programma/trajecten/${trajectory.slug}/aanmelden/verstuurd?gemeente=${municipality.slug}`);
}

export default function Apply({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { trajectory, municipalities, refused } = loaderData;
  const [form, fields] = useForm<ApplyFields>({
    constraint: applyLimits,
    id: "apply",
    lastResult: actionData?.result,
  });
  const title = t("applications.apply.title", { trajectory: trajectory.title });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      {refused.map((municipality) => (
        <Alert key={municipality.slug} type="info">
          <Paragraph>
            {municipality.name}: {t(municipality.message)}{" "}
            <Link className="nl-link" to={`/${municipality.slug}/beheer/aanmeldingen`}>
              {t("applications.apply.seeApplications", { municipality: municipality.name })}
            </Link>
          </Paragraph>
        </Alert>
      ))}
      {municipalities.length > 0 && <ApplyForm form={form} fields={fields} municipalities={municipalities} />}
    </PageShell>
  );
}

function ApplyForm({
  form,
  fields,
  municipalities,
}: {
  form: FormMetadata<ApplyFields>;
  fields: ReturnType<typeof useForm<ApplyFields>>[1];
  municipalities: { slug: string; name: string }[];
}) {
  const t = useT();
  // Built by hand, not from conform's list: blank rows are not in the submission, yet all three stay on the page.
  const rows = Array.from({ length: CONTACT_ROWS }, (_, i) => contactRow(form, i));
  const contactFields = rows.flatMap((row, i) => [
    { meta: row.name, label: t("applications.contact.name", { n: i + 1 }) },
    { meta: row.email, label: t("applications.contact.email", { n: i + 1 }) },
    { meta: row.role, label: t("applications.contact.role", { n: i + 1 }) },
  ]);
  return (
    <>
      <Paragraph purpose="lead">{t("applications.apply.intro")}</Paragraph>
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.municipality, label: t("applications.municipality") },
          { meta: fields.project, label: t("applications.project") },
          { meta: fields.learningQuestion, label: t("applications.learningQuestion") },
          { meta: fields.commitmentCollege, label: t("applications.commitment.college") },
          { meta: fields.commitmentCouncil, label: t("applications.commitment.council") },
          { meta: fields.commitmentCivilService, label: t("applications.commitment.civilService") },
          ...contactFields,
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <SelectField
          meta={fields.municipality}
          label={t("applications.municipality")}
          options={municipalities.map((m) => ({ value: m.slug, label: m.name }))}
        />
        <TextAreaField
          meta={fields.project}
          label={t("applications.project")}
          description={t("applications.project.hint")}
        />
        <TextAreaField
          meta={fields.learningQuestion}
          label={t("applications.learningQuestion")}
          description={t("applications.learningQuestion.hint")}
        />
        <Fieldset>
          <FieldsetLegend>{t("applications.commitment")}</FieldsetLegend>
          <Paragraph>{t("applications.commitment.hint")}</Paragraph>
          <TextField meta={fields.commitmentCollege} label={t("applications.commitment.college")} />
          <TextField meta={fields.commitmentCouncil} label={t("applications.commitment.council")} />
          <TextField meta={fields.commitmentCivilService} label={t("applications.commitment.civilService")} />
        </Fieldset>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the three rows are fixed places, never reordered
          <Fieldset key={i}>
            <FieldsetLegend>
              {t(i === 0 ? "applications.contact.first" : "applications.contact.more", { n: i + 1 })}
            </FieldsetLegend>
            <ContactRow index={i} row={row} />
          </Fieldset>
        ))}
        <PrimaryActionButton type="submit">{t("applications.apply.submit")}</PrimaryActionButton>
      </Form>
    </>
  );
}

type ApplyFields = {
  municipality: string;
  project: string;
  learningQuestion: string;
  commitmentCollege: string;
  commitmentCouncil: string;
  commitmentCivilService: string;
  contacts: { name: string; email: string; role: string }[];
};
type ContactFields = Record<"name" | "email" | "role", FieldMetadata<string | undefined>>;

const contactFieldNames = ["name", "email", "role"] as const;

/** The metadata `TextField` reads (id, name, value, errors, limit) for one contact row, from the form's last result. */
function contactRow(form: FormMetadata<ApplyFields>, index: number): ContactFields {
  const initial = (form.initialValue?.contacts as Partial<Record<string, string>>[] | undefined)?.[index];
  const entries = contactFieldNames.map((field) => {
    const name = `contacts[${index}].${field}`;
    const meta = {
      id: `apply-contact-${index + 1}-${field}`,
      name,
      errors: form.allErrors[name],
      initialValue: initial?.[field],
      maxLength: applyLimits[`contacts[].${field}`]?.maxLength,
    };
    return [field, meta as unknown as FieldMetadata<string | undefined>];
  });
  return Object.fromEntries(entries) as ContactFields;
}

/** Rows after the first are optional; without JavaScript all three are on the page from the start. */
function ContactRow({ index, row }: { index: number; row: ContactFields }) {
  const t = useT();
  const n = index + 1;
  return (
    <>
      <TextField meta={row.name} label={t("applications.contact.name", { n })} autoComplete="off" />
      <TextField meta={row.email} label={t("applications.contact.email", { n })} type="email" autoComplete="off" />
      <TextField meta={row.role} label={t("applications.contact.role", { n })} autoComplete="off" />
    </>
  );
}
