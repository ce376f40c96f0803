import { listDesignSessions } from "../../../src/domain/programme/index.ts";
import { readForApi, sendList } from "../../api/respond.server.ts";
import { MeetingSummary } from "../../api/schemas.ts";
import type { Route } from "./+types/design-sessions";

export async function loader({ request, context }: Route.LoaderArgs) {
  const items = await readForApi(request, context, async (tx, tenantId, present) =>
    (await listDesignSessions(tx, tenantId)).map(present.meetingSummary),
  );
  return sendList(MeetingSummary, items);
}
