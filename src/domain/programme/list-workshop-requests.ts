import { and, desc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { WorkshopRequest } from "./workshop-request-steps.ts";

export type WorkshopRequestSummary = WorkshopRequest & {
  workshopTitle: string;
  workshopSlug: string;
  maxParticipants: number;
  municipalityName: string;
  municipalitySlug: string;
};

/** Workshop requests, newest first: all of the programme's for staff, or one municipality's own. */
export async function listWorkshopRequests(
  tx: Executor,
  o: { programmeTenantId: string; municipalityId?: string },
): Promise<WorkshopRequestSummary[]> {
  const rows = await tx
    .select({
      request: schema.workshopRequests,
      workshopTitle: schema.workshops.title,
      workshopSlug: schema.workshops.slug,
      maxParticipants: schema.workshops.maxParticipants,
      municipalityName: schema.tenants.name,
      municipalitySlug: schema.tenants.slug,
    })
    .from(schema.workshopRequests)
    .innerJoin(schema.workshops, eq(schema.workshops.id, schema.workshopRequests.workshopId))
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.workshopRequests.municipalityId))
    .where(
      and(
        eq(schema.workshopRequests.tenantId, o.programmeTenantId),
        o.municipalityId ? eq(schema.workshopRequests.municipalityId, o.municipalityId) : undefined,
      ),
    )
    .orderBy(desc(schema.workshopRequests.createdAt));
  return rows.map(({ request, ...names }) => ({ ...request, ...names }));
}
