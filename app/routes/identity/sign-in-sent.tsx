import { Heading1, Paragraph } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { MAGIC_LINK_MINUTES } from "../../../src/domain/identity/index.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import type { Route } from "./+types/sign-in-sent";

export function loader() {
  return { minutes: MAGIC_LINK_MINUTES };
}

/** The same page whether or not the address has an account (no enumeration). */
export default function SignInSent({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <PageShell>
      <title>{`${t("signIn.sent.title")} – ${t("site.name")}`}</title>
      <Heading1>{t("signIn.sent.title")}</Heading1>
      <Paragraph>{t("signIn.sent.body", { minutes: loaderData.minutes })}</Paragraph>
      <Paragraph>{t("signIn.sent.spam")}</Paragraph>
      <Paragraph>
        <Link className="utrecht-link" to="/inloggen">
          {t("signIn.sent.again")}
        </Link>
      </Paragraph>
    </PageShell>
  );
}
