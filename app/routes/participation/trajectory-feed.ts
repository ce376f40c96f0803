import { getTrajectory, listMeetingEntries } from "../../../src/domain/programme/index.ts";
import { translator } from "../../i18n/catalogue.ts";
import { calendarResponse } from "../../server/calendar.server.ts";
import { notFound } from "../../server/http.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import type { Route } from "./+types/trajectory-feed";

/** One trajectory's meetings, as a calendar to subscribe to. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const feed = await readProgramme(context, async (tx, tenantId) => {
    const trajectory = await getTrajectory(tx, { tenantId, slug: params.slug });
    if (!trajectory) return undefined;
    const entries = await listMeetingEntries(tx, { programmeTenantId: tenantId, trajectoryId: trajectory.id });
    return { title: trajectory.title, entries };
  });
  if (!feed) notFound();
  return calendarResponse(`${translator("nl")("participation.feed.name")}: ${feed.title}`, feed.entries);
}
