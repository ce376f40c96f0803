import { FormLabel, Select, SelectOption } from "@utrecht/component-library-react";
import { useContentLang } from "../i18n/use-translation.ts";

/** The `thema` drop-down of a GET filter form: "all" first, then the themes, which are Dutch content. */
export function ThemeSelect({
  label,
  allLabel,
  themes,
  selected,
}: {
  label: string;
  allLabel: string;
  themes: readonly string[];
  selected: string | undefined;
}) {
  const lang = useContentLang();
  return (
    <div className="utrecht-form-field utrecht-form-field--select">
      <FormLabel htmlFor="thema">{label}</FormLabel>
      <Select id="thema" name="thema" defaultValue={selected ?? ""}>
        <SelectOption value="">{allLabel}</SelectOption>
        {themes.map((option) => (
          <SelectOption key={option} value={option} lang={lang}>
            {option}
          </SelectOption>
        ))}
      </Select>
    </div>
  );
}
