import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { TableCell, TableRow } from "@utrecht/component-library-react";
import { Link } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { summariseTrajectories } from "../../../src/domain/programme/index.ts";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-trajectories";

/** Every trajectory with its applications by state, places left and whether it can start. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "applications:manage");
  const trajectories = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    summariseTrajectories(tx, { programmeTenantId: tenant.id }),
  );
  return { trajectories };
}

export default function StaffTrajectories({ loaderData: { trajectories } }: Route.ComponentProps) {
  const t = useT();
  const title = t("applications.staff.title");
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <StaffNav base="/beheer" />
      <Paragraph>{t("applications.staff.intro")}</Paragraph>
      <DataTable
        caption={t("applications.staff.caption")}
        columns={[
          t("applications.trajectory"),
          t("applications.staff.waiting"),
          t("applications.status.admitted"),
          t("applications.status.wait-listed"),
          t("applications.placesLeft"),
          t("applications.minimum"),
        ]}
      >
        {trajectories.map(({ slug, title: name, byStatus: tally, places }) => (
          <TableRow key={slug}>
            <TableCell>
              <Link className="nl-link" to={`/beheer/trajecten/${slug}`}>
                {name}
              </Link>
            </TableCell>
            <TableCell>{tally.submitted + tally["intake-scheduled"] + tally["intake-held"]}</TableCell>
            <TableCell>{tally.admitted}</TableCell>
            <TableCell>{tally["wait-listed"]}</TableCell>
            <TableCell>{places.placesLeft ?? t("applications.unlimited")}</TableCell>
            <TableCell>{t(places.canStart ? "applications.minimum.reached" : "applications.minimum.notYet")}</TableCell>
          </TableRow>
        ))}
      </DataTable>
    </PageShell>
  );
}
