import { type FieldMetadata, type FormMetadata, getFormProps } from "@conform-to/react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { ErrorSummary, HoneypotField, TextField } from "./form-fields.tsx";

/**
 * A form that asks for one e-mail address to send a link to: a sign-in link, or the links an initiator lost. Both
 * answer the same whether the address is known or not, and both carry the honeypot that keeps bots out.
 */
export function EmailLinkForm<Schema extends Record<string, unknown>>({
  form,
  email,
  label,
  description,
  submit,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  email: FieldMetadata<string | undefined>;
  label: string;
  description?: string;
  submit: string;
  /** Hidden fields that travel with the address. */
  children?: ReactNode;
}) {
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={[{ meta: email, label }]} />
      <Form method="post" {...getFormProps(form)}>
        {children}
        <HoneypotField />
        <TextField meta={email} label={label} description={description} type="email" autoComplete="email" required />
        <PrimaryActionButton type="submit">{submit}</PrimaryActionButton>
      </Form>
    </>
  );
}
