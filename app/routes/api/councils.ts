import {
  currentMembers,
  getCouncil,
  getPublicMeeting,
  listCouncils,
  listMeetings,
} from "../../../src/domain/councils/index.ts";
import { problem, readMunicipalityForApi, sendList } from "../../api/respond.server.ts";
import { Council } from "../../api/schemas.ts";
import { services } from "../../server/context.ts";
import { todayOf } from "../../server/councils.server.ts";
import type { Route } from "./+types/councils";

/** `councils`: each council with its kind, areas, today's members (names and roles only) and published meetings. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const today = todayOf(new Date());
  const site = `${services(context).config.publicUrl}/${params.slug}/raden`;
  const councils = await readMunicipalityForApi(context, params.slug, async (tx, tenantId) => {
    const all = [];
    for (const summary of await listCouncils(tx, { tenantId })) {
      const council = (await getCouncil(tx, { tenantId, slug: summary.slug, today }))!;
      const meetings = [];
      for (const meeting of await listMeetings(tx, { tenantId, councilId: council.id, publishedOnly: true }))
        meetings.push((await getPublicMeeting(tx, { tenantId, councilId: council.id, meetingId: meeting.id }))!);
      all.push({ council, meetings });
    }
    return all;
  });
  if (!councils) return problem(404, "Municipality not found");
  return sendList(
    Council,
    councils.map(({ council, meetings }) => ({
      slug: council.slug,
      name: council.name,
      kind: council.kind,
      areas: council.areas.map(({ code, name }) => ({ code, name })),
      members: currentMembers(council).map(({ name, role }) => ({ name, role })),
      meetings: meetings.map((meeting) => ({
        id: meeting.id,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        place: meeting.place,
        onlineUrl: meeting.onlineUrl,
        report: meeting.reportKind,
        cancelled: meeting.cancelledAt !== null,
        agenda: meeting.items.map((item) => ({
          position: item.position,
          visibility: item.visibility,
          title: item.visibility === "public" ? item.title : null,
          withdrawn: item.visibility === "public" && item.withdrawn,
        })),
        url: `${site}/${council.slug}/vergaderingen/${meeting.id}`,
      })),
      calendar: `${site}/${council.slug}/agenda.ics`,
      url: `${site}/${council.slug}`,
    })),
  );
}
