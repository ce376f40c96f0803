import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form } from "react-router";
import type { z } from "zod";
import type { followForm } from "../forms/following.ts";
import { useT } from "../i18n/use-translation.ts";
import { ErrorSummary, HoneypotField, TextField } from "./form-fields.tsx";
import { useFormFor } from "./page-forms.ts";

/** "Follow this by e-mail": one address, a confirmation mail first (ADR 0011). Posts with the intent `follow`. */
export function FollowForm({ title, intro }: { title: string; intro: string }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof followForm>>("follow");
  return (
    <section aria-labelledby="volgen" className="samenspel-panel">
      <Heading level={2} id="volgen">
        {title}
      </Heading>
      <Paragraph>{intro}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="follow" />
        <HoneypotField />
        <ErrorSummary formErrors={form.errors} fields={[{ meta: fields.email, label: t("processes.follow.email") }]} />
        <TextField meta={fields.email} label={t("processes.follow.email")} type="email" autoComplete="email" />
        <PrimaryActionButton type="submit">{t("processes.follow.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
