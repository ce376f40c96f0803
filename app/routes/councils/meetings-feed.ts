import { withTenant } from "../../../src/db/index.ts";
import { councilMeetingEvent, getCouncil, listMeetings } from "../../../src/domain/councils/index.ts";
import { translator } from "../../i18n/catalogue.ts";
import { calendarResponse } from "../../server/calendar.server.ts";
import { services } from "../../server/context.ts";
import { requireMunicipality, todayOf } from "../../server/councils.server.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/meetings-feed";

/**
 * A council's published meetings as a calendar to subscribe to; drafts never appear in it. A moved meeting keeps its
 * UID with a higher SEQUENCE, a cancelled one stays with STATUS:CANCELLED, so subscribed calendars follow.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const tenant = await requireMunicipality(context, params.gemeente);
  const found = await withTenant(services(context).db, { tenantId: tenant.id }, async (tx) => {
    const council = await getCouncil(tx, { tenantId: tenant.id, slug: params.raad, today: todayOf(new Date()) });
    if (!council) return undefined;
    return {
      council,
      meetings: await listMeetings(tx, { tenantId: tenant.id, councilId: council.id, publishedOnly: true }),
    };
  });
  if (!found) notFound();
  const t = translator("nl");
  const page = (id: string) =>
    `${services(context).config.publicUrl}/${tenant.slug}/raden/${found.council.slug}/vergaderingen/${id}`;
  return calendarResponse(
    t("councilMeetings.calendar.title", { council: found.council.name }),
    found.meetings.map((meeting) =>
      councilMeetingEvent(found.council, meeting, {
        description: t("councilMeetings.calendar.description", { url: page(meeting.id) }),
      }),
    ),
  );
}
