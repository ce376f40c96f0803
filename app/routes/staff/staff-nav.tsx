import { NavLink } from "react-router";
import { useT } from "../../i18n/use-translation.ts";

/** The staff area's own menu; later features add their entries here. */
export function StaffNav({ base }: { base: string }) {
  const t = useT();
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
        {/* Issue 3: the programme's trajectories and workshop requests; a municipality's applications and workshops. */}
        <li>
          <NavLink className="utrecht-link" to={base === "/beheer" ? "/beheer/trajecten" : `${base}/aanmeldingen`}>
            {t(base === "/beheer" ? "staff.nav.trajectories" : "staff.nav.applications")}
          </NavLink>
        </li>
        <li>
          <NavLink className="utrecht-link" to={`${base}/workshops`}>
            {t("staff.nav.workshops")}
          </NavLink>
        </li>
      </ul>
      <p className="utrecht-paragraph">{t("staff.nav.later")}</p>
    </nav>
  );
}

/** `/beheer` for the programme, `/{gemeente}/beheer` for a municipality. */
export const staffBase = (gemeente: string | undefined) => (gemeente ? `/${gemeente}/beheer` : "/beheer");
