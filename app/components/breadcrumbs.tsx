import { BreadcrumbNav, BreadcrumbNavLink } from "@utrecht/component-library-react";
import { type AnchorHTMLAttributes, forwardRef } from "react";
import { Link, useLocation, useMatches } from "react-router";
import type { Translate } from "../i18n/catalogue.ts";
import { useT } from "../i18n/use-translation.ts";
import { municipalPages, programmePages } from "./staff-pages.ts";

export type Crumb = { label: string; to: string };

/** A route's `handle`: the trail from just below Home down to the route's own page, built from its loader data. */
export type BreadcrumbHandle<Data = never> = { breadcrumbs: (data: Data, t: Translate) => Crumb[] };

export function breadcrumbs<Data>(build: (data: Data, t: Translate) => Crumb[]): BreadcrumbHandle<Data> {
  return { breadcrumbs: build };
}

function isBreadcrumbHandle(handle: unknown): handle is BreadcrumbHandle<unknown> {
  return typeof handle === "object" && handle !== null && "breadcrumbs" in handle;
}

/** Client-side navigation for the Utrecht breadcrumb links, which hand their component an `href`. */
const RouterLink = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }>(
  function RouterLink({ href, ...rest }, ref) {
    return <Link to={href} ref={ref} {...rest} />;
  },
);

/**
 * A staff page without a trail of its own: overview › its menu section › the page (by its title), read from the
 * address, so every page of the staff area has breadcrumbs.
 */
export function staffTrail(pathname: string, title: string | undefined, t: Translate): Crumb[] {
  const match = /^(\/[^/]+)?\/beheer(?:\/([^/]+))?/.exec(pathname);
  if (!match) return [];
  const base = `${match[1] ?? ""}/beheer`;
  const trail: Crumb[] = [{ label: t("staff.nav.overview"), to: base }];
  const section =
    match[2] &&
    [...(match[1] ? municipalPages : programmePages), { path: "team", label: "staff.nav.team" as const }].find(
      (page) => page.path === match[2],
    );
  if (section) trail.push({ label: t(section.label), to: `${base}/${section.path}` });
  return endingHere(trail, pathname, title);
}

/**
 * The trail ends at the page itself: a page whose routes give only part of the trail (a municipality's public page
 * below the municipality's own crumb) gets its title as the last, current crumb.
 */
export function endingHere(trail: Crumb[], pathname: string, title: string | undefined): Crumb[] {
  const here = pathname.replace(/\/$/, "");
  return title && trail.length > 0 && here !== trail.at(-1)?.to ? [...trail, { label: title, to: here }] : trail;
}

/**
 * Home › … › this page, from the `breadcrumbs` handles of the matched routes (or, in the staff area, `staffTrail`);
 * nothing on the home page itself.
 */
export function Breadcrumbs({ title }: { title?: string | undefined }) {
  const t = useT();
  const { pathname } = useLocation();
  const handled = useMatches().flatMap((match) =>
    isBreadcrumbHandle(match.handle) && match.loaderData !== undefined
      ? match.handle.breadcrumbs(match.loaderData, t)
      : [],
  );
  const trail = handled.length > 0 ? endingHere(handled, pathname, title) : staffTrail(pathname, title, t);
  if (trail.length === 0) return null;
  const crumbs = [{ label: t("nav.home"), to: "/" }, ...trail];
  return (
    <BreadcrumbNav aria-label={t("nav.breadcrumbs")} className="samenspel-breadcrumbs">
      {crumbs.map((crumb, index) => (
        <BreadcrumbNavLink
          key={crumb.to}
          href={crumb.to}
          Link={RouterLink}
          className="nl-link"
          index={index}
          current={index === crumbs.length - 1}
        >
          {crumb.label}
        </BreadcrumbNavLink>
      ))}
    </BreadcrumbNav>
  );
}
