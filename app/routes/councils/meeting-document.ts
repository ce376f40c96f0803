import { withTenant } from "../../../src/db/index.ts";
import { getCouncil, readMeetingDocument } from "../../../src/domain/councils/index.ts";
import { services } from "../../server/context.ts";
import { documentAudience } from "../../server/council-meetings.server.ts";
import { requireMunicipality, todayOf } from "../../server/councils.server.ts";
import { notFound } from "../../server/http.server.ts";
import { fileResponse } from "../../server/uploads.server.ts";
import type { Route } from "./+types/meeting-document";

/**
 * A meeting's PDF. The public gets the documents of a published meeting's public items and of the meeting as a
 * whole; a closed item's document, or any of a draft, is a 404 to them, as if it did not exist. The council and
 * staff with the councils right get every one. The file is an internal upload, so its `/bestanden` address is shut
 * to the public as well.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const tenant = await requireMunicipality(context, params.gemeente);
  const { db } = services(context);
  const council = await withTenant(db, { tenantId: tenant.id }, (tx) =>
    getCouncil(tx, { tenantId: tenant.id, slug: params.raad, today: todayOf(new Date()) }),
  );
  if (!council) notFound();
  const audience = await documentAudience(request, context, tenant, council.id);
  const file = await withTenant(db, { tenantId: tenant.id }, (tx) =>
    readMeetingDocument(tx, {
      tenantId: tenant.id,
      councilId: council.id,
      meetingId: params.vergadering,
      documentId: params.document,
      audience,
    }),
  );
  if (!file) notFound();
  return fileResponse(file, audience === "everyone" ? "public" : "private");
}
