import { NavLink } from "react-router";
import { useT } from "../../i18n/use-translation.ts";

/** The staff area's own menu; later features add their entries here. */
export function StaffNav({ base }: { base: string }) {
  const t = useT();
  const programme = base === "/beheer";
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
        {programme && (
          <li>
            <NavLink className="utrecht-link" to={`${base}/nieuwsbrief`}>
              {t("participation.edition.nav")}
            </NavLink>
          </li>
        )}
      </ul>
      <p className="utrecht-paragraph">{t("staff.nav.later")}</p>
    </nav>
  );
}

/** `/beheer` for the programme, `/{gemeente}/beheer` for a municipality. */
export const staffBase = (gemeente: string | undefined) => (gemeente ? `/${gemeente}/beheer` : "/beheer");
