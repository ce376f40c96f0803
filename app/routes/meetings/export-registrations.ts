import { withTenant } from "../../../src/db/index.ts";
import { getMeeting, listMeetingRegistrations } from "../../../src/domain/programme/index.ts";
import { translator } from "../../i18n/catalogue.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { spreadsheetResponse } from "../../server/spreadsheet.server.ts";
import type { Route } from "./+types/export-registrations";

/** Who registered for a meeting, who waits and who came, as a download: CSV for Dutch Excel, or an XLSX workbook. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "meetings:manage");
  const found = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => {
      const meeting = await getMeeting(tx, { tenantId: tenant.id, slug: params.slug });
      if (!meeting) return undefined;
      return {
        meeting,
        registrations: await listMeetingRegistrations(tx, { tenantId: tenant.id, meetingId: meeting.id }),
      };
    },
  );
  if (!found) notFound();
  const t = translator(await localeOf(request));
  const header = [
    t("meeting.programme.part"),
    t("meetings.registrations.name"),
    t("meetings.registrations.email"),
    t("meetings.registrations.organisation"),
    t("meetings.registrations.status"),
    t("meetings.registrations.position"),
    t("meetings.registrations.attended"),
    t("meetings.registrations.registeredAt"),
  ];
  const rows = found.registrations.map((row) => [
    row.track,
    row.name,
    row.email,
    row.organisation,
    t(
      row.provisional
        ? "meetings.registrations.provisional"
        : row.status === "registered"
          ? "meetings.registrations.registered"
          : "meetings.registrations.waitListed",
    ),
    row.waitListPosition ?? "",
    row.attended ? t("meetings.registrations.yes") : t("meetings.registrations.no"),
    new Date(row.registeredAt),
  ]);
  return spreadsheetResponse(request, {
    name: `aanmeldingen-${found.meeting.slug}`,
    sheet: t("meetings.registrations.title"),
    header,
    rows,
  });
}
