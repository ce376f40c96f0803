import { getFormProps, useForm } from "@conform-to/react";
import { Fieldset, FieldsetLegend, Heading1, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import { listTrajectoryThemes, requestNewsletterSubscription } from "../../../src/domain/programme/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { ErrorSummary, HoneypotField, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { subscribeForm } from "../../forms/participation.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { inProgramme, limitNewsletterRequests } from "../../server/participation.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import { identityErrors } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/newsletter";

const SENT = "/nieuwsbrief?melding=verstuurd";

export async function loader({ context }: Route.LoaderArgs) {
  return { themes: (await readProgramme(context, (tx, tenantId) => listTrajectoryThemes(tx, tenantId))) ?? [] };
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = await parseForm(request, subscribeForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const { email, themes, website } = submission.value;
  // A bot that filled the hidden field gets the same answer as everyone, and no mail.
  if (website) return redirect(SENT);
  try {
    await limitNewsletterRequests(context, email);
  } catch (error) {
    return replyWithDomainError(error, submission, identityErrors);
  }
  const locale = await localeOf(request);
  const { publicUrl } = services(context).config;
  const known = await inProgramme(context, undefined, async (tx, tenantId) => {
    const offered = await listTrajectoryThemes(tx, tenantId);
    if (!themes.every((theme) => offered.includes(theme))) return false;
    await requestNewsletterSubscription(tx, {
      tenantId,
      email,
      themes,
      locale,
      linkFor: (token) => `${publicUrl}/nieuwsbrief/bevestigen/${token}`,
      now: new Date(),
    });
    return true;
  });
  if (!known) return invalidForm(submission.reply({ fieldErrors: { themes: ["participation.form.unknownChoice"] } }));
  return redirect(SENT);
}

export default function Newsletter({ loaderData: { themes }, actionData }: Route.ComponentProps) {
  const t = useT();
  const [search] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof subscribeForm>>({ id: "nieuwsbrief", lastResult: actionData?.result });
  const themeError = fields.themes.errors?.map((key) => t(key as MessageKey)).join(" ");
  const chosen = new Set(
    ([] as unknown[]).concat(fields.themes.initialValue ?? []).filter((v): v is string => typeof v === "string"),
  );
  return (
    <PageShell title={t("participation.newsletter.title")}>
      <Heading1>{t("participation.newsletter.title")}</Heading1>
      <Notice message={search.get("melding") === "verstuurd" ? t("participation.newsletter.sent") : undefined} />
      <Paragraph>{t("participation.newsletter.intro")}</Paragraph>
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.email, label: t("participation.newsletter.email") },
          { meta: fields.themes, label: t("participation.newsletter.themes") },
        ]}
      />
      <Form method="post" {...getFormProps(form)}>
        <HoneypotField />
        <TextField
          meta={fields.email}
          label={t("participation.newsletter.email")}
          type="email"
          autoComplete="email"
          required
        />
        <Fieldset
          id={fields.themes.id}
          invalid={Boolean(themeError)}
          aria-describedby={themeError ? `${fields.themes.id}-error` : undefined}
        >
          <FieldsetLegend>{t("participation.newsletter.themes")}</FieldsetLegend>
          {themeError && (
            <p className="utrecht-form-field-error-message" id={`${fields.themes.id}-error`}>
              {themeError}
            </p>
          )}
          {themes.map((theme, index) => (
            <div className="utrecht-form-field utrecht-form-field--checkbox" key={theme}>
              <div className="utrecht-form-field__input">
                <input
                  type="checkbox"
                  id={`thema-${index}`}
                  name="themes"
                  value={theme}
                  defaultChecked={chosen.has(theme)}
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                />{" "}
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`thema-${index}`} lang="nl">
                  {theme}
                </label>
              </div>
            </div>
          ))}
        </Fieldset>
        <PrimaryActionButton type="submit">{t("participation.newsletter.submit")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
