import { data } from "react-router";
import { withPlatform, withTenant } from "../../../src/db/index.ts";
import { adviceFileOf, isCouncilFileOf } from "../../../src/domain/councils/index.ts";
import { rolesGrant, rolesInTenant } from "../../../src/domain/identity/index.ts";
import { isFundApplicationFile } from "../../../src/domain/initiatives/index.ts";
import { cachedTenantBySlug } from "../../../src/domain/tenancy/index.ts";
import { readUpload } from "../../../src/platform/uploads/index.ts";
import { services } from "../../server/context.ts";
import { todayOf } from "../../server/councils.server.ts";
import { notFound } from "../../server/http.server.ts";
import { requireActor } from "../../server/session.server.ts";
import { fileResponse } from "../../server/uploads.server.ts";
import type { Route } from "./+types/file";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Serves a municipality's stored file: public ones to everyone; internal ones (receipts) to its own staff
 * (`uploads:view-internal`), and to whoever holds a seat today on the council whose area's ledger the file belongs
 * to (`isCouncilFileOf`): the `council-member` role alone opens no other council's files. Assessors of the fund
 * (`funds:assess`, the fund committee) open the files of fund applications only. A file of some advice follows its
 * side instead: everyone once that side is public, before that staff with the advice right and the council's own
 * members, once removed only staff. A visitor is sent to sign in, anyone else gets a 403.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { db } = services(context);
  const tenant = await cachedTenantBySlug(db, params.gemeente);
  if (tenant?.kind !== "municipality" || !UUID.test(params.uploadId)) notFound();
  const { file, advice } = await withTenant(db, { tenantId: tenant.id }, async (tx) => {
    const ids = { tenantId: tenant.id, uploadId: params.uploadId };
    return { file: await readUpload(tx, ids), advice: await adviceFileOf(tx, ids) };
  });
  if (!file) notFound();
  if (advice?.isPublic) return fileResponse(file, "public");
  if (file.visibility === "internal") {
    const actor = await requireActor(request, context);
    const roles = await withPlatform(db, (tx) => rolesInTenant(tx, { personId: actor.personId, tenantId: tenant.id }));
    const allowed =
      rolesGrant(roles, advice ? "advice:manage" : "uploads:view-internal") ||
      (await withTenant(db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
        const ids = { tenantId: tenant.id, uploadId: file.id };
        if (rolesGrant(roles, "funds:assess") && (await isFundApplicationFile(tx, ids))) return true;
        return isCouncilFileOf(tx, { ...ids, personId: actor.personId, today: todayOf(new Date()) });
      }));
    if (!allowed) throw data(null, { status: 403 });
  }
  return fileResponse(file, file.visibility === "public" ? "public" : "private");
}
