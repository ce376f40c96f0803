import { getFormProps, useForm } from "@conform-to/react";
import { Heading1, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import { listTrajectoryThemes, requestNewsletterSubscription } from "../../../src/domain/programme/index.ts";
import { CheckboxGroupField, Notice } from "../../components/choice-fields.tsx";
import { ErrorSummary, HoneypotField, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { subscribeForm } from "../../forms/participation.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { inProgramme } from "../../server/participation.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import { limitMailingForm } from "../../server/rate-limits.server.ts";
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
    await limitMailingForm(context, "newsletter", email);
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
        <CheckboxGroupField
          meta={fields.themes}
          legend={t("participation.newsletter.themes")}
          options={themes.map((theme) => ({ value: theme, label: theme, lang: "nl" }))}
        />
        <PrimaryActionButton type="submit">{t("participation.newsletter.submit")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
