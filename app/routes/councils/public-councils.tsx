import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { withTenant } from "../../../src/db/index.ts";
import { listCouncils } from "../../../src/domain/councils/index.ts";
import { cachedTenantBySlug } from "../../../src/domain/tenancy/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { CouncilList } from "../../components/council-list.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/public-councils";

/** The municipality's councils and committees, each with its kind and area. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { db } = services(context);
  const tenant = await cachedTenantBySlug(db, params.gemeente);
  if (tenant?.kind !== "municipality") notFound();
  const councils = await withTenant(db, { tenantId: tenant.id }, (tx) => listCouncils(tx, { tenantId: tenant.id }));
  return {
    gemeente: tenant.slug,
    tenantName: tenant.name,
    councils: councils.map((c) => ({ slug: c.slug, name: c.name, kind: c.kind, areas: c.areas.map((a) => a.name) })),
  };
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ gemeente }, t) => [
  { label: t("councils.nav"), to: `/${gemeente}/raden` },
]);

export default function PublicCouncilsPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { tenantName, councils } = loaderData;
  const title = t("councils.list.title", { tenant: tenantName });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("councils.list.lead")}</Paragraph>
      {councils.length === 0 ? (
        <Paragraph>{t("councils.list.none")}</Paragraph>
      ) : (
        <CouncilList councils={councils} base={`/${params.gemeente}/raden`} />
      )}
    </PageShell>
  );
}
