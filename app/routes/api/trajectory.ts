import { getTrajectory } from "../../../src/domain/programme/index.ts";
import { problem, readForApi, send } from "../../api/respond.server.ts";
import { Trajectory } from "../../api/schemas.ts";
import type { Route } from "./+types/trajectory";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const trajectory = await readForApi(request, context, async (tx, tenantId, present) => {
    const found = await getTrajectory(tx, { tenantId, slug: params.slug });
    return found && present.trajectory(found);
  });
  return trajectory ? send(Trajectory, trajectory) : problem(404, "Trajectory not found");
}
