import { listApplications } from "../../../src/domain/programme/index.ts";
import { trajectoryDownload } from "../../server/applications.server.ts";
import type { Route } from "./+types/export-applications";

/** The application list of one trajectory as a download: CSV for Dutch Excel, or a real XLSX workbook. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return trajectoryDownload(request, context, params.slug, {
    name: "aanmeldingen",
    sheet: "applications.export.sheet",
    read: listApplications,
    columns: (t) => [
      [t("applications.municipality"), (a) => a.municipalityName],
      [t("applications.province"), (a) => a.province ?? ""],
      [t("applications.status"), (a) => t(`applications.status.${a.status}`)],
      [t("applications.submittedOn"), (a) => new Date(a.submittedAt)],
      [t("applications.intakeOn"), (a) => (a.intakeAt ? new Date(a.intakeAt) : "")],
      [t("applications.learningQuestion"), (a) => a.learningQuestion],
      [t("applications.project"), (a) => a.project],
      [t("applications.commitment.college"), (a) => a.commitmentCollege],
      [t("applications.commitment.council"), (a) => a.commitmentCouncil],
      [t("applications.commitment.civilService"), (a) => a.commitmentCivilService],
      [
        t("applications.contacts"),
        (a) => a.contacts.map((contact) => `${contact.name} (${contact.role}) <${contact.email}>`).join("; "),
      ],
    ],
  });
}
