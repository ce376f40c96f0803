import { exportPabulib } from "../../../src/domain/budgeting/index.ts";
import { isDomainError } from "../../../src/domain/shared/index.ts";
import { inTenant, municipalityOf } from "../../server/budgeting.server.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/pabulib-export";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One area of a published round as a Pabulib file (open data): plans by reference number and the ballots without
 * voters, from which `npm run pb` counts the published result again. Nothing before staff publish the result.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  if (!UUID.test(params.gebied)) notFound();
  const file = await inTenant(context, tenant.id, (tx) =>
    exportPabulib(tx, { tenantId: tenant.id, roundSlug: params.ronde, roundAreaId: params.gebied }),
  ).catch((error: unknown) => {
    if (isDomainError(error)) return undefined;
    throw error;
  });
  if (!file) notFound();
  return new Response(file.text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
