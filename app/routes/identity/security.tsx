import { getFormProps } from "@conform-to/react";
import { Heading1, Heading2, Heading3, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import QRCode from "qrcode";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withPlatform } from "../../../src/db/index.ts";
import {
  confirmIdentity,
  enableTotp,
  exportPersonalData,
  STEP_UP_MINUTES,
  setPassword,
  totpSetupSecret,
  totpUri,
} from "../../../src/domain/identity/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { enableTotpForm, setPasswordForm } from "../../forms/identity.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { requireActor, sessionToken } from "../../server/session.server.ts";
import { identityErrors } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/security";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireActor(request, context);
  const { password } = await withPlatform(services(context).db, (tx) => exportPersonalData(tx, actor.personId));
  // Stable for this browser's session, shown to the person, saved only together with a right code from their app.
  // Replacing an active secret (a new phone) derives from the time it was set, so the new key is never the old one.
  const seed = sessionToken(request, context);
  const secret =
    password && seed
      ? totpSetupSecret(password.totp ? `${seed}\nreplace\n${password.updatedAt.toISOString()}` : seed)
      : undefined;
  const uri = secret ? totpUri(secret, actor.email) : undefined;
  return {
    hasPassword: Boolean(password),
    totpOn: Boolean(password?.totp),
    setup: secret && uri ? { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 192 }) } : undefined,
    // From the loader, so the page never imports the identity domain (and its argon2) into the browser bundle.
    stepUpMinutes: STEP_UP_MINUTES,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireActor(request, context);
  const { db, config } = services(context);
  const formData = await readForm(request);
  const now = new Date();
  const stepUp = (current: string | undefined) => ({
    personId: actor.personId,
    signedInAt: actor.signedInAt,
    current,
    totpKey: config.totpKey,
    now,
  });
  const secretFields = { hideFields: ["password", "repeat", "current", "code"] };
  if (formData.get("intent") === "set-password") {
    const submission = parseFormData(formData, setPasswordForm);
    if (submission.status !== "success") return forForm("set-password", invalidForm(submission.reply(secretFields)));
    try {
      await withPlatform(db, async (tx) => {
        await confirmIdentity(tx, stepUp(submission.value.current));
        await setPassword(tx, {
          personId: actor.personId,
          password: submission.value.password,
          keepSessionIdHash: actor.sessionIdHash,
          now,
        });
      });
    } catch (error) {
      return forForm(
        "set-password",
        replyWithDomainError(
          error,
          { reply: (o: object) => submission.reply({ ...o, ...secretFields }) },
          identityErrors,
        ),
      );
    }
    return redirect("/account/beveiliging?melding=wachtwoord");
  }
  const submission = parseFormData(formData, enableTotpForm);
  if (submission.status !== "success") return forForm("enable-totp", invalidForm(submission.reply(secretFields)));
  try {
    const { recoveryCodes } = await withPlatform(db, async (tx) => {
      const { password } = await exportPersonalData(tx, actor.personId);
      // Replacing an active secret is a change of how the person signs in: the same step-up as a new password.
      if (password?.totp) await confirmIdentity(tx, stepUp(submission.value.current));
      const { secret, code } = submission.value;
      return enableTotp(tx, { personId: actor.personId, secret, code, totpKey: config.totpKey, now });
    });
    // Shown once, on this answer only: the database keeps nothing but their hashes.
    return { recoveryCodes };
  } catch (error) {
    return forForm(
      "enable-totp",
      replyWithDomainError(
        error,
        { reply: (o: object) => submission.reply({ ...o, ...secretFields }) },
        identityErrors,
      ),
    );
  }
}

const notices = { wachtwoord: "security.password.saved", totp: "security.totp.enabled" } as const satisfies Record<
  string,
  MessageKey
>;

