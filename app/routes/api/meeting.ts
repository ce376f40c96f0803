import { getMeeting } from "../../../src/domain/programme/index.ts";
import { problem, readForApi, send } from "../../api/respond.server.ts";
import { Meeting } from "../../api/schemas.ts";
import type { Route } from "./+types/meeting";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const meeting = await readForApi(request, context, async (tx, tenantId, present) => {
    const found = await getMeeting(tx, { tenantId, slug: params.slug });
    return found && present.meeting(found);
  });
  return meeting ? send(Meeting, meeting) : problem(404, "Meeting not found");
}
