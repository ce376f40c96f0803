import { listDesignerSignUps } from "../../../src/domain/programme/index.ts";
import { trajectoryDownload } from "../../server/applications.server.ts";
import type { Route } from "./+types/export-designers";

/** The designers' sign-ups of one trajectory as a download, made as the application list is. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return trajectoryDownload(request, context, params.slug, {
    name: "ontwerpers",
    sheet: "designers.export.sheet",
    read: listDesignerSignUps,
    columns: (t) => [
      [t("designers.staff.name"), (d) => d.name],
      [t("designers.staff.email"), (d) => d.email],
      [t("designers.staff.organisation"), (d) => d.organisation],
      [t("designers.staff.motivation"), (d) => d.motivation],
      [t("designers.staff.signedUpAt"), (d) => d.createdAt],
    ],
  });
}
