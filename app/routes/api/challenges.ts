import { listChallengeRegister } from "../../../src/domain/initiatives/index.ts";
import { problem, readMunicipalityForApi, sendList } from "../../api/respond.server.ts";
import { Challenge } from "../../api/schemas.ts";
import type { Route } from "./+types/challenges";

/** The uitdaagrecht register: requests and outcomes, without the requesters' names or addresses. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const items = await readMunicipalityForApi(context, params.slug, (tx, tenantId) =>
    listChallengeRegister(tx, { tenantId }),
  );
  if (!items) return problem(404, "Municipality not found");
  return sendList(
    Challenge,
    items.map(({ budgetCents, ...item }) => ({ ...item, budget: budgetCents })),
  );
}
