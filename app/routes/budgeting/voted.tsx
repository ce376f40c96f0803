import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert } from "@utrecht/component-library-react";
import { data, Link } from "react-router";
import { getRound } from "../../../src/domain/budgeting/index.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf, orNotFound } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { takeVoteFlash } from "../../server/vote-receipt.server.ts";
import type { Route } from "./+types/voted";

/**
 * The page a cast or changed ballot is sent to (303): it shows the change code from the sealed cookie once and
 * clears it. The usual answer reads nothing from the database; only without a cookie is the round looked up, for
 * its title and a 404 for a round that does not exist.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { config } = services(context);
  const { flash, clear } = takeVoteFlash(request, config, { gemeente: params.gemeente, roundSlug: params.ronde });
  const headers: HeadersInit = clear ? { "Set-Cookie": clear } : {};
  if (flash) {
    const shown =
      flash.receipt === undefined ? ({ kind: "changed" } as const) : { kind: "cast" as const, receipt: flash.receipt };
    return data({ title: flash.round.title, slug: flash.round.slug, shown }, { headers });
  }
  const tenant = await municipalityOf(context, params.gemeente);
  const round = await orNotFound(
    inTenant(context, tenant.id, (tx) => getRound(tx, { tenantId: tenant.id, slug: params.ronde })),
  );
  return data({ title: round.title, slug: round.slug, shown: { kind: "gone" } as const }, { headers });
}

/** Nobody may keep a copy of a change code: not the browser's cache, nor a proxy. */
export const headers: Route.HeadersFunction = () => ({ "Cache-Control": "no-store" });

export default function Voted({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { title, slug, shown } = loaderData;
  const pageTitle = t("budgeting.voted.title", { round: title });
  return (
    <PageShell title={pageTitle}>
      <Heading level={1}>{pageTitle}</Heading>
      {shown.kind === "cast" && (
        <Alert type="ok" role="status">
          <Paragraph>{t("budgeting.vote.done")}</Paragraph>
          <Paragraph>
            {t("budgeting.vote.receipt", { receipt: shown.receipt.replace(/(.{4})(?=.)/g, "$1-") })}
          </Paragraph>
        </Alert>
      )}
      {shown.kind === "changed" && (
        <Alert type="ok" role="status">
          <Paragraph>{t("budgeting.vote.changed")}</Paragraph>
        </Alert>
      )}
      {shown.kind === "gone" && <Paragraph>{t("budgeting.voted.gone")}</Paragraph>}
      <Paragraph>
        <Link className="utrecht-link" to={`/${params.gemeente}/burgerbegroting/${slug}`}>
          {t("budgeting.voted.back", { round: title })}
        </Link>
      </Paragraph>
    </PageShell>
  );
}
