import { listMeetings, listTrajectories, listWorkshops } from "../../../src/domain/programme/index.ts";
import { readForApi, send } from "../../api/respond.server.ts";
import { Catalogue } from "../../api/schemas.ts";
import type { Route } from "./+types/catalogue";

export async function loader({ request, context }: Route.LoaderArgs) {
  const catalogue = await readForApi(request, context, async (tx, tenantId, present) => ({
    trajectories: (await listTrajectories(tx, { tenantId })).map(present.trajectorySummary),
    meetings: (await listMeetings(tx, { tenantId })).map(present.meetingSummary),
    workshops: (await listWorkshops(tx, tenantId)).map(present.workshop),
  }));
  return send(Catalogue, catalogue ?? { trajectories: [], meetings: [], workshops: [] });
}
