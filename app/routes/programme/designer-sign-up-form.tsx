import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form } from "react-router";
import type { z } from "zod";
import { CheckboxField, Notice } from "../../components/choice-fields.tsx";
import { ErrorSummary, HoneypotField, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import type { designerSignUpForm } from "../../forms/applications.ts";
import { designerSignUpLimits } from "../../forms/applications-limits.ts";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";

/** The form id the trajectory page's action answers for. */
export const DESIGNER_FORM = "ontwerper";

/**
 * "Aanmelden als ontwerper" on a trajectory's public page, when staff turned it on: designers and city makers sign up
 * without an account (ADR 0035). A plain form, so it works without JavaScript; after the deadline the section says
 * until when it was possible instead.
 */
export function DesignerSignUpForm({ open, deadline }: { open: boolean; deadline: string | null }) {
  const t = useT();
  const locale = useLocale();
  const sent = useNotice({ ontwerper: "designers.sent" });
  const [form, fields] = useFormFor<z.input<typeof designerSignUpForm>>(DESIGNER_FORM, {
    constraint: designerSignUpLimits,
  });
  const date = deadline ? formatCalendarDate(locale, deadline) : "";
  return (
    <section aria-labelledby="ontwerpers" className="samenspel-panel">
      <Heading level={2} id="ontwerpers">
        {t("designers.public.title")}
      </Heading>
      <Notice message={sent} />
      {!open ? (
        <Paragraph>{t("designers.public.closed", { date })}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("designers.public.intro")}</Paragraph>
          {deadline && <Paragraph>{t("designers.public.deadline", { date })}</Paragraph>}
          <Form method="post" {...getFormProps(form)}>
            <ErrorSummary
              formErrors={form.errors}
              fields={[
                { meta: fields.name, label: t("designers.form.name") },
                { meta: fields.email, label: t("designers.form.email") },
                { meta: fields.organisation, label: t("designers.form.organisation") },
                { meta: fields.motivation, label: t("designers.form.motivation") },
                { meta: fields.consent, label: t("designers.form.consent") },
              ]}
            />
            <HoneypotField />
            <TextField meta={fields.name} label={t("designers.form.name")} autoComplete="name" required />
            <TextField
              meta={fields.email}
              label={t("designers.form.email")}
              type="email"
              autoComplete="email"
              required
            />
            <TextField
              meta={fields.organisation}
              label={t("designers.form.organisation")}
              description={t("designers.form.organisationHelp")}
              autoComplete="organization"
              required
            />
            <TextAreaField
              meta={fields.motivation}
              label={t("designers.form.motivation")}
              description={t("designers.form.motivationHelp")}
              required
            />
            <CheckboxField meta={fields.consent} label={t("designers.form.consent")} />
            <Paragraph>{t("designers.form.privacy")}</Paragraph>
            <PrimaryActionButton type="submit">{t("designers.form.submit")}</PrimaryActionButton>
          </Form>
        </>
      )}
    </section>
  );
}
