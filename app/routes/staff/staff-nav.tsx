import { NavLink } from "react-router";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";

type Page = { path: string; label: MessageKey };

/** The pages of the programme's own staff area, and those of a municipality's, after overview and team. */
const programmePages: readonly Page[] = [
  { path: "trajecten", label: "staff.nav.trajectories" },
  { path: "bijeenkomsten", label: "meetings.staff.title" },
  { path: "workshops", label: "staff.nav.workshops" },
  { path: "kennisbank", label: "knowledge.nav" },
  { path: "nieuwsbrief", label: "participation.edition.nav" },
];
const municipalPages: readonly Page[] = [
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

/** The staff area's own menu. */
export function StaffNav({ base }: { base: string }) {
  const t = useT();
  const pages = base === staffBase(undefined) ? programmePages : municipalPages;
  return (
    <nav className="samenspel-staff-nav" aria-label={t("staff.nav.label")}>
      <ul className="utrecht-link-list">
        <li>
          <NavLink className="utrecht-link" to={base} end>
            {t("staff.nav.overview")}
          </NavLink>
        </li>
        <li>
          <NavLink className="utrecht-link" to={`${base}/team`}>
            {t("staff.nav.team")}
          </NavLink>
        </li>
        {pages.map(({ path, label }) => (
          <li key={path}>
            <NavLink className="utrecht-link" to={`${base}/${path}`}>
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** `/beheer` for the programme, `/{gemeente}/beheer` for a municipality. */
export const staffBase = (gemeente: string | undefined) => (gemeente ? `/${gemeente}/beheer` : "/beheer");

/** The municipality of a staff page mounted twice (`/beheer/…` and `/:gemeente/beheer/…`), or undefined for the first. */
export const gemeenteOf = (params: object) => ("gemeente" in params ? (params.gemeente as string) : undefined);
