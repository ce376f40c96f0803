import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link } from "react-router";
import type { z } from "zod";
import { CheckboxField } from "../../components/choice-fields.tsx";
import { useCostShareRule } from "../../components/cost-share-rule.tsx";
import { ErrorSummary, TextAreaField } from "../../components/form-fields.tsx";
import { useFormFor } from "../../components/page-forms.ts";
import type { describeTrajectoryForm } from "../../forms/applications.ts";
import { MORE_TEXT_LIMIT } from "../../forms/applications-limits.ts";
import { useT } from "../../i18n/use-translation.ts";

/** What the public page of a trajectory states beyond its facts, as staff set it; a plain form, no JavaScript needed. */
export function TrajectoryTextForm({
  trajectory,
}: {
  trajectory: { slug: string; sharesLocalSupport: boolean; takesDesignerSignUps: boolean; moreText: string };
}) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof describeTrajectoryForm>>("describe", {
    defaultValue: {
      moreText: trajectory.moreText,
      ...(trajectory.sharesLocalSupport ? { sharesLocalSupport: "on" } : {}),
      ...(trajectory.takesDesignerSignUps ? { takesDesignerSignUps: "on" } : {}),
    },
  });
  const rule = useCostShareRule();
  return (
    <section aria-labelledby="tekst" className="samenspel-panel">
      <Heading level={2} id="tekst">
        {t("trajectory.staff.text")}
      </Heading>
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.sharesLocalSupport, label: t("trajectory.staff.sharesLocalSupport") },
          { meta: fields.takesDesignerSignUps, label: t("designers.setting") },
          { meta: fields.moreText, label: t("trajectory.more") },
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="describe" />
        <Paragraph>{t("trajectory.staff.ruleIs", { rule })}</Paragraph>
        <CheckboxField meta={fields.sharesLocalSupport} label={t("trajectory.staff.sharesLocalSupport")} />
        <CheckboxField meta={fields.takesDesignerSignUps} label={t("designers.setting")} />
        <TextAreaField
          meta={fields.moreText}
          label={t("trajectory.more")}
          description={t("trajectory.staff.moreTextHelp", { max: MORE_TEXT_LIMIT })}
          rows={16}
        />
        <Paragraph>
          <Link className="nl-link" to={`/programma/trajecten/${trajectory.slug}#meer`}>
            {t("trajectory.staff.publicPage")}
          </Link>
        </Paragraph>
        <PrimaryActionButton type="submit">{t("trajectory.staff.save")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
