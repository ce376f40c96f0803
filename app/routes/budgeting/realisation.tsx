import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { getRound, listRealisation } from "../../../src/domain/budgeting/index.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { RealisationTimeline } from "../../components/realisation-timeline.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf, orNotFound } from "../../server/budgeting.server.ts";
import type { Route } from "./+types/realisation";

/** The public realisation page: every funded plan with where it stands and its dated updates, oldest first. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  return orNotFound(
    inTenant(context, tenant.id, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      return {
        round: { slug: round.slug, title: round.title },
        plans: await listRealisation(tx, { tenantId: tenant.id, roundId: round.id }),
      };
    }),
  );
}

export default function RealisationPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { round, plans } = loaderData;
  const title = t("budgeting.realisation.title", { round: round.title });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("budgeting.realisation.lead")}</Paragraph>
      <Paragraph>
        <Link className="utrecht-link" to={`/${params.gemeente}/burgerbegroting/${round.slug}`}>
          {t("budgeting.plan.backToRound")}
        </Link>
      </Paragraph>
      {plans.length === 0 ? (
        <Paragraph>{t("budgeting.realisation.notYet")}</Paragraph>
      ) : (
        <RealisationTimeline gemeente={params.gemeente} plans={plans} level={2} />
      )}
    </PageShell>
  );
}
