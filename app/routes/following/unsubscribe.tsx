import { Heading1, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { data, Form } from "react-router";
import { stopFollowing } from "../../../src/domain/following/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { inMunicipality } from "../../server/following.server.ts";
import type { Route } from "./+types/unsubscribe";

/**
 * One button, no sign-in. The same POST serves the one-click unsubscribe of mail programs (RFC 8058: body
 * `List-Unsubscribe=One-Click`); repeating it changes nothing.
 */
export async function action({ context, params }: Route.ActionArgs) {
  try {
    await inMunicipality(context, params.gemeente, (tx, tenantId) =>
      stopFollowing(tx, { tenantId, token: params.token, now: new Date() }),
    );
    return { done: true as const };
  } catch (error) {
    if (isDomainError(error)) return data({ invalid: true as const }, { status: 404 });
    throw error;
  }
}

export default function Unsubscribe({ actionData }: Route.ComponentProps) {
  const t = useT();
  const title = t("following.unsubscribe.title");
  return (
    <PageShell title={title}>
      <Heading1>{title}</Heading1>
      {actionData && "done" in actionData ? (
        <Notice message={t("following.unsubscribed")} />
      ) : actionData ? (
        <Notice type="error" message={t("following.linkInvalid")} />
      ) : (
        <Form method="post">
          <Paragraph>{t("following.unsubscribe.intro")}</Paragraph>
          <PrimaryActionButton type="submit">{t("following.unsubscribe.submit")}</PrimaryActionButton>
        </Form>
      )}
    </PageShell>
  );
}
