import type { FieldMetadata } from "@conform-to/react";
import { Alert, Fieldset, FieldsetLegend, Paragraph } from "@utrecht/component-library-react";
import { FieldShell, useErrorText } from "./field-shell.tsx";

/** A single checkbox, ticked when its initial value is "on", with its error announced with it. */
export function CheckboxField({ meta, label }: { meta: FieldMetadata<string | undefined>; label: string }) {
  return (
    <FieldShell meta={meta} label={label} labelAfter>
      {(input) => (
        <input
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          defaultChecked={meta.initialValue === "on"}
          {...input}
        />
      )}
    </FieldShell>
  );
}

/** A labelled drop-down list. */
export function SelectField({
  meta,
  label,
  description,
  options,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  description?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <FieldShell meta={meta} label={label} description={description}>
      {(input) => (
        <select
          className="utrecht-select utrecht-select--html-select"
          defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : options[0]?.value}
          {...input}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** A group of checkboxes for a field that takes several values (themes, kinds of support, areas). */
export function CheckboxGroupField({
  meta,
  legend,
  description,
  options,
}: {
  meta: FieldMetadata<unknown>;
  legend: string;
  description?: string;
  options: ReadonlyArray<{ value: string; label: string; lang?: string }>;
}) {
  const error = useErrorText()(meta.errors);
  const errorId = `${meta.id}-error`;
  const descriptionId = `${meta.id}-description`;
  const describedBy = [description && descriptionId, error && errorId].filter(Boolean).join(" ");
  const chosen = new Set(
    ([] as unknown[]).concat(meta.initialValue ?? []).filter((v): v is string => typeof v === "string"),
  );
  return (
    <Fieldset id={meta.id} invalid={Boolean(error)} aria-describedby={describedBy || undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && (
        <p className="utrecht-form-field-description" id={descriptionId}>
          {description}
        </p>
      )}
      {error && (
        <p className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </p>
      )}
      {options.map((option, index) => (
        // The single checkbox's flex row (`FieldShell`'s `labelAfter`): the Utrecht checkbox grid put the label in
        // the box's own narrow column, so each word broke every few letters.
        <div className="utrecht-form-field" key={option.value}>
          <div className="samenspel-checkbox">
            <input
              type="checkbox"
              id={`${meta.id}-${index}`}
              name={meta.name}
              value={option.value}
              defaultChecked={chosen.has(option.value)}
              className="utrecht-checkbox utrecht-checkbox--html-input"
            />{" "}
            <label
              className="utrecht-form-label utrecht-form-label--checkbox"
              htmlFor={`${meta.id}-${index}`}
              lang={option.lang}
            >
              {option.label}
            </label>
          </div>
        </div>
      ))}
    </Fieldset>
  );
}

/** A confirmation after a redirect (`?melding=…`), read out by screen readers when it appears. */
export function Notice({ message, type = "ok" }: { message: string | undefined; type?: "ok" | "info" | "error" }) {
  if (!message) return null;
  return (
    <Alert type={type} role="status">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
