import { getWorkshop } from "../../../src/domain/programme/index.ts";
import { problem, readForApi, send } from "../../api/respond.server.ts";
import { Workshop } from "../../api/schemas.ts";
import type { Route } from "./+types/workshop";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const workshop = await readForApi(request, context, async (tx, tenantId, present) => {
    const found = await getWorkshop(tx, { tenantId, slug: params.slug });
    return found && present.workshop(found);
  });
  return workshop ? send(Workshop, workshop) : problem(404, "Workshop not found");
}
