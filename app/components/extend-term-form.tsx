import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form } from "react-router";
import { extendTermLimits } from "../forms/initiatives-limits.ts";
import { useT } from "../i18n/use-translation.ts";
import { ErrorSummary, TextAreaField } from "./form-fields.tsx";
import { useFormFor } from "./page-forms.ts";

/**
 * Staff take the one extension of a decision term (a fund's application, an uitdaagrecht request), with the reason
 * the applicant reads in a mail. Posts `intent=extend` and `reason`.
 */
export function ExtendTermForm({ intro }: { intro: string }) {
  const t = useT();
  const [form, fields] = useFormFor<{ reason: string }>("extend", { constraint: extendTermLimits });
  return (
    <section aria-labelledby="verlengen" className="samenspel-panel">
      <Heading level={2} id="verlengen">
        {t("initiatives.extend.title")}
      </Heading>
      <Paragraph>{intro}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="extend" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.reason, label: t("initiatives.extend.reason") }]}
        />
        <TextAreaField
          meta={fields.reason}
          label={t("initiatives.extend.reason")}
          description={t("initiatives.extend.reason.hint")}
          rows={3}
          required
        />
        <PrimaryActionButton type="submit">{t("initiatives.extend.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
