import { Heading1, Paragraph, PrimaryActionButton } from "@utrecht/component-library-react";
import { data, Form, Link } from "react-router";
import { confirmNewsletterSubscription } from "../../../src/domain/programme/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { inProgramme } from "../../server/participation.server.ts";
import type { Route } from "./+types/newsletter-confirm";

/** Opening the link shows a button (mail scanners fetch links); the POST confirms. */
export async function action({ context, params }: Route.ActionArgs) {
  try {
    const { themes } = await inProgramme(context, undefined, (tx, tenantId) =>
      confirmNewsletterSubscription(tx, { tenantId, token: params.token, now: new Date() }),
    );
    return { themes };
  } catch (error) {
    if (isDomainError(error)) return data({ invalid: true as const }, { status: 404 });
    throw error;
  }
}

export default function NewsletterConfirm({ actionData }: Route.ComponentProps) {
  const t = useT();
  const title = t("participation.newsletter.confirm.title");
  return (
    <PageShell title={title}>
      <Heading1>{title}</Heading1>
      {actionData && "themes" in actionData ? (
        <Notice message={t("participation.newsletter.confirmed", { themes: actionData.themes.join(", ") })} />
      ) : actionData ? (
        <>
          <Notice type="error" message={t("participation.newsletter.linkInvalid")} />
          <Paragraph>
            <Link className="nl-link" to="/nieuwsbrief">
              {t("participation.newsletter.title")}
            </Link>
          </Paragraph>
        </>
      ) : (
        <Form method="post">
          <Paragraph>{t("participation.newsletter.confirm.intro")}</Paragraph>
          <PrimaryActionButton type="submit">{t("participation.newsletter.confirm.submit")}</PrimaryActionButton>
        </Form>
      )}
    </PageShell>
  );
}
