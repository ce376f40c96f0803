import { getFormProps, useForm } from "@conform-to/react";
import { Heading1, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, redirect } from "react-router";
import type { z } from "zod";
import { withPlatform } from "../../../src/db/index.ts";
import { verifySecondFactor } from "../../../src/domain/identity/index.ts";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { secondFactorForm } from "../../forms/identity.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { afterSignIn, pendingSecondStep } from "../../server/session.server.ts";
import { identityErrors, limitSignInAttempts } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/second-factor";

export function loader({ request, context }: Route.LoaderArgs) {
  if (!pendingSecondStep(request, context)) throw redirect("/inloggen");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const pendingToken = pendingSecondStep(request, context);
  if (!pendingToken) return redirect("/inloggen");
  const submission = await parseForm(request, secondFactorForm);
  if (submission.status !== "success") return invalidForm(submission.reply({ hideFields: ["code"] }));
  try {
    await limitSignInAttempts(context, `second-step:${pendingToken.slice(0, 16)}`);
    const result = await withPlatform(services(context).db, (tx) =>
      verifySecondFactor(tx, {
        pendingToken,
        code: submission.value.code,
        totpKey: services(context).config.totpKey,
        userAgent: request.headers.get("User-Agent"),
        now: new Date(),
      }),
    );
    return afterSignIn(context, result);
  } catch (error) {
    return replyWithDomainError(
      error,
      { reply: (o: object) => submission.reply({ ...o, hideFields: ["code"] }) },
      identityErrors,
    );
  }
}

export default function SecondFactor({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useForm<z.input<typeof secondFactorForm>>({
    id: "second-step",
    lastResult: actionData?.result,
  });
  return (
    <PageShell>
      <title>{`${t("signIn.secondStep.title")} – ${t("site.name")}`}</title>
      <Heading1>{t("signIn.secondStep.title")}</Heading1>
      <Paragraph>{t("signIn.secondStep.intro")}</Paragraph>
      <ErrorSummary formErrors={form.errors} fields={[{ meta: fields.code, label: t("signIn.code.label") }]} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.code} label={t("signIn.code.label")} autoComplete="one-time-code" required />
        <PrimaryActionButton type="submit">{t("signIn.secondStep.submit")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
