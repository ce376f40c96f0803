import { findCalendarFeedPerson, listRegistrationEntries } from "../../../src/domain/programme/index.ts";
import { translator } from "../../i18n/catalogue.ts";
import { calendarResponse } from "../../server/calendar.server.ts";
import { notFound } from "../../server/http.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import type { Route } from "./+types/personal-feed";

/** A person's own tracks; calendar apps cannot sign in, so the secret in the URL is the key. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const entries = await readProgramme(context, async (tx, tenantId) => {
    const personId = await findCalendarFeedPerson(tx, { tenantId, token: params.token });
    return personId ? listRegistrationEntries(tx, { programmeTenantId: tenantId, personId }) : undefined;
  });
  if (!entries) notFound();
  return calendarResponse(translator("nl")("participation.feed.personalName"), entries, { private: true });
}
