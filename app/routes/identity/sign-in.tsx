import { getFormProps } from "@conform-to/react";
import { Heading1, Heading2, Paragraph, SecondaryActionButton } from "@utrecht/component-library-react";
import { Form, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import { withPlatform } from "../../../src/db/index.ts";
import { IdentityError, requestMagicLink, signInWithPassword } from "../../../src/domain/identity/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { EmailLinkForm } from "../../components/email-link-form.tsx";
import { ErrorSummary, HoneypotField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { magicLinkForm, passwordSignInForm } from "../../forms/identity.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { safeReturnPath } from "../../server/return-path.server.ts";
import { afterSignIn } from "../../server/session.server.ts";
import { identityErrors, limitSignInAttempts, passwordLockout } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/sign-in";

const notices = { verwijderd: "signIn.accountDeleted", uitgelogd: "signIn.signedOut" } as const satisfies Record<
  string,
  MessageKey
>;

export function loader({ context }: Route.LoaderArgs) {
  return { oidcName: services(context).config.oidc?.name };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await readForm(request);
  const intent = formData.get("intent") === "password" ? "password" : "magic-link";
  const { db, config, queue } = services(context);

  if (intent === "magic-link") {
    const submission = parseFormData(formData, magicLinkForm);
    if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
    const { email, terug, website } = submission.value;
    // A bot that filled the hidden field gets the same answer as everyone, and no mail.
    if (website) return redirect("/inloggen/verstuurd");
    try {
      await limitSignInAttempts(context, `link:${email}`);
      const locale = await localeOf(request);
      await withPlatform(db, (tx) =>
        requestMagicLink(tx, {
          email,
          locale,
          returnTo: safeReturnPath(terug, "/account"),
          linkFor: (token) => `${config.publicUrl}/inloggen/link/${token}`,
          now: new Date(),
        }),
      );
      queue.wake();
      return redirect("/inloggen/verstuurd");
    } catch (error) {
      return forForm(intent, replyWithDomainError(error, submission, identityErrors));
    }
  }

  const submission = parseFormData(formData, passwordSignInForm);
  if (submission.status !== "success") {
    return forForm(intent, invalidForm(submission.reply({ hideFields: ["password"] })));
  }
  const { email, password, terug, website } = submission.value;
  const lockout = passwordLockout(context, email);
  try {
    await limitSignInAttempts(context);
    await lockout.check();
    if (website) throw new IdentityError("identity.credentials-invalid");
    const result = await withPlatform(db, (tx) =>
      signInWithPassword(tx, {
        email,
        password,
        returnTo: safeReturnPath(terug, "/account"),
        userAgent: request.headers.get("User-Agent"),
        now: new Date(),
      }),
    ).catch(async (error) => {
      if (isDomainError(error) && error.code === "identity.credentials-invalid") await lockout.failed();
      throw error;
    });
    await lockout.succeeded();
    return afterSignIn(context, result);
  } catch (error) {
    const withoutPassword = { reply: (o: object) => submission.reply({ ...o, hideFields: ["password"] }) };
    return forForm(intent, replyWithDomainError(error, withoutPassword, identityErrors));
  }
}

export default function SignIn({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const terug = params.get("terug") ?? "";
  const notice = useNotice(notices);
  const oidcFailed = params.get("fout") === "oidc";
  // Two forms post here; the hidden `intent` tells whose answer it is.
  const [linkForm, linkFields] = useFormFor<z.input<typeof magicLinkForm>>("magic-link");
  const [passwordForm, passwordFields] = useFormFor<z.input<typeof passwordSignInForm>>("password");
  return (
    <PageShell>
      <title>{`${t("signIn.title")} – ${t("site.name")}`}</title>
      <Heading1>{t("signIn.title")}</Heading1>
      <Notice message={notice} />
      {oidcFailed && loaderData.oidcName && (
        <Notice type="error" message={t("signIn.oidc.failed", { name: loaderData.oidcName })} />
      )}
      <Paragraph appearance="lead">{t("signIn.intro")}</Paragraph>

      <Heading2>{t("signIn.link.title")}</Heading2>
      <EmailLinkForm
        form={linkForm}
        email={linkFields.email}
        label={t("signIn.email.label")}
        description={t("signIn.email.description")}
        submit={t("signIn.link.submit")}
      >
        <input type="hidden" name="intent" value="magic-link" />
        <input type="hidden" name="terug" value={terug} />
      </EmailLinkForm>

      {loaderData.oidcName && (
        <>
          <Heading2>{t("signIn.oidc.title", { name: loaderData.oidcName })}</Heading2>
          <Form method="post" action="/inloggen/oidc" reloadDocument>
            <input type="hidden" name="terug" value={terug} />
            <SecondaryActionButton type="submit">
              {t("signIn.oidc.submit", { name: loaderData.oidcName })}
            </SecondaryActionButton>
          </Form>
        </>
      )}

      <Heading2>{t("signIn.password.title")}</Heading2>
      <Paragraph>{t("signIn.password.intro")}</Paragraph>
      <ErrorSummary
        formErrors={passwordForm.errors}
        fields={[
          { meta: passwordFields.email, label: t("signIn.email.label") },
          { meta: passwordFields.password, label: t("signIn.password.label") },
        ]}
      />
      <Form method="post" {...getFormProps(passwordForm)}>
        <input type="hidden" name="intent" value="password" />
        <input type="hidden" name="terug" value={terug} />
        <HoneypotField />
        <TextField
          meta={passwordFields.email}
          label={t("signIn.email.label")}
          type="email"
          autoComplete="username"
          required
        />
        <TextField
          meta={passwordFields.password}
          label={t("signIn.password.label")}
          type="password"
          autoComplete="current-password"
          required
        />
        <SecondaryActionButton type="submit">{t("signIn.password.submit")}</SecondaryActionButton>
      </Form>
    </PageShell>
  );
}
