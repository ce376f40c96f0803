import type { FieldMetadata } from "@conform-to/react";
import { SelectField } from "../../components/choice-fields.tsx";
import { TextAreaField, TextField } from "../../components/form-fields.tsx";
import { useT } from "../../i18n/use-translation.ts";

type Field = FieldMetadata<string | undefined>;

/** What a lesson says, on the form that records it and on the one that corrects it: its theme comes from one list. */
export function LessonTextFields({
  fields,
  themes,
}: {
  fields: { theme: Field; title: Field; body: Field };
  themes: string[];
}) {
  const t = useT();
  return (
    <>
      <SelectField
        meta={fields.theme}
        label={t("knowledge.staff.lessonTheme")}
        options={themes.map((theme) => ({ value: theme, label: theme }))}
      />
      <TextField meta={fields.title} label={t("knowledge.staff.lessonTitle")} required />
      <TextAreaField meta={fields.body} label={t("knowledge.staff.body")} rows={10} required />
    </>
  );
}
