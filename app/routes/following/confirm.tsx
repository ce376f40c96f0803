import { Heading1, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { data, Form, Link } from "react-router";
import { confirmFollow } from "../../../src/domain/following/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { inMunicipality, topicPage } from "../../server/following.server.ts";
import type { Route } from "./+types/confirm";

/** Opening the link shows a button (mail scanners fetch links); the POST confirms. */
export async function action({ context, params }: Route.ActionArgs) {
  try {
    const back = await inMunicipality(context, params.gemeente, async (tx, tenantId) => {
      const { topic } = await confirmFollow(tx, { tenantId, token: params.token, now: new Date() });
      return topicPage(tx, { slug: params.gemeente, tenantId, topic });
    });
    return { back };
  } catch (error) {
    if (isDomainError(error)) return data({ invalid: true as const }, { status: 404 });
    throw error;
  }
}

export default function ConfirmFollow({ actionData }: Route.ComponentProps) {
  const t = useT();
  const title = t("following.confirm.title");
  return (
    <PageShell title={title}>
      <Heading1>{title}</Heading1>
      {actionData && "back" in actionData ? (
        <>
          <Notice message={t("following.confirmed")} />
          <Paragraph>
            <Link className="nl-link" to={actionData.back}>
              {t("following.back")}
            </Link>
          </Paragraph>
        </>
      ) : actionData ? (
        <Notice type="error" message={t("following.linkInvalid")} />
      ) : (
        <Form method="post">
          <Paragraph>{t("following.confirm.intro")}</Paragraph>
          <PrimaryActionButton type="submit">{t("following.confirm.submit")}</PrimaryActionButton>
        </Form>
      )}
    </PageShell>
  );
}
