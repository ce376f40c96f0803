import { NavLink } from "react-router";
import { municipalPages, programmePages, staffBase } from "../../components/staff-pages.ts";
import { useT } from "../../i18n/use-translation.ts";

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

/** The municipality of a staff page mounted twice (`/beheer/…` and `/:gemeente/beheer/…`), or undefined for the first. */
export const gemeenteOf = (params: object) => ("gemeente" in params ? (params.gemeente as string) : undefined);

export { staffBase };
