import type { FieldMetadata } from "@conform-to/react";
import {
  Alert,
  FormFieldDescription,
  FormFieldTextarea,
  FormFieldTextbox,
  Heading2,
  Paragraph,
} from "@utrecht/component-library-react";
import type { ComponentProps } from "react";
import { useT } from "../i18n/use-translation.ts";
import { FieldShell, useErrorText } from "./field-shell.tsx";

type TextFieldProps = {
  meta: FieldMetadata<string | undefined>;
  label: string;
  description?: string;
} & Pick<ComponentProps<typeof FormFieldTextbox>, "type" | "autoComplete" | "required" | "inputDir">;

/**
 * The limit of a text field, from its form's limits module (`app/forms/*-limits.ts`, passed to the form as
 * `constraint`): the `maxLength` of the input and a line under it, "Maximaal N tekens", that the input names in its
 * `aria-describedby` (the Utrecht form field's status), so it is read out with the field.
 */
export function useLengthLimit(meta: { maxLength?: number | undefined }) {
  const t = useT();
  const { maxLength } = meta;
  if (maxLength === undefined) return {};
  return {
    maxLength,
    status: <FormFieldDescription>{t("form.maxLength", { max: maxLength })}</FormFieldDescription>,
  };
}

/**
 * The limit of a raw text box outside `TextField` (a row of boxes, a form answered by one message for the page),
 * stated as `useLengthLimit` states it: put it under the box, and name `limitId(id)` in the box's `aria-describedby`.
 */
export function LengthLimitNote({ id, maxLength }: { id: string; maxLength: number | undefined }) {
  const t = useT();
  if (maxLength === undefined) return null;
  return (
    <p className="utrecht-form-field-description" id={limitId(id)}>
      {t("form.maxLength", { max: maxLength })}
    </p>
  );
}

export const limitId = (id: string) => `${id}-limit`;

/** A labelled text box whose description, length limit and error are announced with it. */
export function TextField({ meta, label, description, ...input }: TextFieldProps) {
  const errorText = useErrorText()(meta.errors);
  return (
    <FormFieldTextbox
      id={meta.id}
      name={meta.name}
      label={label}
      description={description}
      defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : undefined}
      invalid={Boolean(errorText)}
      errorMessage={errorText}
      {...useLengthLimit(meta)}
      {...input}
    />
  );
}

/**
 * A labelled file input (a CSV, a receipt, a photo) whose description and error are announced with it. The NL Design
 * System has no file field yet, so this is the Utrecht form-field markup around a plain input.
 */
export function FileField({
  meta,
  label,
  description,
  accept,
}: {
  meta: { id: string; name: string; errors?: string[] };
  label: string;
  description?: string;
  accept: string;
}) {
  return (
    <FieldShell meta={meta} label={label} description={description}>
      {(input) => <input type="file" accept={accept} className="utrecht-textbox" {...input} />}
    </FieldShell>
  );
}

/** A labelled multi-line text box, for answers longer than a line, with its length limit stated like `TextField`'s. */
export function TextAreaField({
  meta,
  label,
  description,
  rows = 5,
  required,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  description?: string;
  rows?: number;
  required?: boolean;
}) {
  const errorText = useErrorText()(meta.errors);
  return (
    <FormFieldTextarea
      id={meta.id}
      name={meta.name}
      label={label}
      description={description}
      rows={rows}
      required={required}
      defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : undefined}
      invalid={Boolean(errorText)}
      errorMessage={errorText}
      {...useLengthLimit(meta)}
    />
  );
}

/**
 * The list of what to fix, above the form: focused on arrival so screen-reader users hear it, each item a link
 * to its field (WCAG 3.3.1).
 */
/**
 * A line of the error summary: the field's label, then what is wrong. A label that is a sentence ("…aanmelden.") or a
 * question ("Wie mag zich aanmelden?") keeps its own ending instead of getting ": " after it.
 */
export function summaryLine(label: string, error: string): string {
  if (/[?!]$/.test(label)) return `${label} ${error}`;
  return `${label.replace(/[.:]$/, "")}: ${error}`;
}

export function ErrorSummary({
  formErrors,
  fields,
}: {
  formErrors?: string[] | undefined;
  fields: ReadonlyArray<{ meta: FieldMetadata<unknown>; label: string }>;
}) {
  const t = useT();
  const errorText = useErrorText();
  const invalid = fields.filter((field) => field.meta.errors?.length);
  if (!formErrors?.length && invalid.length === 0) return null;
  return (
    <Alert type="error" role="alert">
      <Heading2>{t("form.errorSummary")}</Heading2>
      {formErrors?.map((error) => (
        <Paragraph key={error}>{errorText([error])}</Paragraph>
      ))}
      {invalid.length > 0 && (
        <ul>
          {invalid.map(({ meta, label }) => (
            <li key={meta.id}>
              <a className="utrecht-link" href={`#${meta.id}`}>
                {summaryLine(label, errorText(meta.errors) ?? "")}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** Invisible to people and assistive technology; see `honeypot` in app/forms/fields.ts. */
export function HoneypotField() {
  return (
    <div className="samenspel-honeypot" aria-hidden="true">
      <label>
        Website
        <input type="text" name="website" tabIndex={-1} autoComplete="off" />
      </label>
    </div>
  );
}

/** See `formKey` in app/forms/fields.ts: the key the form came back with, else the one made for this showing. */
export function FormKeyField({ meta, fresh }: { meta: FieldMetadata<string | undefined>; fresh: string }) {
  return (
    <input type="hidden" name={meta.name} value={typeof meta.initialValue === "string" ? meta.initialValue : fresh} />
  );
}
