import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { addMeetingSlot } from "./add-meeting-slot.ts";
import { ProgrammeError } from "./errors.ts";
import { scheduleMeeting } from "./schedule-meeting.ts";
import { moveWorkshopRequest, type WorkshopRequest, type WorkshopStepOptions } from "./workshop-request-steps.ts";

export type ScheduleWorkshopOptions = WorkshopStepOptions & {
  startsAt: Date;
  endsAt: Date;
  venue: string;
  address: string;
  city: string;
};

/** An accepted workshop becomes a meeting whose places are the workshop's participant limit. */
export async function scheduleWorkshop(tx: Tx, o: ScheduleWorkshopOptions): Promise<WorkshopRequest> {
  const [request] = await tx
    .select({
      status: schema.workshopRequests.status,
      municipalityId: schema.workshopRequests.municipalityId,
      title: schema.workshops.title,
      slug: schema.workshops.slug,
      max: schema.workshops.maxParticipants,
    })
    .from(schema.workshopRequests)
    .innerJoin(schema.workshops, eq(schema.workshops.id, schema.workshopRequests.workshopId))
    .where(and(eq(schema.workshopRequests.tenantId, o.programmeTenantId), eq(schema.workshopRequests.id, o.requestId)))
    .for("update", { of: schema.workshopRequests });
  if (!request) throw new ProgrammeError("programme.workshop-request-not-found");
  if (request.status !== "accepted") {
    throw new ProgrammeError("programme.workshop-step-not-allowed", { from: request.status, to: "scheduled" });
  }
  const meeting = await scheduleMeeting(tx, {
    tenantId: o.programmeTenantId,
    slug: `${request.slug}-${o.requestId.slice(0, 8)}`,
    kind: "workshop",
    title: request.title,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    venue: o.venue,
    address: o.address,
    city: o.city,
    capacity: request.max,
    // The requesting municipality's own workshop: its coordinators, staff and council members take the places.
    audience: "invited",
    invitedMunicipalityIds: [request.municipalityId],
  });
  // One track as long as the workshop: participants sign up for it, and its seats are the workshop's limit.
  await addMeetingSlot(tx, {
    tenantId: o.programmeTenantId,
    meetingId: meeting.id,
    kind: "track",
    title: request.title,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    capacity: request.max,
  });
  return moveWorkshopRequest(tx, o, "schedule", { meetingId: meeting.id });
}
