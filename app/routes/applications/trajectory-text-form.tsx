import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form } from "react-router";
import type { z } from "zod";
import { CheckboxField } from "../../components/choice-fields.tsx";
import { useCostShareRule } from "../../components/cost-share-rule.tsx";
import { ErrorSummary } from "../../components/form-fields.tsx";
import { useFormFor } from "../../components/page-forms.ts";
import type { describeTrajectoryForm } from "../../forms/applications.ts";
import { useT } from "../../i18n/use-translation.ts";

/** What the public page of a trajectory states beyond its facts, as staff set it; a plain form, no JavaScript needed. */
export function TrajectoryTextForm({ sharesLocalSupport }: { sharesLocalSupport: boolean }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof describeTrajectoryForm>>("describe", {
    defaultValue: sharesLocalSupport ? { sharesLocalSupport: "on" } : {},
  });
  const rule = useCostShareRule();
  return (
    <section aria-labelledby="tekst" className="samenspel-panel">
      <Heading level={2} id="tekst">
        {t("trajectory.staff.text")}
      </Heading>
      <ErrorSummary
        formErrors={form.errors}
        fields={[{ meta: fields.sharesLocalSupport, label: t("trajectory.staff.sharesLocalSupport") }]}
      />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="describe" />
        <Paragraph>{t("trajectory.staff.ruleIs", { rule })}</Paragraph>
        <CheckboxField meta={fields.sharesLocalSupport} label={t("trajectory.staff.sharesLocalSupport")} />
        <PrimaryActionButton type="submit">{t("trajectory.staff.save")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
