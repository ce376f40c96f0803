import { eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import type { WorkshopRequest } from "./workshop-request-steps.ts";

/**
 * Tells the coordinator who asked for the workshop where the request stands now; in the transaction of the step,
 * so the mail goes out only if the step commits.
 */
export async function notifyWorkshopRequest(
  tx: Tx,
  o: { request: WorkshopRequest; url: (municipalitySlug: string) => string; now: Date },
): Promise<void> {
  if (!o.request.requestedBy) return;
  const [row] = await tx
    .select({
      email: schema.people.email,
      locale: schema.people.locale,
      workshop: schema.workshops.title,
      municipality: schema.tenants.name,
      municipalitySlug: schema.tenants.slug,
    })
    .from(schema.people)
    .innerJoin(schema.workshops, eq(schema.workshops.id, o.request.workshopId))
    .innerJoin(schema.tenants, eq(schema.tenants.id, o.request.municipalityId))
    .where(eq(schema.people.id, o.request.requestedBy));
  if (!row) return;
  await enqueueMail(
    tx,
    {
      to: row.email,
      locale: row.locale,
      template: "workshop-request-status",
      params: {
        workshop: row.workshop,
        municipality: row.municipality,
        status: o.request.status,
        url: o.url(row.municipalitySlug),
      },
    },
    { runAt: o.now },
  );
}
