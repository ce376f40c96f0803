import { listMeetingEntries } from "../../../src/domain/programme/index.ts";
import { translator } from "../../i18n/catalogue.ts";
import { calendarResponse } from "../../server/calendar.server.ts";
import { notFound } from "../../server/http.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import type { Route } from "./+types/programme-feed";

/** Every meeting of the programme, as a calendar to subscribe to. */
export async function loader({ context }: Route.LoaderArgs) {
  const entries = await readProgramme(context, (tx, tenantId) =>
    listMeetingEntries(tx, { programmeTenantId: tenantId }),
  );
  if (!entries) notFound();
  return calendarResponse(translator("nl")("participation.feed.name"), entries);
}
