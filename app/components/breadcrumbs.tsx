import { Link, useLocation, useMatches } from "react-router";
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

/**
 * The staff area's parent route (`routes/staff/layout.tsx`) hands the breadcrumbs `staffTrail`, so the staff menu's
 * page list it reads loads only on staff pages, not in the chunk every page loads (ADR 0038).
 */
export type StaffTrailHandle = { staffTrail: (pathname: string, title: string | undefined, t: Translate) => Crumb[] };

function isStaffTrailHandle(handle: unknown): handle is StaffTrailHandle {
  return typeof handle === "object" && handle !== null && "staffTrail" in handle;
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
  const matches = useMatches();
  const handled = matches.flatMap((match) =>
    isBreadcrumbHandle(match.handle) && match.loaderData !== undefined
      ? match.handle.breadcrumbs(match.loaderData, t)
      : [],
  );
  const staffArea = matches.map((match) => match.handle).find(isStaffTrailHandle);
  const trail =
    handled.length > 0 ? endingHere(handled, pathname, title) : (staffArea?.staffTrail(pathname, title, t) ?? []);
  if (trail.length === 0) return null;
  const crumbs = [{ label: t("nav.home"), to: "/" }, ...trail];
  // The markup, classes and microdata of the design system's breadcrumb navigation, written out: its React component
  // cost the chunk every page loads more than this (ADR 0038).
  return (
    <nav
      aria-label={t("nav.breadcrumbs")}
      className="utrecht-breadcrumb-nav utrecht-breadcrumb-nav--html-ol samenspel-breadcrumbs"
    >
      <ol
        className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol"
        itemScope
        itemType="https://schema.org/BreadcrumbList"
      >
        {crumbs.map((crumb, index) => {
          const current = index === crumbs.length - 1;
          return (
            <li
              key={crumb.to}
              className="utrecht-breadcrumb-nav__item"
              itemScope
              itemType="https://schema.org/ListItem"
              itemProp="itemListElement"
            >
              <Link
                to={crumb.to}
                className={[
                  "utrecht-breadcrumb-nav__link nl-link",
                  current && "utrecht-breadcrumb-nav__link--current",
                  index === 0 && "utrecht-breadcrumb-nav__link--first",
                ]
                  .filter(Boolean)
                  .join(" ")}
                aria-current={current ? "page" : false}
                itemProp="item"
              >
                <span className="utrecht-breadcrumb-nav__text" itemProp="name">
                  {crumb.label}
                </span>
                <meta itemProp="position" content={String(index + 1)} />
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
