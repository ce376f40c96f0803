import type { FieldMetadata } from "@conform-to/react";
import { SelectField } from "../../components/choice-fields.tsx";
import { TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useT } from "../../i18n/use-translation.ts";

type Field = FieldMetadata<string | undefined>;

/** The names of a lesson's text fields, for the fields themselves and for the error summary above them. */
export function useLessonTextLabels() {
  const t = useT();
  return {
    theme: t("knowledge.staff.lessonTheme"),
    title: t("knowledge.staff.lessonTitle"),
    body: t("knowledge.staff.body"),
  };
}

/** What a lesson says, on the form that records it and on the one that corrects it: its theme comes from one list. */
export function LessonTextFields({
  fields,
  themes,
}: {
  fields: { theme: Field; title: Field; body: Field };
  themes: string[];
}) {
  const labels = useLessonTextLabels();
  return (
    <>
      <SelectField
        meta={fields.theme}
        label={labels.theme}
        options={themes.map((theme) => ({ value: theme, label: theme }))}
      />
      <TextField meta={fields.title} label={labels.title} required />
      <TextAreaField meta={fields.body} label={labels.body} rows={10} required />
    </>
  );
}
