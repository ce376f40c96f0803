import { BreadcrumbNav, BreadcrumbNavLink } from "@utrecht/component-library-react";
import { type AnchorHTMLAttributes, forwardRef } from "react";
import { Link, useMatches } from "react-router";
import type { Translate } from "../i18n/catalogue.ts";
import { useT } from "../i18n/use-translation.ts";

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

/** Home › … › this page, from the `breadcrumbs` handles of the matched routes; nothing on the home page itself. */
export function Breadcrumbs() {
  const t = useT();
  const trail = useMatches().flatMap((match) =>
    isBreadcrumbHandle(match.handle) && match.loaderData !== undefined
      ? match.handle.breadcrumbs(match.loaderData, t)
      : [],
  );
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
