import { and, eq, inArray } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";

export type WorkshopRequest = typeof schema.workshopRequests.$inferSelect;
export type WorkshopRequestStatus = WorkshopRequest["status"];
/** The programme's staff quote, schedule and decline; the municipality that asked accepts a quote or cancels. */
export type WorkshopSide = "programme" | "municipality";

/**
 * The life of a workshop request in one table: who takes each step, from which states, to which state. A scheduled
 * request is not cancelled here: it is a meeting people may have signed up for, which the programme handles.
 */
export const workshopSteps = {
  quote: { by: "programme", from: ["requested", "quoted"], to: "quoted" },
  schedule: { by: "programme", from: ["accepted"], to: "scheduled" },
  decline: { by: "programme", from: ["requested", "quoted"], to: "declined" },
  accept: { by: "municipality", from: ["quoted"], to: "accepted" },
  cancel: { by: "municipality", from: ["requested", "quoted", "accepted"], to: "cancelled" },
} as const satisfies Record<
  string,
  { by: WorkshopSide; from: readonly WorkshopRequestStatus[]; to: WorkshopRequestStatus }
>;
export type WorkshopStep = keyof typeof workshopSteps;

/** The steps this side may take on a request in this state, in the table's order: what its page offers. */
export function allowedWorkshopSteps(side: WorkshopSide, status: WorkshopRequestStatus): WorkshopStep[] {
  return (Object.keys(workshopSteps) as WorkshopStep[]).filter((step) => {
    const rule = workshopSteps[step];
    return rule.by === side && (rule.from as readonly WorkshopRequestStatus[]).includes(status);
  });
}

export type WorkshopStepOptions = { programmeTenantId: string; requestId: string; actorPersonId: string; now: Date };

/** Every step is a conditional UPDATE on the states it may follow, so two clicks cannot both act. */
export async function moveWorkshopRequest(
  tx: Tx,
  o: WorkshopStepOptions,
  step: WorkshopStep,
  change: Partial<WorkshopRequest> = {},
): Promise<WorkshopRequest> {
  const { from, to } = workshopSteps[step];
  const [request] = await tx
    .update(schema.workshopRequests)
    .set({ ...change, status: to, updatedAt: o.now })
    .where(
      and(
        eq(schema.workshopRequests.tenantId, o.programmeTenantId),
        eq(schema.workshopRequests.id, o.requestId),
        inArray(schema.workshopRequests.status, [...from]),
      ),
    )
    .returning();
  if (!request) {
    const [current] = await tx
      .select({ status: schema.workshopRequests.status })
      .from(schema.workshopRequests)
      .where(eq(schema.workshopRequests.id, o.requestId));
    if (!current) throw new ProgrammeError("programme.workshop-request-not-found");
    throw new ProgrammeError("programme.workshop-step-not-allowed", { from: current.status, to });
  }
  await auditWorkshopRequest(tx, request, o.actorPersonId, to);
  return request;
}

/** The request itself, or the state a step took it to. */
type WorkshopAudit = "request" | (typeof workshopSteps)[WorkshopStep]["to"];

export function auditWorkshopRequest(tx: Tx, request: WorkshopRequest, actorPersonId: string, what: WorkshopAudit) {
  return recordAudit(tx, {
    tenantId: request.municipalityId,
    actorPersonId,
    action: `programme.workshop.${what}`,
    subject: request.id,
  });
}
