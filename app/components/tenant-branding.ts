import { useRouteLoaderData } from "react-router";

/** The route id of the `/:gemeente` layout, whose loader data carries the municipality's branding. */
export const MUNICIPALITY_ROUTE_ID = "municipality";

export const DEFAULT_THEME_CLASS = "voorbeeld-theme";

/**
 * A municipality's NL Design System theme: its root class sits on `<html>` next to the default theme's, and its
 * stylesheet (`/themes/<slug>.css`) overrides the default's design tokens under both classes.
 */
export type TenantTheme = { rootClass: string; stylesheet: string | null };

export type TenantBranding = { slug: string; name: string; logoPath: string | null; theme: TenantTheme };

export function themeOf(tenant: { slug: string; themeClass: string }): TenantTheme {
  return tenant.themeClass === DEFAULT_THEME_CLASS
    ? { rootClass: DEFAULT_THEME_CLASS, stylesheet: null }
    : { rootClass: tenant.themeClass, stylesheet: `/themes/${tenant.slug}.css` };
}

/** The municipality whose pages these are, or undefined on the programme's pages. */
export function useTenantBranding(): TenantBranding | undefined {
  return useRouteLoaderData<{ branding: TenantBranding }>(MUNICIPALITY_ROUTE_ID)?.branding;
}
