import { NavLink } from "react-router";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";

/** Pages only the programme's own staff area has. */
const programmePages: readonly { path: string; label: MessageKey }[] = [
  { path: "kennisbank", label: "knowledge.nav" },
  { path: "nieuwsbrief", label: "participation.edition.nav" },
];

/** The staff area's own menu; later features add their entries here. */
export function StaffNav({ base }: { base: string }) {
  const t = useT();
  const programme = base === staffBase(undefined);
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
        {programme &&
          programmePages.map(({ path, label }) => (
            <li key={path}>
              <NavLink className="utrecht-link" to={`${base}/${path}`}>
                {t(label)}
              </NavLink>
            </li>
          ))}
      </ul>
      <p className="utrecht-paragraph">{t("staff.nav.later")}</p>
    </nav>
  );
}

/** `/beheer` for the programme, `/{gemeente}/beheer` for a municipality. */
export const staffBase = (gemeente: string | undefined) => (gemeente ? `/${gemeente}/beheer` : "/beheer");
