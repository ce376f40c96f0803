import { withTenant } from "../../../src/db/index.ts";
import { getRound, revealCodeBatch } from "../../../src/domain/budgeting/index.ts";
import { loadPdfTheme } from "../../../src/platform/pdf/index.ts";
import { orNotFound } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { votingLettersPdf } from "../../server/voting-letters.server.ts";
import type { Route } from "./+types/code-batch-letters";

/** `?deel=2`: the second file of a batch's letters; none is the first. Anything but a whole number is a 404. */
function partOf(request: Request): number {
  const part = new URL(request.url).searchParams.get("deel") ?? "1";
  if (!/^[1-9]\d{0,5}$/.test(part)) notFound();
  return Number(part);
}

/**
 * A batch's postal voting letters as one PDF for the printing house (one A4 per code), in the municipality's theme.
 * The codes are derived again from the key, as for the CSV (ADR 0015); the download is audited with its format.
 * A batch of more than `LETTERS_PER_FILE` codes comes in several files (`?deel=`), each numbered on its pages.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "budgeting:manage");
  const { config, db } = services(context);
  const { round, batch } = await orNotFound(
    withTenant(db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
      const round = await getRound(tx, { tenantId: tenant.id, slug: params.ronde });
      const batch = await revealCodeBatch(tx, {
        tenantId: tenant.id,
        roundId: round.id,
        batchId: params.batch,
        key: config.votingCodeKey,
        actorPersonId: actor.personId,
        format: "pdf",
        part: partOf(request),
      });
      return { round, batch };
    }),
  );
  const area = round.areas.find((a) => a.id === batch.roundAreaId);
  const bytes = await votingLettersPdf({
    round,
    areaName: batch.areaName,
    budgetEuros: area?.budgetEuros ?? 0,
    codes: batch.codes,
    theme: await loadPdfTheme({ slug: tenant.slug, name: tenant.name }),
    locale: actor.locale,
    url: `${config.publicUrl}/${params.gemeente}/burgerbegroting/${params.ronde}/stemmen`,
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="stembrieven-${params.batch}-${batch.first + 1}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
