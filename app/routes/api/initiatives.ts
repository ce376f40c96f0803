import { listShowcase } from "../../../src/domain/initiatives/index.ts";
import { problem, readMunicipalityForApi, sendList } from "../../api/respond.server.ts";
import { Initiative } from "../../api/schemas.ts";
import type { Route } from "./+types/initiatives";

/** The showcase only: what the initiators agreed to show, never who they are. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const items = await readMunicipalityForApi(context, params.slug, (tx, tenantId) => listShowcase(tx, { tenantId }));
  if (!items) return problem(404, "Municipality not found");
  return sendList(Initiative, items);
}
