import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form } from "react-router";
import type { z } from "zod";
import type { followOneOfForm } from "../forms/following.ts";
import { useT } from "../i18n/use-translation.ts";
import { SelectField } from "./choice-fields.tsx";
import { ErrorSummary, HoneypotField, TextField } from "./form-fields.tsx";
import { useFormFor } from "./page-forms.ts";

/**
 * "Follow this by e-mail": one address, a confirmation mail first (ADR 0011). Posts with the intent `follow`. With
 * `choice`, the visitor picks which of several things to follow (`subject`, see `followOneOfForm`).
 */
export function FollowForm({
  title,
  intro,
  choice,
}: {
  title: string;
  intro: string;
  choice?: { label: string; options: ReadonlyArray<{ value: string; label: string }> };
}) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof followOneOfForm>>("follow");
  const email = t("processes.follow.email");
  return (
    <section aria-labelledby="volgen" className="samenspel-panel">
      <Heading level={2} id="volgen">
        {title}
      </Heading>
      <Paragraph>{intro}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="follow" />
        <HoneypotField />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            ...(choice ? [{ meta: fields.subject, label: choice.label }] : []),
            { meta: fields.email, label: email },
          ]}
        />
        {choice && <SelectField meta={fields.subject} label={choice.label} options={choice.options} />}
        <TextField meta={fields.email} label={email} type="email" autoComplete="email" />
        <PrimaryActionButton type="submit">{t("processes.follow.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
