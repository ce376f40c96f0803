import { Heading1, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link } from "react-router";
import { withPlatform } from "../../../src/db/index.ts";
import { redeemMagicLink } from "../../../src/domain/identity/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { afterSignIn } from "../../server/session.server.ts";
import { identityErrorData, limitSignInAttempts } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/magic-link";

/**
 * Opening the link only shows a button: mail scanners and link previews fetch links with GET, and must not use up
 * the one-time token. The POST signs in.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  try {
    await limitSignInAttempts(context);
    const result = await withPlatform(services(context).db, (tx) =>
      redeemMagicLink(tx, { token: params.token, userAgent: request.headers.get("User-Agent"), now: new Date() }),
    );
    return afterSignIn(context, result);
  } catch (error) {
    return identityErrorData(error);
  }
}

export default function MagicLink({ actionData }: Route.ComponentProps) {
  const t = useT();
  const error = actionData && "error" in actionData ? (actionData.error as MessageKey) : undefined;
  return (
    <PageShell>
      <title>{`${t("signIn.confirm.title")} – ${t("site.name")}`}</title>
      <Heading1>{t("signIn.confirm.title")}</Heading1>
      {error ? (
        <>
          <Notice type="error" message={t(error)} />
          <Paragraph>
            <Link className="utrecht-link" to="/inloggen">
              {t("signIn.sent.again")}
            </Link>
          </Paragraph>
        </>
      ) : (
        <Form method="post">
          <Paragraph>{t("signIn.confirm.body")}</Paragraph>
          <PrimaryActionButton type="submit">{t("signIn.confirm.submit")}</PrimaryActionButton>
        </Form>
      )}
    </PageShell>
  );
}
