import type { ReactNode } from "react";
import type { MessageKey } from "../i18n/catalogue.ts";
import { useT } from "../i18n/use-translation.ts";

/** Error texts from the server are catalogue keys (see app/forms/fields.ts); translate them for the reader. */
export function useErrorText() {
  const t = useT();
  return (errors: string[] | undefined) =>
    errors?.length ? errors.map((e) => t(e as MessageKey)).join(" ") : undefined;
}

type ShellField = { id: string; name: string; errors?: string[] | undefined };

/** What an input inside the shell needs, so its description and error are announced with it. */
export type ShellInput = {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/**
 * The Utrecht form-field markup around an input the NL Design System has no form field for (a file, a select, a
 * checkbox): label, description and error, tied to the input by id. A checkbox puts its label after the box.
 */
export function FieldShell({
  meta,
  label,
  description,
  labelAfter = false,
  children,
}: {
  meta: ShellField;
  label: string;
  description?: string | undefined;
  labelAfter?: boolean;
  children: (input: ShellInput) => ReactNode;
}) {
  const error = useErrorText()(meta.errors);
  const descriptionId = `${meta.id}-description`;
  const errorId = `${meta.id}-error`;
  const describedBy = [description && descriptionId, error && errorId].filter(Boolean).join(" ");
  const input = children({
    id: meta.id,
    name: meta.name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  });
  const labelElement = (
    <label className={`utrecht-form-label${labelAfter ? " utrecht-form-label--checkbox" : ""}`} htmlFor={meta.id}>
      {label}
    </label>
  );
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      {!labelAfter && <div className="utrecht-form-field__label">{labelElement}</div>}
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
      {labelAfter ? (
        <div className="samenspel-checkbox">
          {input}
          {labelElement}
        </div>
      ) : (
        <div className="utrecht-form-field__input">{input}</div>
      )}
    </div>
  );
}
