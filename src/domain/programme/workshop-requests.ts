import { and, eq, inArray } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { addMeetingSlot } from "./add-meeting-slot.ts";
import { ProgrammeError } from "./errors.ts";
import { scheduleMeeting } from "./schedule-meeting.ts";

export type WorkshopRequest = typeof schema.workshopRequests.$inferSelect;
type Status = WorkshopRequest["status"];

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
  if (created) await audit(tx, request, o.personId, "request");
  return { ...request, created };
}

type StepOptions = { programmeTenantId: string; requestId: string; actorPersonId: string; now: Date };

/** Staff send a price; the offer says "op aanvraag", so every request gets its own. */
export function quoteWorkshop(tx: Tx, o: StepOptions & { quoteCents: number; quoteNote: string }) {
  if (!Number.isSafeInteger(o.quoteCents) || o.quoteCents < 0)
    throw new ProgrammeError("programme.amount-not-positive");
  return step(tx, o, ["requested", "quoted"], { status: "quoted", quoteCents: o.quoteCents, quoteNote: o.quoteNote });
}

export function acceptWorkshopQuote(tx: Tx, o: StepOptions) {
  return step(tx, o, ["quoted"], { status: "accepted" });
}

export function declineWorkshopRequest(tx: Tx, o: StepOptions) {
  return step(tx, o, ["requested", "quoted"], { status: "declined" });
}

export function cancelWorkshopRequest(tx: Tx, o: StepOptions) {
  return step(tx, o, ["requested", "quoted", "accepted", "scheduled"], { status: "cancelled" });
}

export type ScheduleWorkshopOptions = StepOptions & {
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
  return step(tx, o, ["accepted"], { status: "scheduled", meetingId: meeting.id });
}

/** Every step is a conditional UPDATE on the states it may follow, so two clicks cannot both act. */
async function step(
  tx: Tx,
  o: StepOptions,
  from: Status[],
  change: Partial<WorkshopRequest> & { status: Status },
): Promise<WorkshopRequest> {
  const [request] = await tx
    .update(schema.workshopRequests)
    .set({ ...change, updatedAt: o.now })
    .where(
      and(
        eq(schema.workshopRequests.tenantId, o.programmeTenantId),
        eq(schema.workshopRequests.id, o.requestId),
        inArray(schema.workshopRequests.status, from),
      ),
    )
    .returning();
  if (!request) {
    const [current] = await tx
      .select({ status: schema.workshopRequests.status })
      .from(schema.workshopRequests)
      .where(eq(schema.workshopRequests.id, o.requestId));
    if (!current) throw new ProgrammeError("programme.workshop-request-not-found");
    throw new ProgrammeError("programme.workshop-step-not-allowed", { from: current.status, to: change.status });
  }
  await audit(tx, request, o.actorPersonId, change.status);
  return request;
}

function audit(tx: Tx, request: WorkshopRequest, actorPersonId: string, what: string) {
  return recordAudit(tx, {
    tenantId: request.municipalityId,
    actorPersonId,
    action: `programme.workshop.${what}`,
    subject: request.id,
  });
}
