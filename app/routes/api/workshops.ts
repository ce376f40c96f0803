import { listWorkshops } from "../../../src/domain/programme/index.ts";
import { readForApi, sendList } from "../../api/respond.server.ts";
import { Workshop } from "../../api/schemas.ts";
import type { Route } from "./+types/workshops";

export async function loader({ request, context }: Route.LoaderArgs) {
  const items = await readForApi(request, context, async (tx, tenantId, present) =>
    (await listWorkshops(tx, tenantId)).map(present.workshop),
  );
  return sendList(Workshop, items);
}
