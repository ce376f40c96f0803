import { and, count, eq, inArray } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { type ApplicationStatus, statusesBefore } from "./application-states.ts";
import { ProgrammeError } from "./errors.ts";
import type { Application } from "./submit-application.ts";

export type MoveApplicationOptions = {
  programmeTenantId: string;
  applicationId: string;
  /** An application is submitted once, by `submitApplication`; every later state is a move. */
  to: Exclude<ApplicationStatus, "submitted">;
  actorPersonId: string;
  note?: string;
  intakeAt?: Date;
  now: Date;
};

/**
 * One step in an application's life (intake planned or held, admitted, wait-listed, declined, withdrawn). The
 * change is a conditional UPDATE on the allowed previous states, so of two staff members acting at once only one
 * moves it. Admission first locks the trajectory and counts, so the maximum holds under concurrent admissions.
 * The previous status is read under the application's row lock (after the trajectory's: parents first), so the
 * trail records the state the change really started from.
 */
export async function moveApplication(tx: Tx, o: MoveApplicationOptions): Promise<Application> {
  const [current] = await tx
    .select({ trajectoryId: schema.applications.trajectoryId })
    .from(schema.applications)
    .where(and(eq(schema.applications.tenantId, o.programmeTenantId), eq(schema.applications.id, o.applicationId)));
  if (!current) throw new ProgrammeError("programme.application-not-found");
  if (o.to === "intake-scheduled" && !o.intakeAt) throw new ProgrammeError("programme.intake-needs-date");
  if (o.to === "admitted") await ensurePlaceLeft(tx, o.programmeTenantId, current.trajectoryId);

  const [before] = await tx
    .select({ status: schema.applications.status })
    .from(schema.applications)
    .where(and(eq(schema.applications.tenantId, o.programmeTenantId), eq(schema.applications.id, o.applicationId)))
    .for("update");
  const decided = o.to === "admitted" || o.to === "wait-listed" || o.to === "declined";
  const [moved] = await tx
    .update(schema.applications)
    .set({
      status: o.to,
      ...(o.intakeAt ? { intakeAt: o.intakeAt } : {}),
      ...(decided ? { decidedAt: o.now } : {}),
    })
    .where(and(eq(schema.applications.id, o.applicationId), inArray(schema.applications.status, statusesBefore(o.to))))
    .returning();
  if (!moved) {
    throw new ProgrammeError("programme.application-transition-not-allowed", { from: before?.status ?? "", to: o.to });
  }
  await tx.insert(schema.applicationEvents).values({
    tenantId: o.programmeTenantId,
    municipalityId: moved.municipalityId,
    applicationId: moved.id,
    fromStatus: before?.status,
    toStatus: o.to,
    actorPersonId: o.actorPersonId,
    note: o.note,
    at: o.now,
  });
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: `programme.application.${o.to}`,
    subject: moved.id,
    details: { from: before?.status, note: o.note },
  });
  return moved;
}

async function ensurePlaceLeft(tx: Tx, programmeTenantId: string, trajectoryId: string): Promise<void> {
  const [trajectory] = await tx
    .select({ max: schema.trajectories.maxMunicipalities })
    .from(schema.trajectories)
    .where(and(eq(schema.trajectories.tenantId, programmeTenantId), eq(schema.trajectories.id, trajectoryId)))
    .for("update");
  if (trajectory?.max == null) return;
  const [admitted] = await tx
    .select({ n: count() })
    .from(schema.applications)
    .where(and(eq(schema.applications.trajectoryId, trajectoryId), eq(schema.applications.status, "admitted")));
  if ((admitted?.n ?? 0) >= trajectory.max)
    throw new ProgrammeError("programme.trajectory-full", { max: trajectory.max });
}
