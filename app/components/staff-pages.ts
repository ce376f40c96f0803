import type { MessageKey } from "../i18n/catalogue.ts";

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
