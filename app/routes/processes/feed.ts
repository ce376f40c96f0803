import { withTenant } from "../../../src/db/index.ts";
import { listProcesses } from "../../../src/domain/processes/index.ts";
import { translator } from "../../i18n/catalogue.ts";
import { calendarResponse } from "../../server/calendar.server.ts";
import { services } from "../../server/context.ts";
import { publicMunicipality } from "../../server/following.server.ts";
import { processLinks } from "../../server/processes.server.ts";
import type { Route } from "./+types/feed";

/** The moments of influence of every published process, as a calendar to subscribe to. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const tenant = await publicMunicipality(context, params.gemeente);
  const processes = await withTenant(services(context).db, { tenantId: tenant.id }, (tx) =>
    listProcesses(tx, { tenantId: tenant.id, publishedOnly: true }),
  );
  const t = translator("nl");
  const entries = processes.flatMap((process) =>
    process.phases.flatMap((phase) =>
      phase.moments.map((moment) => ({
        uid: `process-moment-${moment.id}@samenspel`,
        startsAt: new Date(moment.opensAt),
        endsAt: new Date(moment.closesAt),
        title: `${process.title}: ${moment.title}`,
        description: `${t("processes.moment.what", { subject: moment.subject })} ${processLinks(context, params.gemeente, process.slug).absolute}`,
      })),
    ),
  );
  return calendarResponse(t("processes.calendar.title", { tenant: tenant.name }), entries);
}
