import { listTrajectories } from "../../../src/domain/programme/index.ts";
import { readForApi, sendList } from "../../api/respond.server.ts";
import { TrajectorySummary } from "../../api/schemas.ts";
import type { Route } from "./+types/trajectories";

export async function loader({ request, context }: Route.LoaderArgs) {
  const theme = new URL(request.url).searchParams.get("theme") ?? undefined;
  const items = await readForApi(request, context, async (tx, tenantId, present) =>
    (await listTrajectories(tx, { tenantId, theme })).map(present.trajectorySummary),
  );
  return sendList(TrajectorySummary, items);
}
