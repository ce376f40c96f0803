import { withTenant } from "../../../src/db/index.ts";
import { getProcess } from "../../../src/domain/processes/index.ts";
import { loadPdfTheme } from "../../../src/platform/pdf/index.ts";
import { services } from "../../server/context.ts";
import { publicMunicipality } from "../../server/following.server.ts";
import { notFound } from "../../server/http.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { processCardPdf } from "../../server/process-card.server.ts";
import { processLinks } from "../../server/processes.server.ts";
import type { Route } from "./+types/card-pdf";

/** The printable spelregelkaart: one A4 page in the municipality's colours. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const tenant = await publicMunicipality(context, params.gemeente);
  const process = await withTenant(services(context).db, { tenantId: tenant.id }, (tx) =>
    getProcess(tx, { tenantId: tenant.id, slug: params.proces, publishedOnly: true }),
  );
  if (!process) notFound();
  const bytes = await processCardPdf({
    process,
    theme: await loadPdfTheme({ slug: tenant.slug, name: tenant.name }),
    locale: await localeOf(request),
    url: processLinks(context, params.gemeente, process.slug).absolute,
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="spelregelkaart-${process.slug}.pdf"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
