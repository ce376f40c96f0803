import { withTenant } from "../../../src/db/index.ts";
import { findTenantBySlug } from "../../../src/domain/tenancy/index.ts";
import { readUpload } from "../../../src/platform/uploads/index.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { fileResponse } from "../../server/uploads.server.ts";
import type { Route } from "./+types/file";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Serves a municipality's stored file: public ones to everyone, internal ones (receipts) only to its own staff and
 * council members (`fileResponse`).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { db } = services(context);
  const tenant = await findTenantBySlug(db, params.gemeente);
  if (tenant?.kind !== "municipality" || !UUID.test(params.uploadId)) notFound();
  const file = await withTenant(db, { tenantId: tenant.id }, (tx) =>
    readUpload(tx, { tenantId: tenant.id, uploadId: params.uploadId }),
  );
  if (!file) notFound();
  if (file.visibility === "internal")
    await requireTenantPermission(request, context, params.gemeente, "uploads:view-internal");
  return fileResponse(file, file.visibility === "public" ? "public" : "private");
}
