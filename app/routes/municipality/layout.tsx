import { Outlet } from "react-router";
import { cachedTenantBySlug } from "../../../src/domain/tenancy/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { type TenantBranding, themeOf } from "../../components/tenant-branding.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/layout";

/** Every page under `/{gemeente}` belongs to that municipality and wears its name, logo and theme. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await cachedTenantBySlug(services(context).db, params.gemeente);
  if (tenant?.kind !== "municipality") notFound();
  const branding: TenantBranding = {
    slug: tenant.slug,
    name: tenant.name,
    logoPath: tenant.logoPath,
    theme: themeOf(tenant),
  };
  return {
    branding,
    tenant: {
      id: tenant.id,
      province: tenant.province,
      introNl: tenant.introNl,
      introEn: tenant.introEn,
    },
  };
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ branding }) => [
  { label: branding.name, to: `/${branding.slug}` },
]);

export default function MunicipalityLayout() {
  return <Outlet />;
}
