import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProcessesError } from "./errors.ts";
import { checkPhaseOrder, lockPhases, type PhaseValues } from "./phase-order.ts";
import { rescheduleTrack } from "./publish-process.ts";

export type UpdatePhaseOptions = PhaseValues & {
  tenantId: string;
  phaseId: string;
  actorPersonId: string | null;
};

/**
 * Sets a phase's dates, its level on the ladder and who takes part. Phases may not overlap the one before or after
 * (stages come in order); on a published process the dated-phase machine follows the new dates.
 */
export async function updatePhase(tx: Tx, o: UpdatePhaseOptions): Promise<void> {
  const ph = schema.processPhases;
  const [found] = await tx
    .select({ processId: ph.processId })
    .from(ph)
    .where(and(eq(ph.tenantId, o.tenantId), eq(ph.id, o.phaseId)));
  if (!found) throw new ProcessesError("processes.phase-not-found");
  const { phases } = await lockPhases(tx, o.tenantId, found.processId);
  // Removed while this change waited for the lock.
  const phase = phases.find((other) => other.id === o.phaseId);
  if (!phase) throw new ProcessesError("processes.phase-not-found");
  checkPhaseOrder(phases, { id: phase.id, stage: phase.stage, startsOn: o.startsOn, endsOn: o.endsOn });
  const { tenantId, phaseId, actorPersonId, ...values } = o;
  await tx.update(ph).set(values).where(eq(ph.id, phaseId));
  await rescheduleTrack(tx, { tenantId, processId: phase.processId, actorPersonId });
  await recordAudit(tx, {
    tenantId,
    actorPersonId,
    action: "processes.phase-updated",
    subject: phaseId,
    details: { level: o.level, startsOn: o.startsOn, endsOn: o.endsOn },
  });
}
