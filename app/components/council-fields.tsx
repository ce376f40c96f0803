import type { FieldMetadata } from "@conform-to/react";
import type { CouncilBasis, CouncilKind } from "../../src/domain/councils/index.ts";
import { useT } from "../i18n/use-translation.ts";
import { CheckboxGroupField, SelectField } from "./choice-fields.tsx";
import { TextAreaField, TextField } from "./form-fields.tsx";

type Field = FieldMetadata<string | undefined>;

export type CouncilFieldsMeta = {
  name: Field;
  kind: Field;
  areas: FieldMetadata<unknown>;
  basis: Field;
  basisUrl: Field;
  description: Field;
  memberSeats: Field;
};

export type CouncilChoices = {
  kinds: readonly CouncilKind[];
  bases: readonly CouncilBasis[];
  areas: ReadonlyArray<{ id: string; name: string; code: string }>;
};

/** The fields that say what a council is, shared by the staff's form to create one and the form to change it. */
export function CouncilFields({ fields, choices }: { fields: CouncilFieldsMeta; choices: CouncilChoices }) {
  const t = useT();
  return (
    <>
      <TextField meta={fields.name} label={t("councils.field.name")} required />
      <SelectField
        meta={fields.kind}
        label={t("councils.field.kind")}
        options={choices.kinds.map((kind) => ({ value: kind, label: t(`councils.kind.${kind}`) }))}
      />
      <CheckboxGroupField
        meta={fields.areas}
        legend={t("councils.field.areas")}
        description={t("councils.field.areas.hint")}
        options={choices.areas.map((area) => ({ value: area.id, label: `${area.name} (${area.code})` }))}
      />
      <SelectField
        meta={fields.basis}
        label={t("councils.field.basis")}
        options={choices.bases.map((basis) => ({ value: basis, label: t(`councils.basisOption.${basis}`) }))}
      />
      <TextField
        meta={fields.basisUrl}
        label={t("councils.field.basisUrl")}
        description={t("councils.field.basisUrl.hint")}
        type="url"
      />
      <TextAreaField meta={fields.description} label={t("councils.field.description")} />
      <TextField
        meta={fields.memberSeats}
        label={t("councils.field.memberSeats")}
        description={t("councils.field.memberSeats.hint")}
      />
    </>
  );
}

/** The labels of the council fields, in the order of the form, for its error summary. */
export function councilFieldLabels(fields: CouncilFieldsMeta, t: ReturnType<typeof useT>) {
  return [
    { meta: fields.name, label: t("councils.field.name") },
    { meta: fields.kind, label: t("councils.field.kind") },
    { meta: fields.areas, label: t("councils.field.areas") },
    { meta: fields.basis, label: t("councils.field.basis") },
    { meta: fields.basisUrl, label: t("councils.field.basisUrl") },
    { meta: fields.description, label: t("councils.field.description") },
    { meta: fields.memberSeats, label: t("councils.field.memberSeats") },
  ];
}
