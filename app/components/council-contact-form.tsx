import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form } from "react-router";
import type { z } from "zod";
import type { contactCouncilForm } from "../forms/councils.ts";
import { contactCouncilLimits } from "../forms/councils-limits.ts";
import { useT } from "../i18n/use-translation.ts";
import { Notice } from "./choice-fields.tsx";
import { ErrorSummary, HoneypotField, TextAreaField, TextField } from "./form-fields.tsx";
import { useFormFor, useNotice } from "./page-forms.ts";

/**
 * A council's contact form on its public page. The message reaches its secretary by e-mail; the visitor never sees
 * the secretary's address. Without a secretary there is no one to reach, and the page says so instead.
 */
export function CouncilContactForm({ canContact }: { canContact: boolean }) {
  const t = useT();
  const sent = useNotice({ verstuurd: "councils.contact.sent" });
  const [form, fields] = useFormFor<z.input<typeof contactCouncilForm>>("contact", {
    constraint: contactCouncilLimits,
  });
  return (
    <section aria-labelledby="contactformulier" className="samenspel-panel">
      <Heading level={2} id="contactformulier">
        {t("councils.contact.title")}
      </Heading>
      <Notice message={sent} />
      {!canContact ? (
        <Paragraph>{t("councils.contact.noSecretary")}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("councils.contact.intro")}</Paragraph>
          <Form method="post" {...getFormProps(form)}>
            <ErrorSummary
              formErrors={form.errors}
              fields={[
                { meta: fields.name, label: t("councils.contact.name") },
                { meta: fields.email, label: t("councils.contact.email") },
                { meta: fields.message, label: t("councils.contact.message") },
              ]}
            />
            <HoneypotField />
            <TextField meta={fields.name} label={t("councils.contact.name")} autoComplete="name" required />
            <TextField
              meta={fields.email}
              label={t("councils.contact.email")}
              type="email"
              autoComplete="email"
              required
            />
            <TextAreaField meta={fields.message} label={t("councils.contact.message")} required />
            <Paragraph>{t("councils.contact.privacy")}</Paragraph>
            <PrimaryActionButton type="submit">{t("councils.contact.submit")}</PrimaryActionButton>
          </Form>
        </>
      )}
    </section>
  );
}