export default function Security({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice(notices);
  const recoveryCodes = actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : undefined;
  const [passwordForm, passwordFields] = useFormFor<z.input<typeof setPasswordForm>>("set-password");
  const [totpForm, totpFields] = useFormFor<z.input<typeof enableTotpForm>>("enable-totp");
  const currentLabel = t(loaderData.totpOn ? "security.current.code" : "security.current.password");
  return (
    <PageShell>
      <title>{`${t("security.title")} – ${t("site.name")}`}</title>
      <Heading1>{t("security.title")}</Heading1>
      <Notice message={notice} />
      <Paragraph>
        <Link className="utrecht-link" to="/account">
          {t("security.back")}
        </Link>
      </Paragraph>

      <Heading2>{t("security.password.title")}</Heading2>
      <Paragraph>{t(loaderData.hasPassword ? "security.password.set" : "security.password.none")}</Paragraph>
      <ErrorSummary
        formErrors={passwordForm.errors}
        fields={[
          { meta: passwordFields.current, label: currentLabel },
          { meta: passwordFields.password, label: t("security.password.new") },
          { meta: passwordFields.repeat, label: t("security.password.repeat") },
        ]}
      />
      <Form method="post" {...getFormProps(passwordForm)}>
        <input type="hidden" name="intent" value="set-password" />
        <input type="text" name="username" autoComplete="username" value="" readOnly hidden />
        {loaderData.hasPassword && (
          <TextField
            meta={passwordFields.current}
            label={currentLabel}
            description={t("security.current.description", { minutes: loaderData.stepUpMinutes })}
            type={loaderData.totpOn ? "text" : "password"}
            autoComplete={loaderData.totpOn ? "one-time-code" : "current-password"}
          />
        )}
        <TextField
          meta={passwordFields.password}
          label={t("security.password.new")}
          description={t("security.password.newDescription")}
          type="password"
          autoComplete="new-password"
          required
        />
        <TextField
          meta={passwordFields.repeat}
          label={t("security.password.repeat")}
          type="password"
          autoComplete="new-password"
          required
        />
        <PrimaryActionButton type="submit">{t("security.password.submit")}</PrimaryActionButton>
      </Form>

      <Heading2>{t("security.totp.title")}</Heading2>
      {recoveryCodes ? (
        <>
          <Notice message={t("security.totp.enabled")} />
          <Paragraph>{t("security.recovery.intro")}</Paragraph>
          <ul className="utrecht-unordered-list" data-testid="recovery-codes">
            {recoveryCodes.map((code) => (
              <li key={code} className="utrecht-unordered-list__item">
                <code className="utrecht-code">{code}</code>
              </li>
            ))}
          </ul>
        </>
      ) : loaderData.setup ? (
        <>
          <Paragraph>{t(loaderData.totpOn ? "security.totp.on" : "security.totp.intro")}</Paragraph>
          {loaderData.totpOn && <Heading3>{t("security.totp.replace.title")}</Heading3>}
          {loaderData.totpOn && <Paragraph>{t("security.totp.replace.intro")}</Paragraph>}
          <img
            src={loaderData.setup.qrCode}
            width={192}
            height={192}
            alt={t("security.totp.qrAlt")}
            className="samenspel-qr-code"
          />
          <dl className="samenspel-details">
            <dt>{t("security.totp.key")}</dt>
            <dd>
              <code className="utrecht-code" data-testid="totp-secret">
                {loaderData.setup.secret}
              </code>
            </dd>
          </dl>
          <Paragraph>
            {t("security.totp.uri")}{" "}
            <a className="utrecht-link" href={loaderData.setup.uri}>
              {t("security.totp.uriLink")}
            </a>
          </Paragraph>
          <ErrorSummary
            formErrors={totpForm.errors}
            fields={[
              ...(loaderData.totpOn ? [{ meta: totpFields.current, label: t("security.totp.replace.current") }] : []),
              { meta: totpFields.code, label: t("security.totp.code") },
            ]}
          />
          <Form method="post" {...getFormProps(totpForm)}>
            <input type="hidden" name="intent" value="enable-totp" />
            <input type="hidden" name="secret" value={loaderData.setup.secret} />
            {loaderData.totpOn && (
              <TextField
                meta={totpFields.current}
                label={t("security.totp.replace.current")}
                description={t("security.current.description", { minutes: loaderData.stepUpMinutes })}
                autoComplete="one-time-code"
              />
            )}
            <TextField
              meta={totpFields.code}
              label={t(loaderData.totpOn ? "security.totp.replace.code" : "security.totp.code")}
              autoComplete="one-time-code"
              required
            />
            <PrimaryActionButton type="submit">
              {t(loaderData.totpOn ? "security.totp.replace.submit" : "security.totp.submit")}
            </PrimaryActionButton>
          </Form>
        </>
      ) : (
        <Paragraph>{t("security.totp.needsPassword")}</Paragraph>
      )}
    </PageShell>
  );
}
