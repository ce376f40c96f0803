import { Outlet } from "react-router";
import type { StaffTrailHandle } from "../../components/breadcrumbs.tsx";
import { staffTrail } from "../../components/staff-pages.ts";

/**
 * The parent of every route under `beheer` (`app/routes.ts`), without a path or data of its own: it gives the
 * breadcrumbs the staff area's trail, which reads the staff menu's page list, so public pages do not load that list
 * (ADR 0038).
 */
export const handle: StaffTrailHandle = { staffTrail };

export default function StaffArea() {
  return <Outlet />;
}
