import { listMeetings } from "../../../src/domain/programme/index.ts";
import { problem, readForApi, sendList } from "../../api/respond.server.ts";
import { MeetingSummary } from "../../api/schemas.ts";
import type { Route } from "./+types/meetings";

export async function loader({ request, context }: Route.LoaderArgs) {
  const kind = new URL(request.url).searchParams.get("kind");
  const kinds = MeetingSummary.shape.kind;
  if (kind !== null && !kinds.safeParse(kind).success)
    return problem(400, `kind must be one of ${kinds.options.join(", ")}`);
  const items = await readForApi(request, context, async (tx, tenantId, present) =>
    (await listMeetings(tx, { tenantId })).filter((m) => kind === null || m.kind === kind).map(present.meetingSummary),
  );
  return sendList(MeetingSummary, items);
}
