import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { insertOnce } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { auditWorkshopRequest, type WorkshopRequest } from "./workshop-request-steps.ts";

export type RequestWorkshopOptions = {
  programmeTenantId: string;
  municipalityId: string;
  workshopId: string;
  participants: number;
  preferredDates: string;
  personId: string;
  /** The form's hidden key: the same form sent twice (or 200 times at once) makes one request and one mail. */
  idempotencyKey?: string;
  now: Date;
};

/**
 * A municipality asks for an in-company workshop; the workshop's participant limit holds from the start.
 * `created` is false when the form's key had already made the request: the caller then mails nothing.
 */
export async function requestWorkshop(
  tx: Tx,
  o: RequestWorkshopOptions,
): Promise<WorkshopRequest & { created: boolean }> {
  const [workshop] = await tx
    .select({ max: schema.workshops.maxParticipants })
    .from(schema.workshops)
    .where(and(eq(schema.workshops.tenantId, o.programmeTenantId), eq(schema.workshops.id, o.workshopId)));
  if (!workshop) throw new ProgrammeError("programme.workshop-not-found");
  if (!Number.isInteger(o.participants) || o.participants < 1)
    throw new ProgrammeError("programme.participants-invalid");
  if (o.participants > workshop.max) throw new ProgrammeError("programme.too-many-participants", { max: workshop.max });
  const { row: request, created } = await insertOnce(
    () =>
      tx
        .insert(schema.workshopRequests)
        .values({
          tenantId: o.programmeTenantId,
          municipalityId: o.municipalityId,
          workshopId: o.workshopId,
          requestedBy: o.personId,
          participants: o.participants,
          preferredDates: o.preferredDates,
          status: "requested",
          idempotencyKey: o.idempotencyKey,
          createdAt: o.now,
          updatedAt: o.now,
        })
        .onConflictDoNothing()
        .returning(),
    () =>
      tx
        .select()
        .from(schema.workshopRequests)
        .where(
          and(
            eq(schema.workshopRequests.tenantId, o.programmeTenantId),
            eq(schema.workshopRequests.idempotencyKey, o.idempotencyKey ?? ""),
          ),
        ),
  );
  if (created) await auditWorkshopRequest(tx, request, o.personId, "request");
  return { ...request, created };
}
