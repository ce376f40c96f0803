import { withTenant } from "../../../src/db/index.ts";
import { getTrajectory, listApplications } from "../../../src/domain/programme/index.ts";
import { translator } from "../../i18n/catalogue.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { spreadsheetResponse } from "../../server/spreadsheet.server.ts";
import type { Route } from "./+types/export-applications";

/** The application list of one trajectory as a download: CSV for Dutch Excel, or a real XLSX workbook. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "applications:manage");
  const found = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => {
      const trajectory = await getTrajectory(tx, { tenantId: tenant.id, slug: params.slug });
      if (!trajectory) return undefined;
      return {
        trajectory,
        applications: await listApplications(tx, { programmeTenantId: tenant.id, trajectoryId: trajectory.id }),
      };
    },
  );
  if (!found) notFound();
  const t = translator(await localeOf(request));
  const header = [
    t("applications.municipality"),
    t("applications.province"),
    t("applications.status"),
    t("applications.submittedOn"),
    t("applications.intakeOn"),
    t("applications.learningQuestion"),
    t("applications.project"),
    t("applications.commitment.college"),
    t("applications.commitment.council"),
    t("applications.commitment.civilService"),
    t("applications.contacts"),
  ];
  const rows = found.applications.map((a) => [
    a.municipalityName,
    a.province ?? "",
    t(`applications.status.${a.status}`),
    new Date(a.submittedAt),
    a.intakeAt ? new Date(a.intakeAt) : "",
    a.learningQuestion,
    a.project,
    a.commitmentCollege,
    a.commitmentCouncil,
    a.commitmentCivilService,
    a.contacts.map((contact) => `${contact.name} (${contact.role}) <${contact.email}>`).join("; "),
  ]);
  return spreadsheetResponse(request, {
    name: `aanmeldingen-${found.trajectory.slug}`,
    sheet: t("applications.export.sheet"),
    header,
    rows,
  });
}
