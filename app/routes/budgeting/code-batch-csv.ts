import { withTenant } from "../../../src/db/index.ts";
import { getRound, revealCodeBatch } from "../../../src/domain/budgeting/index.ts";
import { orNotFound } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import type { Route } from "./+types/code-batch-csv";

/** A batch's codes as CSV for the printing house, derived again from the key; the download is audited. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "budgeting:manage");
  const { config, db } = services(context);
  const batch = await orNotFound(
    withTenant(db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      return revealCodeBatch(tx, {
        tenantId: tenant.id,
        roundId: round.id,
        batchId: params.batch,
        key: config.votingCodeKey,
        actorPersonId: actor.personId,
        format: "csv",
      });
    }),
  );
  const url = `${config.publicUrl}/${params.gemeente}/burgerbegroting/${params.ronde}/stemmen`;
  const lines = [
    "gebied,stemcode,stemadres",
    ...batch.codes.map((code) => `"${batch.areaName.replaceAll('"', '""')}",${code},${url}`),
  ];
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="stemcodes-${params.batch}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
