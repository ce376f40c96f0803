import type { MessageKey, Translate } from "../i18n/catalogue.ts";
import { type Crumb, endingHere } from "./breadcrumbs.tsx";

export type StaffPage = { path: string; label: MessageKey };

/** The pages of the programme's own staff area, and those of a municipality's, after overview and team. */
export const programmePages: readonly StaffPage[] = [
  { path: "trajecten", label: "staff.nav.trajectories" },
  { path: "bijeenkomsten", label: "meetings.staff.title" },
  { path: "workshops", label: "staff.nav.workshops" },
  { path: "kennisbank", label: "knowledge.nav" },
  { path: "nieuwsbrief", label: "participation.edition.nav" },
];
export const municipalPages: readonly StaffPage[] = [
  { path: "processen", label: "processes.nav" },
  { path: "burgerbegroting", label: "budgeting.nav" },
  { path: "aanmeldingen", label: "staff.nav.applications" },
  { path: "workshops", label: "staff.nav.workshops" },
  { path: "gebieden", label: "areas.nav" },
  { path: "raden", label: "councils.nav" },
  { path: "gebiedsbudgetten", label: "areaBudgets.nav" },
  { path: "advies", label: "advice.nav" },
  { path: "vrije-dagen", label: "terms.daysOff.nav" },
  { path: "initiatieven", label: "initiatives.nav" },
  { path: "uitdaagrecht", label: "initiatives.challenge.nav" },
  { path: "fondsen", label: "funds.nav" },
];

/** `/beheer` for the programme, `/{gemeente}/beheer` for a municipality. */
export const staffBase = (gemeente: string | undefined) => (gemeente ? `/${gemeente}/beheer` : "/beheer");

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
