import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { requireActor } from "../../server/session.server.ts";
import type { Route } from "./+types/apply-sent";

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireActor(request, context);
  const gemeente = new URL(request.url).searchParams.get("gemeente") ?? "";
  return { gemeente: /^[a-z0-9-]{1,100}$/.test(gemeente) ? gemeente : null };
}

/** The confirmation after applying: what happens next, and where to follow it. */
export default function ApplySent({ loaderData: { gemeente } }: Route.ComponentProps) {
  const t = useT();
  return (
    <PageShell title={t("applications.sent.title")}>
      <Heading level={1}>{t("applications.sent.title")}</Heading>
      <Paragraph purpose="lead">{t("applications.sent.lead")}</Paragraph>
      <Paragraph>{t("applications.sent.next")}</Paragraph>
      {gemeente && (
        <Paragraph>
          <Link className="nl-link" to={`/${gemeente}/beheer/aanmeldingen`}>
            {t("applications.sent.follow")}
          </Link>
        </Paragraph>
      )}
    </PageShell>
  );
}
